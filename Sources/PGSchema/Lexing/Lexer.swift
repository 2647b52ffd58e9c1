/// The tokens of one statement, and where it starts and ends in its file.
public struct StatementTokens: Sendable {
    public var tokens: [Token]
    public var start: Int
    public var end: Int
}

/// A file cut into statements of tokens, with the errors found on the way.
public struct LexedFile: Sendable {
    public var source: SourceFile
    public var statements: [StatementTokens]
    public var diagnostics: [Diagnostic]
    /// The byte ranges of `/* pg-codegen:assume … */` comments, after the marker: SQL that the
    /// generator folds as if it were written there, and that PostgreSQL never runs.
    public var annotations: [Range<Int>] = []
}

/// Cuts SQL into tokens, working on bytes: identifiers (unquoted ones folded to lower case, quoted
/// ones kept with `""` unescaped), numbers, strings in all of PostgreSQL's forms (`'…'` with `''`,
/// `E'\n'` escapes, `U&'\0041'`, `$$…$$` and `$tag$…$tag$`), `--` and nested `/* */` comments,
/// operators and `::` casts; statements end at a `;` outside all of those (and outside a
/// `BEGIN ATOMIC … END` function body).
public struct Lexer {
    let source: SourceFile
    let bytes: [UInt8]
    var index = 0
    var diagnostics: [Diagnostic] = []
    var annotations: [Range<Int>] = []
    var boundaries = StatementBoundaries()

    /// The word that opens an annotation comment.
    static let annotationMarker = Array("pg-codegen:assume".utf8)

    public static func lex(_ source: SourceFile) -> LexedFile {
        var lexer = Lexer(source: source, bytes: source.bytes)
        return lexer.run()
    }

    mutating func run() -> LexedFile {
        var statements: [StatementTokens] = []
        while let statement = nextStatement() { statements.append(statement) }
        return LexedFile(source: source, statements: statements, diagnostics: diagnostics, annotations: annotations)
    }

    /// The tokens of the next statement, or `nil` at the end of the file. Reading a file a
    /// statement at a time keeps only one statement's tokens in memory (a 60 MB data migration
    /// has tens of millions of tokens).
    mutating func nextStatement() -> StatementTokens? {
        var current: [Token] = []
        var statementStart = -1
        while let token = next() {
            if boundaries.ends(at: token) {
                if !current.isEmpty {
                    return StatementTokens(tokens: current, start: statementStart, end: token.start)
                }
                continue
            }
            if current.isEmpty { statementStart = token.start }
            current.append(token)
        }
        return current.isEmpty ? nil : StatementTokens(tokens: current, start: statementStart, end: bytes.count)
    }

    // MARK: - Tokens

    mutating func next() -> Token? {
        skipWhitespaceAndComments()
        guard index < bytes.count else { return nil }
        let start = index
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "'"):
            return string(from: start, contentStart: index + 1, escapes: .none)
        case UInt8(ascii: "\""):
            return quotedIdentifier(from: start, contentStart: index + 1, unicode: false)
        case UInt8(ascii: "$"):
            if index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                index += 1
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                return Token(kind: .parameter, value: source.text(start, index), start: start, end: index)
            }
            if let token = dollarString(from: start) { return token }
            index += 1
            return Token(kind: .symbol, value: "$", start: start, end: index)
        case _ where isDigit(byte) || (byte == UInt8(ascii: ".") && index + 1 < bytes.count && isDigit(bytes[index + 1])):
            return number(from: start)
        case _ where isIdentifierStart(byte):
            // String prefixes: E'…', U&'…', U&"…", B'…', X'…', N'…'.
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                switch byte | 0x20 {
                case UInt8(ascii: "e"): return string(from: start, contentStart: index + 2, escapes: .backslash)
                case UInt8(ascii: "b"), UInt8(ascii: "x"), UInt8(ascii: "n"): return string(from: start, contentStart: index + 2, escapes: .none)
                default: break
                }
            }
            if byte | 0x20 == UInt8(ascii: "u"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "&") {
                if bytes[index + 2] == UInt8(ascii: "'") { return string(from: start, contentStart: index + 3, escapes: .unicode) }
                if bytes[index + 2] == UInt8(ascii: "\"") { return quotedIdentifier(from: start, contentStart: index + 3, unicode: true) }
            }
            return word(from: start)
        default:
            return symbol(from: start)
        }
    }

    mutating func skipWhitespaceAndComments() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                index += 1
            } else if byte == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                let start = index
                var depth = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                        depth += 1
                        index += 2
                    } else if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                        depth -= 1
                        index += 2
                        if depth == 0 { break }
                    } else {
                        index += 1
                    }
                }
                if depth > 0 {
                    error("unterminated /* comment", at: start)
                } else {
                    var content = start + 2
                    while content < index, bytes[content] == 0x20 || bytes[content] == 0x0A || bytes[content] == 0x0D || bytes[content] == 0x09 { content += 1 }
                    let marker = Self.annotationMarker
                    if index - 2 - content >= marker.count, bytes[content..<(content + marker.count)].elementsEqual(marker) {
                        annotations.append((content + marker.count)..<(index - 2))
                    }
                }
            } else {
                return
            }
        }
    }

    enum Escapes { case none, backslash, unicode }

    mutating func string(from start: Int, contentStart: Int, escapes: Escapes) -> Token {
        index = contentStart
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else {
                error("unterminated quoted string", at: start)
                break
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                    value.append(byte)
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if byte == UInt8(ascii: "\\"), escapes != .none, index + 1 < bytes.count {
                index += 1
                if escapes == .backslash { appendBackslashEscape(to: &value) } else { appendUnicodeEscape(to: &value) }
                continue
            }
            value.append(byte)
            index += 1
        }
        return Token(kind: .string, value: String(decoding: value, as: UTF8.self), start: start, end: index)
    }

    private mutating func appendBackslashEscape(to value: inout [UInt8]) {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "n"): value.append(0x0A)
        case UInt8(ascii: "t"): value.append(0x09)
        case UInt8(ascii: "r"): value.append(0x0D)
        case UInt8(ascii: "b"): value.append(0x08)
        case UInt8(ascii: "f"): value.append(0x0C)
        case UInt8(ascii: "x"):
            var code = 0
            var digits = 0
            while digits < 2, index < bytes.count, let digit = hexValue(bytes[index]) { code = code * 16 + digit; index += 1; digits += 1 }
            value.append(UInt8(truncatingIfNeeded: code))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            var code: UInt32 = 0
            for _ in 0..<count where index < bytes.count {
                guard let digit = hexValue(bytes[index]) else { break }
                code = code * 16 + UInt32(digit)
                index += 1
            }
            value.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8))
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var code = Int(byte - UInt8(ascii: "0"))
            var digits = 1
            while digits < 3, index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "7") {
                code = code * 8 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
                digits += 1
            }
            value.append(UInt8(truncatingIfNeeded: code))
        default:
            value.append(byte)
        }
    }

    private mutating func appendUnicodeEscape(to value: inout [UInt8]) {
        // U&'…': \XXXX, \+XXXXXX, or \\ for a backslash.
        if bytes[index] == UInt8(ascii: "\\") {
            value.append(UInt8(ascii: "\\"))
            index += 1
            return
        }
        var count = 4
        if bytes[index] == UInt8(ascii: "+") {
            count = 6
            index += 1
        }
        var code: UInt32 = 0
        for _ in 0..<count where index < bytes.count {
            guard let digit = hexValue(bytes[index]) else { break }
            code = code * 16 + UInt32(digit)
            index += 1
        }
        value.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8))
    }

    mutating func quotedIdentifier(from start: Int, contentStart: Int, unicode: Bool) -> Token {
        index = contentStart
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else {
                error("unterminated quoted identifier", at: start)
                break
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                    value.append(byte)
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if unicode, byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                appendUnicodeEscape(to: &value)
                continue
            }
            value.append(byte)
            index += 1
        }
        if value.isEmpty { error("zero-length delimited identifier", at: start) }
        return Token(kind: .quotedIdentifier, value: String(decoding: value, as: UTF8.self), start: start, end: index)
    }

    /// `$tag$ … $tag$`; `nil` when the `$` does not open one.
    mutating func dollarString(from start: Int) -> Token? {
        var tagEnd = start + 1
        while tagEnd < bytes.count, bytes[tagEnd] != UInt8(ascii: "$") {
            let byte = bytes[tagEnd]
            let allowed = isIdentifierStart(byte) || (tagEnd > start + 1 && isDigit(byte))
            guard allowed else { return nil }
            tagEnd += 1
        }
        guard tagEnd < bytes.count else { return nil }
        let tag = bytes[start...tagEnd]
        let contentStart = tagEnd + 1
        var search = contentStart
        while search < bytes.count {
            if bytes[search] == UInt8(ascii: "$"), search + tag.count <= bytes.count, bytes[search..<(search + tag.count)].elementsEqual(tag) {
                index = search + tag.count
                return Token(kind: .string, value: source.text(contentStart, search), start: start, end: index)
            }
            search += 1
        }
        error("unterminated dollar-quoted string (\(String(decoding: tag, as: UTF8.self)) is never closed)", at: start)
        index = bytes.count
        return Token(kind: .string, value: source.text(contentStart, bytes.count), start: start, end: index)
    }

    mutating func number(from start: Int) -> Token {
        while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "."),
           !(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ".")) {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            var look = index + 1
            if look < bytes.count, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") { look += 1 }
            if look < bytes.count, isDigit(bytes[look]) {
                index = look
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
        }
        // Hexadecimal, octal and binary integers (0x1F) and anything glued on stay part of the number.
        while index < bytes.count, isIdentifierPart(bytes[index]) { index += 1 }
        return Token(kind: .number, value: source.text(start, index), start: start, end: index)
    }

    mutating func word(from start: Int) -> Token {
        var hasUpper = false
        while index < bytes.count, isIdentifierPart(bytes[index]) {
            if bytes[index] >= UInt8(ascii: "A"), bytes[index] <= UInt8(ascii: "Z") { hasUpper = true }
            index += 1
        }
        let value: String
        if hasUpper {
            value = String(decoding: bytes[start..<index].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
        } else {
            value = source.text(start, index)
        }
        return Token(kind: .word, value: value, start: start, end: index)
    }

    mutating func symbol(from start: Int) -> Token {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: "."):
            break
        case UInt8(ascii: ":"):
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "=") { index += 1 }
        case _ where isOperatorCharacter(byte):
            while index < bytes.count, isOperatorCharacter(bytes[index]) {
                // A comment start ends the operator.
                if (bytes[index] == UInt8(ascii: "-") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"))
                    || (bytes[index] == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*")) {
                    break
                }
                index += 1
            }
        default:
            break
        }
        return Token(kind: .symbol, value: source.text(start, index), start: start, end: index)
    }

    mutating func error(_ message: String, at offset: Int) {
        diagnostics.append(Diagnostic(.error, message, at: source.location(of: offset)))
    }
}

/// Which `;` ends a statement: every one outside a `BEGIN ATOMIC … END` function body. Fed the
/// tokens in order; keeps only the few it needs (the first four of the statement and the last),
/// so that a caller that wants only the boundaries holds no tokens.
struct StatementBoundaries {
    private var atomicDepth = 0
    private var head: [Token] = []
    private var last: Token?

    /// Whether `token` is the `;` that ends the current statement; otherwise it joins the statement.
    mutating func ends(at token: Token) -> Bool {
        if token.isSymbol(";") && atomicDepth == 0 {
            head.removeAll(keepingCapacity: true)
            last = nil
            return true
        }
        if token.kind == .word {
            if atomicDepth > 0 {
                if token.value == "begin" || token.value == "case" { atomicDepth += 1 }
                if token.value == "end" { atomicDepth -= 1 }
            } else if token.value == "atomic", last?.isWord("begin") == true, isRoutineDefinition {
                atomicDepth = 1
            }
        }
        if head.count < 4 { head.append(token) }
        last = token
        return false
    }

    private var isRoutineDefinition: Bool {
        guard head.first?.isWord("create") == true else { return false }
        return head.contains { $0.isWord("function") || $0.isWord("procedure") }
    }
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always) func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte >= 0x80
}

@inline(__always) func isIdentifierPart(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte) || byte == 0x24
}

@inline(__always) func isOperatorCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: ">"),
         UInt8(ascii: "="), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"), UInt8(ascii: "#"), UInt8(ascii: "%"),
         UInt8(ascii: "^"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "?"):
        return true
    default:
        return false
    }
}

@inline(__always) func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x30...0x39: return Int(byte - 0x30)
    case 0x41...0x46: return Int(byte - 0x41 + 10)
    case 0x61...0x66: return Int(byte - 0x61 + 10)
    default: return nil
    }
}
