import Foundation
import PGQueries
import PGSchema

/// Query files in, one Swift file out: `Queries+SQL.swift`, with a namespace `<Module>Queries`
/// holding, for each annotated query, its SQL as a typed `PGQuery`, a row struct (or the table's
/// model when the query returns whole rows of one table) and a function taking typed parameters;
/// and a read-only model for each view and materialized view, typed by the same analysis.
public enum QueryFileGenerator {
    /// The file the generator writes when a module has query files.
    public static let outputFileName = "Queries+SQL.swift"

    public struct Output: Sendable {
        /// ``outputFileName`` and its contents; `nil` when there were errors.
        public var file: (name: String, contents: String)?
        public var queries: [AnalyzedQuery]
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Analyses the `*.sql` files of `directory` against `schema` and renders their functions.
    /// `tableTypeNames` are the models the table generator chose (``Generator/Output/tableTypeNames``).
    /// With no `directory`, the file holds the models of the views alone: every module gets them.
    public static func generate(
        queries directory: String?, schema: Schema, moduleName: String, config: GeneratorConfig = GeneratorConfig(),
        tableTypeNames: [QualifiedName: String]
    ) -> Output {
        let views = QueryAnalyzer.analyzeViews(schema: schema)
        guard let directory else {
            return render([], schema: schema, moduleName: moduleName, config: config, tableTypeNames: tableTypeNames, views: views.views, diagnostics: views.diagnostics)
        }
        let analysed = QueryAnalyzer.analyze(directory: directory, schema: schema)
        guard !analysed.hasErrors else { return Output(file: nil, queries: analysed.queries, diagnostics: analysed.diagnostics) }
        let files = Set(analysed.queries.map { URL(fileURLWithPath: $0.location.file).lastPathComponent }).sorted()
        return render(
            analysed.queries, schema: schema, moduleName: moduleName, config: config, tableTypeNames: tableTypeNames,
            views: views.views, sourceDescription: files.isEmpty ? nil : files.count == 1 ? files[0] : "\(files.count) files, \(files[0]) to \(files[files.count - 1])",
            diagnostics: analysed.diagnostics + views.diagnostics
        )
    }

    /// Renders analysed queries (tests, benchmarks). With no `sourceDescription` (no query files),
    /// the file holds the views' models alone.
    public static func render(
        _ queries: [AnalyzedQuery], schema: Schema, moduleName: String, config: GeneratorConfig = GeneratorConfig(),
        tableTypeNames: [QualifiedName: String], views: [AnalyzedView] = [], sourceDescription: String? = nil, diagnostics: [Diagnostic] = []
    ) -> Output {
        var translator = QueryTranslation(schema: schema, config: config, moduleName: moduleName, tableTypeNames: tableTypeNames)
        let file = translator.file(queries, views: views, source: sourceDescription)
        let all = diagnostics + translator.diagnostics
        guard !all.contains(where: { $0.severity == .error }) else { return Output(file: nil, queries: queries, diagnostics: all) }
        return Output(file: (outputFileName, SwiftRenderer.render(file)), queries: queries, diagnostics: all)
    }
}
