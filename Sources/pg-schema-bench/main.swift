// pg-schema-bench [MIGRATIONS] [RUNS]: times folding a synthetic module (run by `make bench`).
// pg-schema-bench write MIGRATIONS FOLDER: writes the same module and nothing else.
//
// Writes MIGRATIONS (default 1,000) migration files to a temporary folder: every other one
// creates a table of 20 columns (about 500 tables, 10,000 columns), the others alter the table
// before (add a column, an index, comments, enum values). Folds the folder RUNS times (default 10)
// and prints the median and best time and the peak memory; then does the same with twice the
// migrations, to show how time grows with input. Prints the folder so others can parse the same
// files (scripts/bench-schema.sh runs pglast on it).
import Foundation
import PGSchema
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 1000 : 1000
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 10 : 10

func writeModule(migrations: Int, to folder: String) throws -> Int {
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let types = ["bigint", "integer", "text", "varchar(120)", "numeric(12,2)", "boolean", "timestamptz", "date", "jsonb", "uuid", "text[]", "double precision"]
    var bytes = 0
    var table = 0
    for version in 1...migrations {
        var sql = ""
        if version % 2 == 1 {
            table += 1
            if table % 25 == 1 {
                sql += "CREATE TYPE status_\(table) AS ENUM ('new', 'active', 'done');\n"
            }
            sql += "CREATE TABLE t\(table) (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
            for column in 1..<20 {
                sql += ",\n    attribute_\(column) \(types[(column + table) % types.count])\(column % 3 == 0 ? " NOT NULL" : "")"
            }
            sql += "\n);\n"
        } else {
            sql += "ALTER TABLE t\(table) ADD COLUMN extra_\(version) text, ALTER COLUMN attribute_3 DROP NOT NULL;\n"
            sql += "CREATE INDEX t\(table)_attribute_1_idx ON t\(table) (attribute_1);\n"
            sql += "COMMENT ON TABLE t\(table) IS 'Table number \(table)';\n"
            sql += "COMMENT ON COLUMN t\(table).attribute_2 IS 'The second column';\n"
            if table % 25 == 1 { sql += "ALTER TYPE status_\(table) ADD VALUE 'archived' AFTER 'done';\n" }
        }
        let name = String(format: "%06d_step_%d.up.sql", version, version)
        try sql.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
        bytes += sql.utf8.count
    }
    return bytes
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func measure(_ folder: String) -> (median: Double, best: Double, tables: Int, columns: Int) {
    var times: [Double] = []
    var tables = 0
    var columns = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = SchemaLoader.load(migrations: folder)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        precondition(!result.hasErrors, "\(result.diagnostics.prefix(3))")
        tables = result.schema.tables.count
        columns = result.schema.tables.reduce(0) { $0 + $1.columns.count }
    }
    times.sort()
    return (times[times.count / 2], times[0], tables, columns)
}

// `pg-schema-bench write MIGRATIONS FOLDER` only writes the module (scripts/bench-build.sh).
if arguments.count == 4, arguments[1] == "write", let migrations = Int(arguments[2]) {
    _ = try writeModule(migrations: migrations, to: arguments[3])
    exit(0)
}

let base = NSTemporaryDirectory() + "pg-schema-bench"
let single = base + "/module"
let double = base + "/module-x2"
let bytes = try writeModule(migrations: count, to: single)
let doubleBytes = try writeModule(migrations: count * 2, to: double)

let one = measure(single)
let memory = peakMemoryMB()
let two = measure(double)
print("fold \(count) migrations (\(one.tables) tables, \(one.columns) columns, \(bytes / 1024) KiB of SQL), \(runs) runs:")
print(String(format: "  median %.1f ms, best %.1f ms, peak memory %.1f MB", one.median, one.best, memory))
print("fold \(count * 2) migrations (\(doubleBytes / 1024) KiB):")
print(String(format: "  median %.1f ms: %.2f× the time for %.2f× the input", two.median, two.median / one.median, Double(doubleBytes) / Double(bytes)))
print("module: \(single)")
