/// JSON text to and from ``JSONValue`` directly, without Foundation's coders: a `jsonb` column is
/// read once for every fetched row, and the general `Codable` path costs several times the parse.
extension JSONValue {
    /// Where JSON text stopped making sense.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        /// The byte offset in the text.
        public var offset: Int

        public var description: String { "\(message) at byte \(offset)" }
    }

    /// Why a value cannot be written as JSON text.
    public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses JSON text (RFC 8259). Integers that fit 64 bits become `.integer`, numbers that a
    /// `Double` holds exactly `.number`, every other number `.decimal` with its text. The reader
    /// keeps its own stack rather than recursing, so any depth is read.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(SyntaxError) {
        var parser = JSONParser(bytes: bytes)
        let value = try parser.document()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the value") }
        self = value
    }

    /// Parses JSON text.
    public init(parsing text: String) throws(SyntaxError) {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(SyntaxError) in try JSONValue(parsing: UnsafeRawBufferPointer(buffer)) }
        }
        self = try result.get()
    }

    /// The value as compact JSON text with object keys sorted, so equal values give equal text:
    /// for showing a value. JSON has no `NaN` or infinity, which this shows as `null`; storing
    /// goes through ``validJSONText()`` (what ``pgBind`` uses), which refuses them.
    public var jsonText: String {
        (try? render(strict: false)) ?? "null"
    }

    /// The value as compact JSON text with object keys sorted; a `.number` that is `NaN` or
    /// infinite, or a `.decimal` that is not a JSON number, is refused.
    public func validJSONText() throws(WriteError) -> String {
        try render(strict: true)
    }

    /// Writes without recursion: a value nested 100,000 levels deep is written like any other.
    private func render(strict: Bool) throws(WriteError) -> String {
        struct Frame {
            var elements: [JSONValue] = []
            var keys: [String] = []
            var members: [String: JSONValue] = [:]
            var isObject: Bool
            var next = 0
        }
        var output: [UInt8] = []
        output.reserveCapacity(64)
        var stack: [Frame] = []
        var current: JSONValue? = self
        while true {
            if let value = current {
                current = nil
                switch value {
                case .null:
                    output.append(contentsOf: "null".utf8)
                case .bool(let value):
                    output.append(contentsOf: (value ? "true" : "false").utf8)
                case .integer(let value):
                    output.append(contentsOf: String(value).utf8)
                case .number(let value):
                    if value.isFinite {
                        // Swift's shortest round-tripping form (`0.1`, `1e+20`) is valid JSON.
                        output.append(contentsOf: String(value).utf8)
                    } else if strict {
                        throw WriteError(message: "JSON has no NaN or infinity, so .number(\(value)) cannot be written (it would become null)")
                    } else {
                        output.append(contentsOf: "null".utf8)
                    }
                case .decimal(let text):
                    if Self.decimalForm(text.utf8) != nil {
                        output.append(contentsOf: text.utf8)
                    } else if strict {
                        throw WriteError(message: "JSON has no number \"\(text.prefix(40))\": .decimal holds the text of a JSON number")
                    } else {
                        output.append(contentsOf: "null".utf8)
                    }
                case .string(let value):
                    Self.writeString(value, to: &output)
                case .array(let elements):
                    output.append(UInt8(ascii: "["))
                    stack.append(Frame(elements: elements.elements, isObject: false))
                case .object(let members):
                    output.append(UInt8(ascii: "{"))
                    stack.append(Frame(keys: members.keys.sorted(), members: members.members, isObject: true))
                }
            }
            guard !stack.isEmpty else { break }
            let top = stack.count - 1
            let next = stack[top].next
            if stack[top].isObject {
                guard next < stack[top].keys.count else {
                    output.append(UInt8(ascii: "}"))
                    stack.removeLast()
                    continue
                }
                if next > 0 { output.append(UInt8(ascii: ",")) }
                let key = stack[top].keys[next]
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                current = stack[top].members[key]
            } else {
                guard next < stack[top].elements.count else {
                    output.append(UInt8(ascii: "]"))
                    stack.removeLast()
                    continue
                }
                if next > 0 { output.append(UInt8(ascii: ",")) }
                current = stack[top].elements[next]
            }
            stack[top].next = next + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A number's value as sign, significant digits and exponent (`-1.50e3` is `-`, `15`, `2`),
    /// so that two spellings of one number compare equal; `nil` when `text` is not a JSON number.
    struct DecimalForm: Equatable {
        var negative: Bool
        var digits: [UInt8]
        var exponent: Int
    }

    static func decimalForm(_ text: some Collection<UInt8>) -> DecimalForm? {
        var iterator = Array(text)[...]
        var negative = false
        if iterator.first == UInt8(ascii: "-") {
            negative = true
            iterator = iterator.dropFirst()
        }
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        var digits: [UInt8] = []
        guard isDigit(iterator.first) else { return nil }
        if iterator.first == UInt8(ascii: "0") {
            iterator = iterator.dropFirst()
        } else {
            while isDigit(iterator.first) { digits.append(iterator.removeFirst()) }
        }
        var exponent = 0
        if iterator.first == UInt8(ascii: ".") {
            iterator = iterator.dropFirst()
            guard isDigit(iterator.first) else { return nil }
            while isDigit(iterator.first) {
                digits.append(iterator.removeFirst())
                exponent -= 1
            }
        }
        if iterator.first == UInt8(ascii: "e") || iterator.first == UInt8(ascii: "E") {
            iterator = iterator.dropFirst()
            var sign = 1
            if iterator.first == UInt8(ascii: "+") || iterator.first == UInt8(ascii: "-") {
                if iterator.first == UInt8(ascii: "-") { sign = -1 }
                iterator = iterator.dropFirst()
            }
            guard isDigit(iterator.first) else { return nil }
            var value = 0
            while isDigit(iterator.first) {
                // Past a billion the value is out of every range anyway; no overflow.
                value = min(value * 10 + Int(iterator.removeFirst() - 0x30), 1_000_000_000)
            }
            exponent += sign * value
        }
        guard iterator.isEmpty else { return nil }
        let leading = digits.prefix { $0 == 0x30 }.count
        digits.removeFirst(leading)
        while digits.last == 0x30 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { return DecimalForm(negative: false, digits: [], exponent: 0) }
        return DecimalForm(negative: negative, digits: digits, exponent: exponent)
    }

    /// Whether two texts write the same number.
    static func sameDecimal(_ a: String, _ b: String) -> Bool {
        guard let x = decimalForm(a.utf8), let y = decimalForm(b.utf8) else { return false }
        return x == y
    }

    /// The exact value of a JSON number's text: `.integer`, `.number` when a `Double` holds it
    /// exactly, else `.decimal`; `nil` when it is not a JSON number.
    static func exactNumber(_ text: String) -> JSONValue? {
        guard let form = decimalForm(text.utf8) else { return nil }
        if let value = Int64(text) { return .integer(value) }
        if let value = Double(text), value.isFinite, decimalForm(String(value).utf8) == form {
            return .number(value)
        }
        return .decimal(text)
    }

    private static func writeString(_ string: String, to output: inout [UInt8]) {
        // A digit's character without a lookup table: a table here was an array allocated and
        // freed for every string written, keys included.
        func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hex(byte >> 4))
                output.append(hex(byte & 0x0F))
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// A reader over UTF-8 bytes.
private struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    func error(_ message: String) -> JSONValue.SyntaxError {
        JSONValue.SyntaxError(message: message, offset: index)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    /// One JSON value, nested to any depth: containers wait on a stack of their own, not on
    /// the call stack.
    mutating func document() throws(JSONValue.SyntaxError) -> JSONValue {
        struct Frame {
            var isObject: Bool
            var elements: [JSONValue] = []
            var members: [String: JSONValue] = [:]
            var key = ""
        }
        var stack: [Frame] = []
        parsing: while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of JSON text") }
            var value: JSONValue
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    value = .object([:])
                } else {
                    stack.append(Frame(isObject: true, key: try memberName()))
                    continue parsing
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    stack.append(Frame(isObject: false))
                    continue parsing
                }
            case UInt8(ascii: "\""):
                value = .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try number()
            default:
                throw error("unexpected character")
            }
            // The value joins the innermost open container; each container that closes here
            // becomes the value that joins the one around it.
            while !stack.isEmpty {
                let top = stack.count - 1
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of JSON text") }
                let byte = bytes[index]
                if stack[top].isObject {
                    stack[top].members[stack[top].key] = value
                    if byte == UInt8(ascii: ",") {
                        index += 1
                        stack[top].key = try memberName()
                        continue parsing
                    }
                    guard byte == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
                    index += 1
                    value = .object(stack.removeLast().members)
                } else {
                    stack[top].elements.append(value)
                    if byte == UInt8(ascii: ",") {
                        index += 1
                        continue parsing
                    }
                    guard byte == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
                    index += 1
                    value = .array(stack.removeLast().elements)
                }
            }
            return value
        }
    }

    /// `"name" :`, returning the name.
    mutating func memberName() throws(JSONValue.SyntaxError) -> String {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
        let key = try string()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
        index += 1
        return key
    }

    mutating func literal(_ word: StaticString) throws(JSONValue.SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              word.withUTF8Buffer({ expected in expected.elementsEqual(bytes[index..<index + count]) }) else {
            throw error("unexpected character")
        }
        index += count
    }

    mutating func string() throws(JSONValue.SyntaxError) -> String {
        index += 1
        let start = index
        // Most strings have no escapes: take their bytes as they are.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw error("control character in a string") }
            index += 1
        }
        var output = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let resume = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = resume
                        }
                    }
                    // A lone surrogate has no UTF-8 form: it becomes U+FFFD.
                    output.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
                default:
                    index -= 1
                    throw error("unknown escape in a string")
                }
            default:
                guard byte >= 0x20 else {
                    index -= 1
                    throw error("control character in a string")
                }
                output.append(byte)
            }
        }
        throw error("unterminated string")
    }

    mutating func hex4() throws(JSONValue.SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("unexpected end of JSON text") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexDigit(bytes[index]) else { throw error("expected four hex digits after \\u") }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    mutating func number() throws(JSONValue.SyntaxError) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ parser: inout JSONParser) -> Int {
            let first = parser.index
            while parser.index < parser.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]) {
                parser.index += 1
            }
            return parser.index - first
        }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("expected a digit") }
        // JSON (and jsonb) has no leading zeros: `01` is not a number.
        guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            index = integerStart + 1
            throw error("a number cannot start with 0")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits(&self) > 0 else { throw error("expected a digit after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        if isInteger, let value = try? Int64.decode(pgText: text) { return .integer(value) }
        // Kept exact: a Double when it holds this very number, else the text itself.
        let string = String(decoding: text, as: UTF8.self)
        if let value = Double(string), value.isFinite, JSONValue.decimalForm(String(value).utf8) == JSONValue.decimalForm(text) {
            return .number(value)
        }
        return .decimal(string)
    }
}
