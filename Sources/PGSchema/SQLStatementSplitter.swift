/// One statement of a SQL script, as PostgreSQL's simple-query protocol would see it.
public struct SQLStatement: Sendable, Hashable {
    /// The statement's text, without the terminating `;`.
    public var text: String
    /// Where the statement starts in the script, counted the way PostgreSQL counts error
    /// positions: in characters (Unicode scalars), from 0.
    public var characterOffset: Int
    /// The 1-based line and column at which the statement starts.
    public var line: Int
    public var column: Int
    /// The statement's first two tokens, unquoted words folded to lower case (`["commit"]`,
    /// `["rollback", "to"]`); any other token is `""`. Enough to tell what kind of statement it is
    /// without keeping its tokens.
    public var leadingWords: [String] = []

    public init(text: String, characterOffset: Int, line: Int, column: Int, leadingWords: [String] = []) {
        self.text = text
        self.characterOffset = characterOffset
        self.line = line
        self.column = column
        self.leadingWords = leadingWords
    }
}

/// Splits a SQL script on the `;` that end statements: never one inside a quoted string, a quoted
/// identifier, a dollar-quoted body, a comment or a `BEGIN ATOMIC … END` function body.
///
/// The migrator needs this for files that run outside a transaction (each statement must be sent
/// on its own there, for `CREATE INDEX CONCURRENTLY`). It reads the script with the same
/// ``Lexer`` as the generator, in one pass (linear in the script's length, holding no tokens), and
/// reports the same lexing errors, so a file that the generator refuses is never half run.
/// Statements that hold nothing but white space and comments are left out.
public enum SQLStatementSplitter {
    /// A script's statements, and the lexing errors (an unterminated comment, string or quoted
    /// identifier) that make it unfit to run.
    public struct Result: Sendable {
        public var statements: [SQLStatement]
        public var diagnostics: [Diagnostic]
    }

    /// The statements of `script`; use ``scan(_:path:)`` to also learn about lexing errors.
    public static func split(_ script: String) -> [SQLStatement] {
        scan(script).statements
    }

    public static func scan(_ script: String, path: String = "") -> Result {
        let source = SourceFile(path: path, text: script)
        let bytes = source.bytes
        var lexer = Lexer(source: source, bytes: bytes)
        var boundaries = StatementBoundaries()
        var statements: [SQLStatement] = []
        // Offsets are counted forward only: one walk over the bytes in all.
        var counted = 0
        var characters = 0
        var line = 1
        var column = 1
        var start: Int?
        var leadingWords: [String] = []

        func finish(at end: Int) {
            guard let first = start else { return }
            while counted < first {
                let byte = bytes[counted]
                if byte & 0xC0 != 0x80 {
                    characters += 1
                    if byte == 0x0A {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                counted += 1
            }
            statements.append(SQLStatement(
                text: source.text(first, end), characterOffset: characters, line: line, column: column, leadingWords: leadingWords
            ))
            start = nil
            leadingWords.removeAll(keepingCapacity: true)
        }

        while let token = lexer.next() {
            if boundaries.ends(at: token) {
                finish(at: token.start)
                continue
            }
            if start == nil { start = token.start }
            if leadingWords.count < 2 { leadingWords.append(token.kind == .word ? token.value : "") }
        }
        finish(at: bytes.count)
        return Result(statements: statements, diagnostics: lexer.diagnostics)
    }
}

/// The 1-based line and column of a 0-based character (Unicode scalar) offset in `text`, counting
/// `\r\n` as one line break: how PostgreSQL's error positions map back to a file.
public func lineAndColumn(in text: String, characterOffset: Int) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var previousWasCR = false
    for (offset, scalar) in text.unicodeScalars.enumerated() {
        if offset >= characterOffset { break }
        if scalar == "\n" {
            if !previousWasCR { line += 1 }
            column = 1
        } else if scalar == "\r" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        previousWasCR = scalar == "\r"
    }
    return (line, column)
}
