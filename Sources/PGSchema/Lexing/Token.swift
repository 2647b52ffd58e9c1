/// One token of a SQL script.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An unquoted word: a keyword or an identifier; `value` is folded to lower case.
        case word
        /// A `"quoted"` identifier; `value` keeps its case, `""` unescaped.
        case quotedIdentifier
        /// A string constant of any form (`'…'`, `E'…'`, `U&'…'`, `$tag$…$tag$`); `value` is decoded.
        case string
        case number
        /// `$1`
        case parameter
        /// Operators and punctuation: `(`, `)`, `,`, `;`, `.`, `::`, `[`, `]`, `=`, `||`, …
        case symbol
    }

    public var kind: Kind
    /// The token's meaning: see ``Kind``.
    public var value: String
    /// Byte offsets of the token in the file.
    public var start: Int
    public var end: Int

    /// Whether this is the unquoted word `word` (given in lower case).
    @inline(__always)
    public func isWord(_ word: String) -> Bool { kind == .word && value == word }

    @inline(__always)
    public func isSymbol(_ symbol: String) -> Bool { kind == .symbol && value == symbol }

    /// An identifier: a word, or a quoted identifier.
    public var isIdentifier: Bool { kind == .word || kind == .quotedIdentifier }
}

/// The text of a file as bytes, with the starts of its lines, to turn offsets into locations.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        // A plain loop over the buffer: the generator runs unoptimized in a user's debug build,
        // where `enumerated()` costs a tenth of the whole run.
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] == 0x0A { starts.append(index + 1) }
                index += 1
            }
        }
        lineStarts = starts
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The location of a byte offset; the column counts characters (UTF-8 lead bytes).
    public func location(of offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        var column = 1
        var index = lineStart
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: path, line: low + 1, column: column)
    }

    /// The source text between two byte offsets.
    public func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
