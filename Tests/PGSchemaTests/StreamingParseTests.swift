import Foundation
import PGSchema
import Testing

/// `Parser.parse(_: SourceFile)` reads a file a statement at a time (issue 9: a 61 MB data
/// migration took 1 GB when all its tokens were kept). It must give exactly what lexing the whole
/// file first gives, on every SQL file of the repository and on the cases where the order matters.
@Suite struct StreamingParseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func bothWays(_ source: SourceFile) -> (streamed: (statements: [LocatedStatement], diagnostics: [Diagnostic]), whole: (statements: [LocatedStatement], diagnostics: [Diagnostic])) {
        (Parser.parse(source), Parser.parse(Lexer.lex(source)))
    }

    @Test func everySQLFileOfTheRepositoryParsesTheSameStreamed() throws {
        var paths: [String] = []
        for folder in ["migrations", "Tests/Histories", "Tests/Fixtures", "Examples"] {
            let url = Self.root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: url.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".sql") && !path.contains(".build/") {
                paths.append(url.appendingPathComponent(path).path)
            }
        }
        #expect(paths.count > 100, "found only \(paths.count) SQL files under \(Self.root.path)")
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let source = SourceFile(path: path, bytes: [UInt8](data))
            let (streamed, whole) = bothWays(source)
            #expect(streamed.statements == whole.statements, "\(path)")
            #expect(streamed.diagnostics == whole.diagnostics, "\(path)")
        }
    }

    @Test func aLexingErrorLateInTheFileDropsEveryStatementBothWays() {
        let source = SourceFile(path: "000001_a.up.sql", text: "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nSELECT 'unterminated;\n")
        let (streamed, whole) = bothWays(source)
        #expect(streamed.statements.isEmpty)
        #expect(streamed.diagnostics == whole.diagnostics)
        #expect(streamed.diagnostics.contains { $0.severity == .error && $0.location.line == 3 })
    }

    @Test func anAnnotationAfterADoBlockStillDescribesIt() {
        let source = SourceFile(path: "000001_a.up.sql", text: """
            DO $$ BEGIN EXECUTE 'CREATE TABLE x (id int)'; END $$;
            CREATE TABLE y (id int);
            /* pg-codegen:assume CREATE TABLE x (id int); */
            """)
        let (streamed, whole) = bothWays(source)
        #expect(streamed.statements == whole.statements)
        #expect(streamed.diagnostics == whole.diagnostics)
        #expect(streamed.statements.contains { if case .skipped(let why) = $0.statement { why.hasPrefix("DO block") } else { false } })
        #expect(SchemaLoader.fold([source]).schema.tables.map(\.name.name).sorted() == ["x", "y"])
    }

    @Test func parseErrorsKeepTheirOrderAndNamesBothWays() {
        let source = SourceFile(path: "000001_a.up.sql", text: "CREATE TABLE a (id int;\nCREATE TABLE b (id int);\nALTER TABLE b ADD COLUMN;\n")
        let (streamed, whole) = bothWays(source)
        #expect(streamed.statements == whole.statements)
        #expect(streamed.diagnostics == whole.diagnostics)
        #expect(streamed.diagnostics.filter { $0.severity == .error }.count == 2)
    }
}
