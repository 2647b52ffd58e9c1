// libFuzzer entry point for the statement splitter the migrator sends no-transaction files
// through: it must not crash or hang on any bytes, and what it returns must describe the script
// (statements in order, inside the script, each at the line and character offset it reports).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSplitter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let script = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = SQLStatementSplitter.scan(script, path: "fuzz.sql")
    let scalars = Array(script.unicodeScalars)
    var previousEnd = 0
    for statement in result.statements {
        let text = Array(statement.text.unicodeScalars)
        let start = statement.characterOffset
        precondition(start >= previousEnd && start + text.count <= scalars.count, "statement outside the script or out of order")
        precondition(Array(scalars[start..<(start + text.count)]) == text, "statement text is not the script's text at its offset")
        precondition(!text.isEmpty, "empty statement")
        var line = 1
        for scalar in scalars[0..<start] where scalar == "\n" { line += 1 }
        precondition(line == statement.line, "wrong line")
        previousEnd = start + text.count
    }
    // The lexer sees the same statements as the splitter.
    let lexed = Lexer.lex(SourceFile(path: "fuzz.sql", text: script))
    precondition(lexed.statements.count == result.statements.count, "the lexer and the splitter disagree")
    precondition(lexed.diagnostics.count == result.diagnostics.count, "the lexer and the splitter report different errors")
    return 0
}
