import Foundation
import Synchronization

/// Turns ``FileDescription`` values into Swift source text: the only place generated text is written.
///
/// Output is deterministic: the same description renders to the same bytes.
public struct SwiftRenderer: Sendable {
    /// The text so far, every line ended by a line break.
    private var output = ""
    /// What the last line written was: nothing yet, empty, one that opens a block, or another.
    private var lastLine = LastLine.none
    private var level = 0

    private enum LastLine: Sendable {
        case none, empty, opening, other
    }

    /// The line width past which a declaration is wrapped, in UTF-8 bytes (characters, for ASCII).
    private static let width = 120

    public static func render(_ file: FileDescription) -> String {
        render([file])[0]
    }

    /// Renders files, runs of their top-level declarations side by side: a large schema's tables
    /// are megabytes of text. The result is the same as rendering each file on its own.
    public static func render(_ files: [FileDescription]) -> [String] {
        let preambles = files.map { file in
            var renderer = SwiftRenderer()
            renderer.preamble(file)
            return renderer
        }
        let runLength = 32
        let runs = files.indices.flatMap { index in
            stride(from: 0, to: files[index].declarations.count, by: runLength).map { start in
                (file: index, range: start..<min(start + runLength, files[index].declarations.count))
            }
        }
        let rendered = Mutex<[String]>(Array(repeating: "", count: runs.count))
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            let run = runs[index]
            var renderer = SwiftRenderer()
            // What precedes the run: the preamble, or a declaration, whose last line is never blank.
            renderer.lastLine = run.range.lowerBound == 0 ? preambles[run.file].lastLine : .other
            for declaration in files[run.file].declarations[run.range] {
                renderer.blank()
                renderer.declaration(declaration)
            }
            let text = renderer.output
            rendered.withLock { $0[index] = text }
        }
        let pieces = rendered.withLock { $0 }
        var outputs = preambles.map(\.output)
        for (run, text) in zip(runs, pieces) { outputs[run.file] += text }
        return outputs
    }

    // MARK: - Writing

    private mutating func write(_ text: String) {
        if !text.isEmpty { output += Self.indent(level) }
        output += text
        output += "\n"
        lastLine = text.isEmpty ? .empty : text.hasSuffix("{") ? .opening : .other
    }

    private static let indents = (0..<12).map { String(repeating: "    ", count: $0) }

    private static func indent(_ level: Int) -> String {
        level < indents.count ? indents[level] : String(repeating: "    ", count: level)
    }

    private mutating func blank() {
        if lastLine == .other { write("") }
    }

    private mutating func block(_ opening: String, _ body: (inout SwiftRenderer) -> Void) {
        write(opening + " {")
        level += 1
        body(&self)
        level -= 1
        write("}")
    }

    private mutating func doc(_ comment: DocComment) {
        for entry in comment.lines {
            // Most lines are printable ASCII: written as they are.
            guard !Self.isPrintableASCII(entry) else {
                write(entry.isEmpty ? "///" : "/// " + entry)
                continue
            }
            for line in Self.commentLines(entry) { write(line.isEmpty ? "///" : "/// " + line) }
        }
    }

    /// Text from a migration (a `COMMENT ON`, a default, a name) as the lines of a `//` or `///`
    /// comment, which it can never end: every line break (`\n`, `\r\n`, `\r`, vertical tab, form
    /// feed, U+0085, U+2028, U+2029) starts a new comment line, and every other control character
    /// and every character that changes the direction of text is written as its `\u{…}` escape.
    static func commentLines(_ text: String) -> [String] {
        // Most text is printable ASCII on one line: take it as it is.
        if isPrintableASCII(text) { return [text] }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x0A where previous?.value == 0x0D:
                continue
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case 0x09:
                current.append(scalar)
            default:
                if isInvisibleControl(scalar) {
                    current.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
                } else {
                    current.append(scalar)
                }
            }
        }
        lines.append(String(current))
        return lines
    }

    /// Whether `text` is printable ASCII only (no control characters), in one walk over its bytes.
    static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
            return true
        }
    }

    /// Control characters (C0, DEL, C1), line and paragraph separators, and the characters that
    /// change the direction of text (which can make code read otherwise than it compiles).
    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    // MARK: - Declarations

    /// The header comment and the imports.
    private mutating func preamble(_ file: FileDescription) {
        for entry in file.header {
            for line in Self.commentLines(entry) { write(line.isEmpty ? "//" : "// " + line) }
        }
        if !file.header.isEmpty { write("") }
        for module in file.imports { write("import \(module)") }
    }

    private mutating func declaration(_ declaration: Declaration) {
        switch declaration {
        case .structure(let value): structure(value)
        case .enumeration(let value): enumeration(value)
        case .extension_(let value): extensionBlock(value)
        case .property(let value): property(value)
        case .initializer(let value): initializer(value)
        case .function(let value): function(value)
        case .typeAlias(let name, let type, let comment):
            doc(comment)
            write("public typealias \(name) = \(type)")
        }
    }

    private func conformanceList(_ conformances: [String]) -> String {
        conformances.isEmpty ? "" : ": " + conformances.joined(separator: ", ")
    }

    private mutating func members(_ members: [Declaration]) {
        var previous: Declaration?
        for member in members {
            // Stored properties without comments sit together; everything else gets air.
            if let previous, !(isPlainProperty(previous) && isPlainProperty(member)) { blank() }
            declaration(member)
            previous = member
        }
    }

    private func isPlainProperty(_ declaration: Declaration) -> Bool {
        if case .property(let property) = declaration { return property.doc.isEmpty }
        return false
    }

    private mutating func structure(_ value: StructDescription) {
        doc(value.doc)
        block("public struct \(value.name)\(conformanceList(value.conformances))") { $0.members(value.members) }
    }

    private mutating func enumeration(_ value: EnumDescription) {
        doc(value.doc)
        block("public enum \(value.name)\(conformanceList(value.conformances))") { renderer in
            for item in value.cases {
                renderer.doc(item.doc)
                if let payload = item.payload {
                    renderer.write("case \(item.name)(\(payload))")
                } else if let raw = item.rawValue {
                    renderer.write("case \(item.name) = \(Self.literal(raw))")
                } else {
                    renderer.write("case \(item.name)")
                }
            }
            if !value.members.isEmpty {
                renderer.blank()
                renderer.members(value.members)
            }
        }
    }

    private mutating func extensionBlock(_ value: ExtensionDescription) {
        doc(value.doc)
        block("extension \(value.extendedType)\(conformanceList(value.conformances))") { $0.members(value.members) }
    }

    private mutating func property(_ value: PropertyDescription) {
        doc(value.doc)
        for attribute in value.attributes { write(attribute) }
        var text = "public " + (value.isStatic ? "static " : "") + (value.isLet ? "let " : "var ") + value.name
        if let type = value.type { text += ": " + type }
        if value.isComputed, let expression = value.value {
            // A value over several lines (a call holding a multi-line string): a getter of its own.
            if expression.spansLines {
                write(text + " {")
                level += 1
                lines(of: expression, prefix: "", suffix: "")
                level -= 1
                write("}")
                return
            }
            let rendered = Self.expression(expression)
            // A value rather than a body (`{ … }`): the getter returns it. A long array literal
            // gets a line an element, like a stored one.
            if !rendered.hasPrefix("{") {
                if rendered.utf8.count + text.utf8.count + 6 + level * 4 > Self.width, case .arrayLiteral(let items) = expression {
                    write(text + " {")
                    level += 1
                    write("[")
                    level += 1
                    for item in items { write(Self.expression(item) + ",") }
                    level -= 1
                    write("]")
                    level -= 1
                    write("}")
                } else {
                    write(text + " { " + rendered + " }")
                }
                return
            }
            guard rendered.utf8.contains(UInt8(ascii: "\n")) else {
                write(text + " " + rendered)
                return
            }
            let lines = Self.lines(rendered)
            write(text + " " + lines[0])
            for line in lines.dropFirst() { write(line) }
            return
        }
        if let expression = value.value {
            if expression.spansLines {
                lines(of: expression, prefix: text + " = ", suffix: "")
                return
            }
            let rendered = Self.expression(expression)
            if rendered.utf8.count + text.utf8.count + 3 + level * 4 > Self.width, case .arrayLiteral(let items) = expression {
                write(text + " = [")
                level += 1
                for item in items { write(Self.expression(item) + ",") }
                level -= 1
                write("]")
                return
            }
            text += " = " + rendered
        }
        write(text)
    }

    private mutating func initializer(_ value: InitializerDescription) {
        doc(value.doc)
        for attribute in value.attributes { write(attribute) }
        let parameters = value.parameters.map { parameter in
            (parameter.label.map { "\($0) " } ?? "") + "\(parameter.name): \(parameter.type)" + (parameter.defaultValue.map { " = " + Self.expression($0) } ?? "")
        }
        let effects = value.effects.map { " " + $0 } ?? ""
        let keyword = value.isFailable ? "public init?(" : "public init("
        let oneLine = keyword + parameters.joined(separator: ", ") + ")" + effects
        if oneLine.utf8.count + level * 4 <= Self.width {
            write(oneLine + " {")
        } else {
            write(keyword)
            level += 1
            for (index, parameter) in parameters.enumerated() {
                write(parameter + (index < parameters.count - 1 ? "," : ""))
            }
            level -= 1
            write(")" + effects + " {")
        }
        level += 1
        if let body = value.body {
            for line in body { write(line) }
        } else {
            for name in value.assignments {
                write("self.\(name) = \(name)")
            }
        }
        level -= 1
        write("}")
    }

    private mutating func function(_ value: FunctionDescription) {
        doc(value.doc)
        for attribute in value.attributes { write(attribute) }
        let parameters = value.parameters.map { parameter in
            (parameter.label.map { "\($0) " } ?? "") + "\(parameter.name): \(parameter.type)" + (parameter.defaultValue.map { " = \($0)" } ?? "")
        }
        var signature = "public " + (value.isStatic ? "static " : "") + "func \(value.name)(" + parameters.joined(separator: ", ") + ")"
        signature += value.isAsync ? " async throws" : " throws"
        if let returnType = value.returnType { signature += " -> " + returnType }
        if signature.utf8.count + level * 4 + 2 > Self.width {
            write("public " + (value.isStatic ? "static " : "") + "func \(value.name)(")
            level += 1
            for (index, parameter) in parameters.enumerated() { write(parameter + (index < parameters.count - 1 ? "," : "")) }
            level -= 1
            write(")" + (value.isAsync ? " async throws" : " throws") + (value.returnType.map { " -> " + $0 } ?? "") + " {")
        } else {
            write(signature + " {")
        }
        level += 1
        for line in value.body { write(line) }
        level -= 1
        write("}")
    }

    // MARK: - Expressions

    static func expression(_ expression: Expression) -> String {
        switch expression {
        case .stringLiteral(let text): literal(text)
        case .arrayLiteral(let items): "[" + items.map(Self.expression).joined(separator: ", ") + "]"
        case .identifier(let name): name
        case .nil: "nil"
        case .call(let name, let arguments):
            name + "(" + arguments.map { ($0.label.map { $0 + ": " } ?? "") + Self.expression($0.value) }.joined(separator: ", ") + ")"
        case .multilineString(let text): literal(text)
        }
    }

    /// Writes `prefix`, the expression and `suffix` over several lines: a call an argument a line,
    /// an array an element a line, a multi-line string as a raw literal (``rawLiteral(_:)``)
    /// indented with the code around it (Swift strips the closing delimiter's indentation).
    private mutating func lines(of expression: Expression, prefix: String, suffix: String) {
        switch expression {
        case .call(let name, let arguments) where expression.spansLines:
            write(prefix + name + "(")
            level += 1
            for (index, argument) in arguments.enumerated() {
                lines(of: argument.value, prefix: argument.label.map { $0 + ": " } ?? "", suffix: index < arguments.count - 1 ? "," : "")
            }
            level -= 1
            write(")" + suffix)
        case .arrayLiteral(let items) where expression.spansLines:
            write(prefix + "[")
            level += 1
            for item in items { lines(of: item, prefix: "", suffix: ",") }
            level -= 1
            write("]" + suffix)
        case .multilineString(let text):
            let (delimiter, body) = Self.rawLiteral(text)
            write(prefix + delimiter + "\"\"\"")
            level += 1
            for line in body { write(line) }
            write("\"\"\"" + delimiter + suffix)
            level -= 1
        default:
            write(prefix + Self.expression(expression) + suffix)
        }
    }

    /// The `#` delimiter and the lines of a raw multi-line string literal whose value is exactly
    /// `text`, whatever it holds.
    ///
    /// One `#` more than the longest run of `#` in the text, so that neither the closing `"""#…`
    /// nor an escape `\#…` can occur in it. Only `\n` separates lines: a carriage return (which
    /// Swift would read as a line break, turning `\r\n` into `\n`), other control characters,
    /// line and paragraph separators and direction changes are written as raw escapes
    /// (`\#u{D}`), so the value keeps every byte of the file and the code reads as it compiles.
    static func rawLiteral(_ text: String) -> (delimiter: String, lines: [String]) {
        if let plain = plainRawLiteral(text) { return plain }
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "#") {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        let delimiter = String(repeating: "#", count: longest + 1)
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else if scalar != "\t", isInvisibleControl(scalar) {
                current.append(contentsOf: "\\\(delimiter)u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return (delimiter, lines)
    }

    /// The lines of `text`, split at `\n` only, in one walk over its bytes: `split(separator:)`
    /// walks characters, which in the unoptimized generator of a debug build cost a tenth of
    /// rendering a large schema. (Unlike it, this splits a `\r\n` at its `\n`; rendered code holds
    /// no carriage return, every caller having escaped it.)
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
            return lines
        }
    }

    /// `rawLiteral(_:)` of text that is printable ASCII, tabs and `\n` (most SQL), in one walk
    /// over its bytes; `nil` for any other text. The generator runs unoptimized in a user's debug
    /// build, where the walk scalar by scalar costs a seventh of the run that embeds migrations.
    private static func plainRawLiteral(_ text: String) -> (delimiter: String, lines: [String])? {
        var text = text
        return text.withUTF8 { bytes in
            var longest = 0
            var run = 0
            var lines: [String] = []
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "#") {
                    run += 1
                    if run > longest { longest = run }
                } else {
                    run = 0
                }
                if byte == UInt8(ascii: "\n") {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self))
                    lineStart = index + 1
                } else if byte >= 0x7F || (byte < 0x20 && byte != UInt8(ascii: "\t")) {
                    return nil
                }
                index += 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<bytes.count]), as: UTF8.self))
            return (String(repeating: "#", count: longest + 1), lines)
        }
    }

    /// A Swift string literal for any text: quotes, backslashes and control characters escaped.
    static func literal(_ text: some StringProtocol) -> String {
        "\"" + literalBody(text) + "\""
    }

    /// The inside of a string literal for `text`, to be put between quotes, possibly beside
    /// interpolations: quotes and backslashes escaped (so `\(` and `"""` are text), control
    /// characters, line and paragraph separators and direction changes written as escapes.
    static func literalBody(_ text: some StringProtocol) -> String {
        // Most text needs no escapes: take it as it is. (One walk over the bytes of a `String`:
        // the generator runs unoptimized in a debug build, where a walk through the generic
        // `utf8` view costs a tenth of the run.)
        var string = String(text)
        let (needsEscapes, hasNonASCII) = string.withUTF8 { bytes in
            var needsEscapes = false
            var hasNonASCII = false
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") {
                    needsEscapes = true
                } else if byte >= 0x80 {
                    hasNonASCII = true
                }
            }
            return (needsEscapes, hasNonASCII)
        }
        if !needsEscapes, !hasNonASCII || !string.unicodeScalars.contains(where: isInvisibleControl) {
            return string
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        func appendASCII(_ byte: UInt8) {
            let escape: UInt8? = switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""): byte
            case UInt8(ascii: "\n"): UInt8(ascii: "n")
            case UInt8(ascii: "\r"): UInt8(ascii: "r")
            case UInt8(ascii: "\t"): UInt8(ascii: "t")
            default: nil
            }
            if let escape {
                result.append(UInt8(ascii: "\\"))
                result.append(escape)
            } else if byte < 0x20 || byte == 0x7F {
                result += Array("\\u{\(String(byte, radix: 16))}".utf8)
            } else {
                result.append(byte)
            }
        }
        if hasNonASCII {
            // Character by character: non-ASCII controls, separators and direction changes escaped.
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    appendASCII(UInt8(scalar.value))
                } else if isInvisibleControl(scalar) {
                    result += Array("\\u{\(String(scalar.value, radix: 16))}".utf8)
                } else {
                    UTF8.encode(scalar) { result.append($0) }
                }
            }
        } else {
            string.withUTF8 { bytes in
                for byte in bytes { appendASCII(byte) }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
