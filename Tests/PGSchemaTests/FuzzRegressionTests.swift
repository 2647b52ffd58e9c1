import Foundation
import PGSchema
import Testing

/// Every input kept in Tests/Fixtures/fuzz-regressions/splitter (crashes `make fuzz` found, and
/// hand-made hostile scripts), checked as Fuzz/SplitterFuzzer.swift checks them.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz-regressions/splitter").path

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func thereAreInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func splitterDescribesTheScript(name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name))
        let script = String(decoding: data, as: UTF8.self)
        let result = SQLStatementSplitter.scan(script, path: name)
        let scalars = Array(script.unicodeScalars)
        var previousEnd = 0
        for statement in result.statements {
            let text = Array(statement.text.unicodeScalars)
            let start = statement.characterOffset
            #expect(!text.isEmpty)
            try #require(start >= previousEnd && start + text.count <= scalars.count)
            #expect(Array(scalars[start..<(start + text.count)]) == text)
            #expect(scalars[0..<start].filter { $0 == "\n" }.count + 1 == statement.line)
            previousEnd = start + text.count
        }
        let lexed = Lexer.lex(SourceFile(path: name, text: script))
        #expect(lexed.statements.count == result.statements.count)
        #expect(lexed.diagnostics.count == result.diagnostics.count)
        _ = SchemaLoader.fold([SourceFile(path: "000001_\(name).up.sql", bytes: Array(data))])
    }
}
