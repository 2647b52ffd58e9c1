import Foundation
import PGSchema

/// The query analyser's entry point: reads a module's query files and types each query against
/// the module's folded schema, with no database.
public enum QueryAnalyzer {
    public struct Result: Sendable {
        /// The analysed queries, by file in name order, then in file order.
        public var queries: [AnalyzedQuery]
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Analyses every `*.sql` file of `directory`. A `catalog.json` there (`{"functions": ["f(int4) -> text", …]}`)
    /// adds functions and operators to the built-in catalog.
    public static func analyze(directory: String, schema: Schema, catalog: Catalog = .standard) -> Result {
        let url = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sql") }.sorted()
        } catch {
            return Result(queries: [], diagnostics: [Diagnostic(.error, "cannot read the queries folder: \(error.localizedDescription)", at: SourceLocation(file: directory, line: 1, column: 1))])
        }
        var catalog = catalog
        let catalogPath = url.appendingPathComponent("catalog.json").path
        if FileManager.default.fileExists(atPath: catalogPath) {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: catalogPath))
                let config = try JSONDecoder().decode(CatalogFile.self, from: data)
                catalog = try catalog.adding((config.functions ?? []) + (config.operators ?? []))
            } catch {
                return Result(queries: [], diagnostics: [Diagnostic(.error, "\(error)", at: SourceLocation(file: catalogPath, line: 1, column: 1))])
            }
        }
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            do {
                files.append(SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
            } catch {
                diagnostics.append(Diagnostic(.error, "cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        var result = analyze(files: files, schema: schema, catalog: catalog)
        result.diagnostics = diagnostics + result.diagnostics
        return result
    }

    struct CatalogFile: Decodable {
        var functions: [String]?
        var operators: [String]?
    }

    /// Analyses query files given as text (tests, benchmarks).
    public static func analyze(files: [SourceFile], schema: Schema, catalog: Catalog = .standard) -> Result {
        var queries: [AnalyzedQuery] = []
        var diagnostics: [Diagnostic] = []
        var names: [String: SourceLocation] = [:]
        var viewColumns: [QualifiedName: [RangeColumn]] = [:]
        let index = SchemaIndex(schema)
        for file in files {
            let (sources, readDiagnostics) = QueryFileReader.read(file)
            diagnostics += readDiagnostics
            let analyzer = Analyzer(schema: schema, index: index, catalog: catalog, source: file, viewColumns: viewColumns)
            for source in sources {
                do {
                    let query = try analyzer.analyze(source)
                    if let first = names[query.name] {
                        diagnostics.append(Diagnostic(.error, "a query named \(query.name) is already defined", at: query.location, note: "the first is at \(first)"))
                        continue
                    }
                    names[query.name] = query.location
                    queries.append(query)
                } catch {
                    diagnostics.append(error)
                }
            }
            viewColumns = analyzer.viewColumns
        }
        return Result(queries: queries, diagnostics: diagnostics)
    }

    /// Analyses one file's text (tests).
    public static func analyze(sql: String, path: String = "queries.sql", schema: Schema, catalog: Catalog = .standard) -> Result {
        analyze(files: [SourceFile(path: path, text: sql)], schema: schema, catalog: catalog)
    }
}
