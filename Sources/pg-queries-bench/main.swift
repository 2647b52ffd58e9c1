// pg-queries-bench MIGRATIONS_FOLDER [QUERIES] [RUNS]: times the typed-query analyser and renderer
// (run by `make bench` through scripts/bench-queries.sh, on the synthetic module that
// `pg-schema-bench write 1000 FOLDER` writes: tables t1…t500 of an identity id and 19 attributes).
//
// Writes QUERIES (default 1,000) annotated queries over those tables into ten files (selects by
// key, left joins, GROUP BY reports, CTEs, updates and inserts with RETURNING), folds the module
// once, then analyses and renders the queries RUNS times (default 10) and prints the median and
// best time of that step, and the fold's time for comparison.
import Foundation
import PGCodegen
import PGQueries
import PGSchema

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    print("usage: pg-queries-bench MIGRATIONS_FOLDER [QUERIES] [RUNS]")
    exit(2)
}
let migrations = arguments[1]
let count = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 10 : 10

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var folded: SchemaLoader.Result!
let foldTime = seconds { folded = SchemaLoader.load(migrations: migrations) }
guard !folded.hasErrors else {
    print(folded.diagnostics.map(\.description).joined(separator: "\n"))
    exit(1)
}
let tables = folded.schema.tables.count
let queries = NSTemporaryDirectory() + "pg-queries-bench-\(getpid())"
try? FileManager.default.removeItem(atPath: queries)
try FileManager.default.createDirectory(atPath: queries, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: queries) }

var files = Array(repeating: "", count: 10)
for index in 0..<count {
    let t = index % max(1, tables - 1) + 1
    let sql: String
    switch index % 6 {
    case 0: sql = "-- name: Find\(index) :one\nSELECT t.id, t.attribute_1, t.attribute_2, t.attribute_3 FROM t\(t) t WHERE t.id = @id;"
    case 1: sql = "-- name: Join\(index) :many\nSELECT a.id, a.attribute_4, b.attribute_5 AS other FROM t\(t) a LEFT JOIN t\(t + 1) b ON b.id = a.id WHERE a.id > @after ORDER BY a.id LIMIT @n;"
    case 2: sql = "-- name: Report\(index) :many\nSELECT attribute_6, count(*) AS n, max(id) AS top, sum(id) AS total FROM t\(t) GROUP BY attribute_6 HAVING count(*) > @least ORDER BY n DESC;"
    case 3: sql = "-- name: Recent\(index) :many\nWITH recent AS (SELECT id, attribute_7 FROM t\(t) ORDER BY id DESC LIMIT 100) SELECT r.id, r.attribute_7, row_number() OVER (ORDER BY r.id) AS position FROM recent r;"
    case 4: sql = "-- name: Update\(index) :execrows\nUPDATE t\(t) SET attribute_5 = @value WHERE id = ANY(@ids);"
    default: sql = "-- name: Rows\(index) :many\nSELECT * FROM t\(t) WHERE id BETWEEN @low AND @high;"
    }
    files[index % 10] += sql + "\n\n"
}
for (index, text) in files.enumerated() {
    try text.write(toFile: queries + "/q\(index).sql", atomically: true, encoding: .utf8)
}

let names = Dictionary(uniqueKeysWithValues: folded.schema.tables.map { ($0.name, Naming.typeName(forTable: $0.name.name)) })
var times: [Double] = []
var output: QueryFileGenerator.Output!
for _ in 0..<runs {
    times.append(seconds {
        output = QueryFileGenerator.generate(queries: queries, schema: folded.schema, moduleName: "Bench", tableTypeNames: names)
    })
}
guard !output.hasErrors else {
    print(output.diagnostics.prefix(10).map(\.description).joined(separator: "\n"))
    exit(1)
}
var analysis: [Double] = []
for _ in 0..<runs {
    analysis.append(seconds { _ = QueryAnalyzer.analyze(directory: queries, schema: folded.schema) })
}
analysis.sort()
times.sort()
let size = output.file?.contents.utf8.count ?? 0
print(String(
    format: "typed queries: %d queries over %d tables analysed and rendered (%d KB of Swift) in %.1f ms median, %.1f ms best (%d runs; analysis alone %.1f ms median); folding the module took %.0f ms",
    output.queries.count, tables, size / 1024, times[times.count / 2] * 1000, times[0] * 1000, runs, analysis[analysis.count / 2] * 1000, foldTime * 1000
))
