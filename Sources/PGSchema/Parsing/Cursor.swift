/// A position in the tokens of one statement, with the reading helpers the parser needs.
struct Cursor {
    let tokens: [Token]
    let source: SourceFile
    var index = 0

    init(_ statement: StatementTokens, source: SourceFile) {
        tokens = statement.tokens
        self.source = source
    }

    var atEnd: Bool { index >= tokens.count }
    var current: Token? { index < tokens.count ? tokens[index] : nil }

    func peek(_ offset: Int = 0) -> Token? {
        index + offset < tokens.count ? tokens[index + offset] : nil
    }

    /// Where the current token (or the end of the statement) is.
    var location: SourceLocation {
        source.location(of: current?.start ?? (tokens.last?.end ?? 0))
    }

    func isWord(_ word: String, at offset: Int = 0) -> Bool { peek(offset)?.isWord(word) ?? false }

    func isSymbol(_ symbol: String, at offset: Int = 0) -> Bool { peek(offset)?.isSymbol(symbol) ?? false }

    mutating func accept(_ word: String) -> Bool {
        guard isWord(word) else { return false }
        index += 1
        return true
    }

    /// Accepts a sequence of words, all or nothing.
    mutating func accept(_ words: String...) -> Bool {
        for (offset, word) in words.enumerated() where !isWord(word, at: offset) { return false }
        index += words.count
        return true
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ word: String) throws(Diagnostic) {
        guard accept(word) else { throw unexpected("expected \(word.uppercased())") }
    }

    mutating func expectSymbol(_ symbol: String) throws(Diagnostic) {
        guard acceptSymbol(symbol) else { throw unexpected("expected '\(symbol)'") }
    }

    func unexpected(_ message: String) -> Diagnostic {
        let found = current.map { "'\(source.text($0.start, $0.end))'" } ?? "the end of the statement"
        return Diagnostic(.error, "\(message), found \(found)", at: location)
    }

    /// An identifier: an unquoted word (lower case) or a quoted identifier, truncated to 63
    /// bytes as PostgreSQL truncates it.
    mutating func identifier(_ what: String = "a name") throws(Diagnostic) -> String {
        guard let token = current, token.isIdentifier else { throw unexpected("expected \(what)") }
        index += 1
        return truncateIdentifier(token.value)
    }

    /// `name` or `schema.name` (a third part, `database.schema.name`, is accepted and dropped).
    mutating func qualifiedName(_ what: String = "a name") throws(Diagnostic) -> NameRef {
        let location = self.location
        var parts = [try identifier(what)]
        while isSymbol("."), peek(1)?.isIdentifier == true {
            index += 1
            parts.append(try identifier(what))
        }
        return NameRef(schema: parts.count > 1 ? parts[parts.count - 2] : nil, name: parts[parts.count - 1], location: location)
    }

    /// `( a, b, "C" )`
    mutating func identifierList() throws(Diagnostic) -> [String] {
        try (identifierListWithLocations()).map(\.name)
    }

    /// `(a, b)`, each name with where it is written.
    mutating func identifierListWithLocations() throws(Diagnostic) -> [(name: String, location: SourceLocation)] {
        try expectSymbol("(")
        var names: [(name: String, location: SourceLocation)] = []
        repeat {
            let location = self.location
            names.append((try identifier("a column name"), location))
        } while acceptSymbol(",")
        try expectSymbol(")")
        return names
    }

    mutating func stringLiteral(_ what: String = "a string") throws(Diagnostic) -> String {
        guard let token = current, token.kind == .string else { throw unexpected("expected \(what)") }
        index += 1
        return token.value
    }

    /// The source text of tokens from the current one up to (not including) the first, at
    /// parenthesis depth 0, that is `,` or `)` or one of `stopWords`; `nil` when there are none.
    mutating func expression(stopWords: Set<String> = [], stopAtComma: Bool = true) -> String? {
        let start = index
        var depth = 0
        while let token = current {
            if token.kind == .symbol {
                if token.value == "(" || token.value == "[" {
                    depth += 1
                } else if token.value == ")" || token.value == "]" {
                    if depth == 0 { break }
                    depth -= 1
                } else if token.value == ",", depth == 0, stopAtComma {
                    break
                }
            } else if depth == 0, token.kind == .word, stopWords.contains(token.value) {
                break
            }
            index += 1
        }
        guard index > start else { return nil }
        return text(of: start..<index)
    }

    /// The source text of a run of tokens, with identifiers longer than 63 bytes truncated as
    /// PostgreSQL truncates them wherever they appear (so an expression names the column it
    /// means); other text as written.
    func text(of range: Range<Int>) -> String {
        let whole = source.text(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
        guard tokens[range].contains(where: { ($0.kind == .word || $0.kind == .quotedIdentifier) && $0.value.utf8.count > 63 }) else {
            return whole
        }
        var text = ""
        var position = tokens[range.lowerBound].start
        for token in tokens[range] where (token.kind == .word || token.kind == .quotedIdentifier) && token.value.utf8.count > 63 {
            text += source.text(position, token.start)
            let name = truncateIdentifier(token.value)
            text += token.kind == .word ? name : "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            position = token.end
        }
        return text + source.text(position, tokens[range.upperBound - 1].end)
    }

    /// The text inside a parenthesised group, the parentheses consumed.
    mutating func parenthesized() throws(Diagnostic) -> String {
        try expectSymbol("(")
        let text = expression(stopAtComma: false) ?? ""
        try expectSymbol(")")
        return text
    }

    /// Skips a balanced parenthesised group, if one starts here.
    mutating func skipParenthesized() {
        guard isSymbol("(") else { return }
        var depth = 0
        while let token = current {
            index += 1
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }

    /// The source text from the current token to the end of the statement.
    mutating func rest() -> String {
        guard current != nil else { return "" }
        let start = index
        index = tokens.count
        return text(of: start..<tokens.count)
    }
}

/// PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes, on a character boundary.
public func truncateIdentifier(_ name: String) -> String {
    let bytes = Array(name.utf8)
    guard bytes.count > 63 else { return name }
    var end = 63
    // bytes[end] is the first byte left out; when it continues a character, leave out that whole character.
    while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return String(decoding: bytes[..<end], as: UTF8.self)
}
