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
}

/// Splits a SQL script on the `;` that end statements: never one inside a quoted string, a quoted
/// identifier, a dollar-quoted body or a comment.
///
/// The migrator needs this for files that run outside a transaction (each statement must be sent
/// on its own there, for `CREATE INDEX CONCURRENTLY`); the full lexer builds on the same rules.
/// Statements that hold nothing but white space and comments are left out.
public enum SQLStatementSplitter {
    public static func split(_ script: String) -> [SQLStatement] {
        let scalars = Array(script.unicodeScalars)
        var statements: [SQLStatement] = []
        var start = 0
        var index = 0
        var hasCode = false

        func finish(at end: Int) {
            if hasCode {
                var (line, column) = (1, 1)
                // Position the statement at its first character that is not white space or comment.
                let first = firstCodeIndex(scalars, from: start, to: end)
                for scalar in scalars[0..<first] {
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[first..<end])
                statements.append(SQLStatement(text: String(text), characterOffset: first, line: line, column: column))
            }
            hasCode = false
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case ";":
                finish(at: index)
                index += 1
                start = index
                continue
            case "-" where next(scalars, index) == "-":
                index = skipLineComment(scalars, from: index)
                continue
            case "/" where next(scalars, index) == "*":
                index = skipBlockComment(scalars, from: index)
                continue
            case "'":
                let escapes = isEscapeStringPrefix(scalars, before: index)
                index = skipQuoted(scalars, from: index, quote: "'", backslashEscapes: escapes)
            case "\"":
                index = skipQuoted(scalars, from: index, quote: "\"", backslashEscapes: false)
            case "$":
                if let end = skipDollarQuoted(scalars, from: index) { index = end } else { index += 1 }
            default:
                index += 1
            }
            if !scalar.properties.isWhitespace { hasCode = true }
        }
        finish(at: scalars.count)
        return statements
    }

    private static func next(_ scalars: [Unicode.Scalar], _ index: Int) -> Unicode.Scalar? {
        index + 1 < scalars.count ? scalars[index + 1] : nil
    }

    private static func firstCodeIndex(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            if scalars[index].properties.isWhitespace {
                index += 1
            } else if scalars[index] == "-", next(scalars, index) == "-" {
                index = skipLineComment(scalars, from: index)
            } else if scalars[index] == "/", next(scalars, index) == "*" {
                index = skipBlockComment(scalars, from: index)
            } else {
                break
            }
        }
        return min(index, end)
    }

    static func skipLineComment(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var index = index + 2
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        return index
    }

    /// Block comments nest in PostgreSQL: `/* a /* b */ c */` is one comment.
    static func skipBlockComment(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var depth = 0
        var index = index
        while index < scalars.count {
            if scalars[index] == "/", next(scalars, index) == "*" {
                depth += 1
                index += 2
            } else if scalars[index] == "*", next(scalars, index) == "/" {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return index
    }

    /// `E'…'` and `e'…'` strings take backslash escapes; so does nothing else (with the default
    /// `standard_conforming_strings = on`).
    private static func isEscapeStringPrefix(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        guard index > 0, scalars[index - 1] == "E" || scalars[index - 1] == "e" else { return false }
        // The E must start a token: `name'` is not an escape string.
        if index >= 2 {
            let previous = scalars[index - 2]
            if previous.properties.isAlphabetic || previous == "_" || previous.properties.numericType != nil || previous == "$" {
                return false
            }
        }
        return true
    }

    static func skipQuoted(_ scalars: [Unicode.Scalar], from index: Int, quote: Unicode.Scalar, backslashEscapes: Bool) -> Int {
        var index = index + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if backslashEscapes, scalar == "\\" {
                index += 2
            } else if scalar == quote {
                if next(scalars, index) == quote { index += 2 } else { return index + 1 }
            } else {
                index += 1
            }
        }
        return index
    }

    /// `$$…$$` or `$tag$…$tag$`; `nil` when the `$` does not open a dollar quote (`$1`).
    static func skipDollarQuoted(_ scalars: [Unicode.Scalar], from index: Int) -> Int? {
        if index > 0 {
            let previous = scalars[index - 1]
            // `a$b$` is an identifier that contains dollars, not a quote.
            if previous.properties.isAlphabetic || previous == "_" || previous.properties.numericType != nil {
                return nil
            }
        }
        var tagEnd = index + 1
        while tagEnd < scalars.count, scalars[tagEnd] != "$" {
            let scalar = scalars[tagEnd]
            let isTagCharacter = scalar.properties.isAlphabetic || scalar == "_"
                || (tagEnd > index + 1 && scalar.properties.numericType != nil)
            guard isTagCharacter else { return nil }
            tagEnd += 1
        }
        guard tagEnd < scalars.count else { return nil }
        let tag = Array(scalars[index...tagEnd])
        var search = tagEnd + 1
        while search + tag.count <= scalars.count {
            if scalars[search] == "$", Array(scalars[search..<(search + tag.count)]) == tag {
                return search + tag.count
            }
            search += 1
        }
        return scalars.count
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
