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

    /// Types every view of the schema by analysing its query. A view that cannot be typed gets a
    /// warning at the migration that last wrote it (and no model); the other views are returned.
    public static func analyzeViews(schema: Schema, catalog: Catalog = .standard) -> (views: [AnalyzedView], diagnostics: [Diagnostic]) {
        let index = SchemaIndex(schema)
        var views: [AnalyzedView] = []
        var diagnostics: [Diagnostic] = []
        var known: [QualifiedName: [RangeColumn]] = [:]
        for view in schema.views {
            let source = SourceFile(path: view.provenance.lastChanged.file, text: "")
            let analyzer = Analyzer(schema: schema, index: index, catalog: catalog, source: source, viewColumns: known)
            do {
                let columns = try analyzer.columns(of: view, at: 0)
                known = analyzer.viewColumns
                views.append(AnalyzedView(
                    name: view.name, isMaterialized: view.isMaterialized,
                    columns: columns.map { QueryColumn(name: $0.name, type: $0.type, isNotNull: $0.notNull, originTable: $0.originTable, originColumn: $0.originColumn) },
                    provenance: view.provenance, comment: view.comment, columnComments: view.columnComments,
                    readsOneTable: readsOneTable(view.query)
                ))
            } catch {
                diagnostics.append(Diagnostic(.warning, "\(error.message); it gets no model", at: view.provenance.lastChanged))
            }
        }
        return (views, diagnostics)
    }

    /// `SELECT … FROM one_table [WHERE …] [ORDER BY …]`, nothing that could repeat or merge rows.
    static func readsOneTable(_ query: String) -> Bool {
        let source = SourceFile(path: "", text: query)
        guard let tokens = Lexer.lex(source).statements.first?.tokens else { return false }
        var parser = QueryParser(tokens: tokens, source: source)
        guard case .query(let parsed)? = try? parser.statement(), parsed.with == nil, case .select(let core) = parsed.body,
              core.from.count == 1, case .relation = core.from[0], core.groupBy.isEmpty, core.having == nil, !core.distinct else { return false }
        return !core.items.contains { item in
            if case .call(let call) = item.expression { return Catalog.standard.functions[call.name.last ?? ""]?.contains { $0.returnsSet || $0.isAggregate } ?? false }
            return false
        }
    }

    /// Analyses one file's text (tests).
    public static func analyze(sql: String, path: String = "queries.sql", schema: Schema, catalog: Catalog = .standard) -> Result {
        analyze(files: [SourceFile(path: path, text: sql)], schema: schema, catalog: catalog)
    }
}
