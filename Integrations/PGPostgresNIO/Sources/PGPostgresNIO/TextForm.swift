// Compiled when the package trait PostgresNIO is enabled (see Package.swift).
#if PostgresNIO
import Foundation

/// How one PostgreSQL type's binary form (what PostgresNIO always asks the server for) becomes
/// the text form that the server's output function would have sent (what libpq receives, and
/// what PGRecord's decoders read). Chosen by the type's send function, so that a domain (whose
/// send function is its base type's) and an enum or citext (sent as text) need no table of OIDs.
enum TextForm: Sendable, Equatable {
    case text  // text, varchar, char(n), name, enum labels, citext, json, xml: the same bytes
    case jsonb  // a version byte, then the text
    case bool, int2, int4, int8, oid, float4, float8, numeric, money, char
    case bytea, uuid, date, time, timestamp, timestamptz, interval, inet, macaddr, tsvector
    case array
    /// A type whose binary form is not turned into text here: an error names it.
    case unsupported(String)

    /// The form for a send function's name (`pg_type.typsend`).
    init(sendFunction name: String) {
        switch name {
        case "textsend", "varcharsend", "bpcharsend", "namesend", "enum_send", "citextsend", "json_send",
            "xml_send", "unknownsend":
            self = .text
        case "jsonb_send": self = .jsonb
        case "boolsend": self = .bool
        case "int2send": self = .int2
        case "int4send": self = .int4
        case "int8send": self = .int8
        case "oidsend", "regprocsend", "regclasssend", "regtypesend", "xidsend", "cidsend": self = .oid
        case "float4send": self = .float4
        case "float8send": self = .float8
        case "numeric_send": self = .numeric
        case "cash_send": self = .money
        case "charsend": self = .char
        case "byteasend": self = .bytea
        case "uuid_send": self = .uuid
        case "date_send": self = .date
        case "time_send": self = .time
        case "timestamp_send": self = .timestamp
        case "timestamptz_send": self = .timestamptz
        case "interval_send": self = .interval
        case "inet_send", "cidr_send": self = .inet
        case "macaddr_send": self = .macaddr
        case "tsvectorsend": self = .tsvector
        case "array_send": self = .array
        default: self = .unsupported(name)
        }
    }

    /// The built-in types, by OID (fixed in every PostgreSQL database): no catalog look-up.
    static func builtin(_ oid: UInt32) -> TextForm? {
        switch oid {
        case 25, 1043, 1042, 19, 114, 142, 705: return .text
        case 3802: return .jsonb
        case 16: return .bool
        case 21: return .int2
        case 23: return .int4
        case 20: return .int8
        case 26, 24, 2205, 2206, 28, 29: return .oid
        case 700: return .float4
        case 701: return .float8
        case 1700: return .numeric
        case 790: return .money
        case 18: return .char
        case 17: return .bytea
        case 2950: return .uuid
        case 1082: return .date
        case 1083: return .time
        case 1114: return .timestamp
        case 1184: return .timestamptz
        case 1186: return .interval
        case 869, 650: return .inet
        case 829: return .macaddr
        case 3614: return .tsvector
        // Arrays of the types above.
        case 1009, 1015, 1014, 1003, 199, 143, 3807, 1000, 1005, 1007, 1016, 1028, 1021, 1022, 1231, 791,
            1002, 1001, 2951, 1182, 1183, 1115, 1185, 1187, 1041, 651, 1040, 3643:
            return .array
        default: return nil
        }
    }
}

/// A value of a result that PostgresNIO read but that could not be turned into PostgreSQL's text
/// form (a type the adapter does not know, such as a composite read whole): the column and the
/// reason, which says to cast the column to text.
public struct PGTextFormError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

/// Reads binary values and appends their text form to `out`, exactly as PostgreSQL's output
/// functions write them with the default settings (`DateStyle` ISO, `IntervalStyle` postgres,
/// `bytea_output` hex, `extra_float_digits` 1). One difference: `timestamptz` is written in UTC
/// (`+00`), since the session's `TimeZone` rules are not at hand; the instant is the same.
struct TextWriter {
    /// The form of a type OID met inside a value (an array's element type).
    let form: (UInt32) -> TextForm?

    func append(_ value: UnsafeRawBufferPointer, as textForm: TextForm, oid: UInt32, to out: inout [UInt8]) throws(PGTextFormError) {
        var reader = Reader(bytes: value)
        switch textForm {
        case .text:
            out.append(contentsOf: value)
        case .jsonb:
            guard value.count >= 1, value[0] == 1 else { throw PGTextFormError(reason: "jsonb in an unknown binary version") }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: value[1...]))
        case .bool:
            out.append(try reader.uint8() != 0 ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .int2: appendString(String(Int16(bitPattern: try reader.uint16())), to: &out)
        case .int4: appendString(String(Int32(bitPattern: try reader.uint32())), to: &out)
        case .int8: appendString(String(Int64(bitPattern: try reader.uint64())), to: &out)
        case .oid: appendString(String(try reader.uint32()), to: &out)
        case .float4: appendString(Self.shortest(Float(bitPattern: try reader.uint32())), to: &out)
        case .float8: appendString(Self.shortest(Double(bitPattern: try reader.uint64())), to: &out)
        case .numeric: try appendNumeric(&reader, to: &out)
        case .money: appendMoney(Int64(bitPattern: try reader.uint64()), to: &out)
        case .char: appendChar(value, to: &out)
        case .bytea:
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "x"))
            for byte in value { appendHex(byte, to: &out) }
        case .uuid:
            guard value.count == 16 else { throw PGTextFormError(reason: "a uuid of \(value.count) bytes") }
            for (index, byte) in value.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
                appendHex(byte, to: &out)
            }
        case .date: appendDate(Int32(bitPattern: try reader.uint32()), to: &out)
        case .time: appendClock(Int64(bitPattern: try reader.uint64()), to: &out)
        case .timestamp: appendTimestamp(Int64(bitPattern: try reader.uint64()), zone: false, to: &out)
        case .timestamptz: appendTimestamp(Int64(bitPattern: try reader.uint64()), zone: true, to: &out)
        case .interval:
            let micros = Int64(bitPattern: try reader.uint64())
            let days = Int32(bitPattern: try reader.uint32())
            let months = Int32(bitPattern: try reader.uint32())
            appendInterval(months: months, days: days, micros: micros, to: &out)
        case .inet: try appendInet(&reader, to: &out)
        case .macaddr:
            guard value.count == 6 else { throw PGTextFormError(reason: "a macaddr of \(value.count) bytes") }
            for (index, byte) in value.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ":")) }
                appendHex(byte, to: &out)
            }
        case .tsvector: try appendTSVector(&reader, to: &out)
        case .array: try appendArray(&reader, to: &out)
        case .unsupported(let name):
            throw PGTextFormError(reason: "type OID \(oid) (sent by \(name)) has no text form here; select it cast to text (column::text)")
        }
    }

    // MARK: Numbers

    /// The shortest text that reads back as the same value, laid out as PostgreSQL's
    /// `float8out`/`float4out` do: plain digits for decimal exponents from -4 up to 14 (5 for
    /// `real`), otherwise `d.ddde+XX`.
    static func shortest<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        // Swift's description is the shortest round-trip form too; take its digits and exponent.
        var text = value.description
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = String(text[..<e])
        }
        var digits: [Character] = []
        var pointAt = text.count
        for (index, character) in text.enumerated() {
            if character == "." { pointAt = index } else { digits.append(character) }
        }
        // value = 0.d1d2d3… × 10^(pointAt + exponent); strip leading and trailing zeros.
        var point = pointAt + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let decimalExponent = point - 1  // of the first digit
        let limit = F.self == Float.self ? 6 : 15
        var result = negative ? "-" : ""
        if decimalExponent >= -4, decimalExponent < limit {
            if point <= 0 {
                result += "0." + String(repeating: "0", count: -point) + String(digits)
            } else if point >= digits.count {
                result += String(digits) + String(repeating: "0", count: point - digits.count)
            } else {
                result += String(digits[..<point]) + "." + String(digits[point...])
            }
        } else {
            result += String(digits[0])
            if digits.count > 1 { result += "." + String(digits[1...]) }
            result += decimalExponent < 0 ? "e-" : "e+"
            let magnitude = abs(decimalExponent)
            result += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        }
        return result
    }

    private func appendNumeric(_ reader: inout Reader, to out: inout [UInt8]) throws(PGTextFormError) {
        let count = Int(Int16(bitPattern: try reader.uint16()))
        let weight = Int(Int16(bitPattern: try reader.uint16()))
        let sign = try reader.uint16()
        let scale = Int(try reader.uint16())
        switch sign {
        case 0xC000: return appendString("NaN", to: &out)
        case 0xD000: return appendString("Infinity", to: &out)
        case 0xF000: return appendString("-Infinity", to: &out)
        default: break
        }
        var digits: [Int] = []
        for _ in 0..<max(0, count) { digits.append(Int(Int16(bitPattern: try reader.uint16()))) }
        func digit(_ index: Int) -> Int { index >= 0 && index < digits.count ? digits[index] : 0 }
        if sign == 0x4000 { out.append(UInt8(ascii: "-")) }
        if weight < 0 {
            out.append(UInt8(ascii: "0"))
        } else {
            for index in 0...weight {
                let text = String(digit(index))
                if index > 0 { for _ in text.count..<4 { out.append(UInt8(ascii: "0")) } }
                appendString(text, to: &out)
            }
        }
        guard scale > 0 else { return }
        out.append(UInt8(ascii: "."))
        var written = 0
        var index = weight + 1
        while written < scale {
            let group = digit(index)
            for divisor in [1000, 100, 10, 1] where written < scale {
                out.append(UInt8(ascii: "0") + UInt8(group / divisor % 10))
                written += 1
            }
            index += 1
        }
    }

    /// `money` as `cash_out` writes it in the C locale (`lc_monetary` C): `-$1,234.56`.
    private func appendMoney(_ cents: Int64, to out: inout [UInt8]) {
        let magnitude = cents.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        let fraction = magnitude % 100
        appendString((cents < 0 ? "-$" : "$") + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction), to: &out)
    }

    /// `"char"`: the byte itself; a byte with the high bit set as `\ooo`.
    private func appendChar(_ value: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard let byte = value.first, byte != 0 else { return }
        if byte & 0x80 != 0 {
            out.append(UInt8(ascii: "\\"))
            for shift in [6, 3, 0] { out.append(UInt8(ascii: "0") + (byte >> UInt8(shift)) & 7) }
        } else {
            out.append(byte)
        }
    }

    // MARK: Dates and times

    static let microsPerDay: Int64 = 86_400_000_000

    private func appendDate(_ days: Int32, to out: inout [UInt8]) {
        if days == .max { return appendString("infinity", to: &out) }
        if days == .min { return appendString("-infinity", to: &out) }
        let (year, month, day) = Self.civil(fromDaysSince2000: Int64(days))
        appendYearMonthDay(year, month, day, to: &out)
        if year <= 0 { appendString(" BC", to: &out) }
    }

    private func appendYearMonthDay(_ year: Int64, _ month: Int64, _ day: Int64, to out: inout [UInt8]) {
        let shown = year <= 0 ? 1 - year : year
        appendPadded(shown, 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendPadded(month, 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendPadded(day, 2, to: &out)
    }

    /// `HH:MM:SS` and, when there is one, `.ffffff` without trailing zeros.
    private func appendClock(_ micros: Int64, to out: inout [UInt8]) {
        let seconds = micros / 1_000_000
        appendPadded(seconds / 3600, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(seconds / 60 % 60, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(seconds % 60, 2, to: &out)
        appendFraction(micros % 1_000_000, to: &out)
    }

    private func appendFraction(_ micros: Int64, to out: inout [UInt8]) {
        guard micros != 0 else { return }
        var text = String(micros)
        text = String(repeating: "0", count: 6 - text.count) + text
        while text.last == "0" { text.removeLast() }
        appendString("." + text, to: &out)
    }

    private func appendTimestamp(_ micros: Int64, zone: Bool, to out: inout [UInt8]) {
        if micros == .max { return appendString("infinity", to: &out) }
        if micros == .min { return appendString("-infinity", to: &out) }
        var days = micros / Self.microsPerDay
        var time = micros % Self.microsPerDay
        if time < 0 {
            time += Self.microsPerDay
            days -= 1
        }
        let (year, month, day) = Self.civil(fromDaysSince2000: days)
        appendYearMonthDay(year, month, day, to: &out)
        out.append(UInt8(ascii: " "))
        appendClock(time, to: &out)
        if zone { appendString("+00", to: &out) }
        if year <= 0 { appendString(" BC", to: &out) }
    }

    /// The proleptic Gregorian date `days` after 2000-01-01 (year 0 is 1 BC).
    static func civil(fromDaysSince2000 days: Int64) -> (Int64, Int64, Int64) {
        // Howard Hinnant's days-to-civil, counted from 1970-01-01.
        let z = days + 10_957 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The `postgres` interval style: `1 year 2 mons -3 days +04:05:06.5`.
    private func appendInterval(months: Int32, days: Int32, micros: Int64, to out: inout [UInt8]) {
        var isZero = true
        var isBefore = false
        func part(_ value: Int64, _ unit: String) {
            guard value != 0 else { return }
            appendString((isZero ? "" : " ") + (isBefore && value > 0 ? "+" : "") + "\(value) \(unit)\(value != 1 ? "s" : "")", to: &out)
            isBefore = value < 0
            isZero = false
        }
        part(Int64(months / 12), "year")
        part(Int64(months % 12), "mon")
        part(Int64(days), "day")
        let hours = micros / 3_600_000_000
        let minutes = micros / 60_000_000 % 60
        let seconds = micros / 1_000_000 % 60
        let fraction = micros % 1_000_000
        if isZero || micros != 0 {
            let minus = hours < 0 || minutes < 0 || seconds < 0 || fraction < 0
            appendString((isZero ? "" : " ") + (minus ? "-" : (isBefore ? "+" : "")), to: &out)
            appendPadded(hours.magnitude, 2, to: &out)
            out.append(UInt8(ascii: ":"))
            appendPadded(minutes.magnitude, 2, to: &out)
            out.append(UInt8(ascii: ":"))
            appendPadded(seconds.magnitude, 2, to: &out)
            appendFraction(Int64(fraction.magnitude), to: &out)
        }
    }

    // MARK: Network and text search

    private func appendInet(_ reader: inout Reader, to out: inout [UInt8]) throws(PGTextFormError) {
        let family = try reader.uint8()
        let bits = Int(try reader.uint8())
        let isCIDR = try reader.uint8() != 0
        let length = Int(try reader.uint8())
        let address = try reader.bytes(length)
        var text: String
        if family == 2 {
            guard length == 4 else { throw PGTextFormError(reason: "an IPv4 address of \(length) bytes") }
            text = address.map { String($0) }.joined(separator: ".")
            if bits != 32 { text += "/\(bits)" }
        } else {
            guard length == 16 else { throw PGTextFormError(reason: "an IPv6 address of \(length) bytes") }
            text = Self.ipv6(address)
            if bits != 128 { text += "/\(bits)" }
        }
        if isCIDR, !text.contains("/") { text += "/\(bits)" }
        appendString(text, to: &out)
    }

    /// An IPv6 address as PostgreSQL writes it: lower-case hex words, the longest run of two or
    /// more zero words as `::`, and an embedded IPv4 address (`::a.b.c.d`, `::ffff:a.b.c.d`)
    /// dotted.
    static func ipv6(_ bytes: [UInt8]) -> String {
        let words = (0..<8).map { Int(bytes[2 * $0]) << 8 | Int(bytes[2 * $0 + 1]) }
        var best = (base: -1, length: 0)
        var current = (base: -1, length: 0)
        for (index, word) in words.enumerated() {
            if word == 0 {
                current = current.base == -1 ? (index, 1) : (current.base, current.length + 1)
            } else if current.base != -1 {
                if best.base == -1 || current.length > best.length { best = current }
                current = (-1, 0)
            }
        }
        if current.base != -1, best.base == -1 || current.length > best.length { best = current }
        if best.base != -1, best.length < 2 { best = (-1, 0) }
        var text = ""
        var index = 0
        while index < 8 {
            if best.base != -1, index >= best.base, index < best.base + best.length {
                if index == best.base { text += ":" }
                index += 1
                continue
            }
            if index != 0 { text += ":" }
            if index == 6, best.base == 0, best.length == 6 || (best.length == 5 && words[5] == 0xffff) {
                text += bytes[12...].map { String($0) }.joined(separator: ".")
                break
            }
            text += String(words[index], radix: 16)
            index += 1
        }
        if best.base != -1, best.base + best.length == 8 { text += ":" }
        return text
    }

    private func appendTSVector(_ reader: inout Reader, to out: inout [UInt8]) throws(PGTextFormError) {
        let count = Int(try reader.uint32())
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: " ")) }
            out.append(UInt8(ascii: "'"))
            while true {
                let byte = try reader.uint8()
                if byte == 0 { break }
                if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "'"))
            let positions = Int(try reader.uint16())
            for position in 0..<positions {
                out.append(position == 0 ? UInt8(ascii: ":") : UInt8(ascii: ","))
                let entry = try reader.uint16()
                appendString(String(entry & 0x3fff), to: &out)
                switch entry >> 14 {
                case 3: out.append(UInt8(ascii: "A"))
                case 2: out.append(UInt8(ascii: "B"))
                case 1: out.append(UInt8(ascii: "C"))
                default: break
                }
            }
        }
    }

    // MARK: Arrays

    private func appendArray(_ reader: inout Reader, to out: inout [UInt8]) throws(PGTextFormError) {
        let dimensions = Int(try reader.uint32())
        _ = try reader.uint32()  // whether there are NULLs
        let elementOID = try reader.uint32()
        guard dimensions > 0 else { return appendString("{}", to: &out) }
        var sizes: [Int] = []
        var lowerBounds: [Int32] = []
        for _ in 0..<dimensions {
            sizes.append(Int(Int32(bitPattern: try reader.uint32())))
            lowerBounds.append(Int32(bitPattern: try reader.uint32()))
        }
        if lowerBounds.contains(where: { $0 != 1 }) {
            for (size, lower) in zip(sizes, lowerBounds) {
                appendString("[\(lower):\(Int(lower) + size - 1)]", to: &out)
            }
            out.append(UInt8(ascii: "="))
        }
        guard let elementForm = form(elementOID) else {
            throw PGTextFormError(reason: "an array of type OID \(elementOID), which was not looked up")
        }
        var scratch: [UInt8] = []
        func level(_ depth: Int) throws(PGTextFormError) {
            out.append(UInt8(ascii: "{"))
            for index in 0..<sizes[depth] {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if depth + 1 < dimensions {
                    try level(depth + 1)
                    continue
                }
                let length = Int32(bitPattern: try reader.uint32())
                if length < 0 {
                    appendString("NULL", to: &out)
                    continue
                }
                let element = try reader.slice(Int(length))
                scratch.removeAll(keepingCapacity: true)
                try append(element, as: elementForm, oid: elementOID, to: &scratch)
                Self.appendArrayElement(scratch, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        try level(0)
    }

    /// An element as `array_out` writes it: in double quotes (with `"` and `\` escaped) when it is
    /// empty, reads as NULL, or holds a brace, quote, backslash, comma or white space.
    static func appendArrayElement(_ text: [UInt8], to out: inout [UInt8]) {
        let special: Set<UInt8> = [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: ","),
                                   UInt8(ascii: " "), 9, 10, 11, 12, 13]
        let isNull = text.count == 4 && String(decoding: text, as: UTF8.self).lowercased() == "null"
        guard text.isEmpty || isNull || text.contains(where: special.contains) else {
            out.append(contentsOf: text)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: Helpers

    private func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    private func appendPadded<I: BinaryInteger>(_ value: I, _ width: Int, to out: inout [UInt8]) {
        let text = String(value)
        for _ in text.count..<max(text.count, width) { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: text.utf8)
    }

    private func appendHex(_ byte: UInt8, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { hex in
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
    }
}

/// Big-endian reads from a value's bytes; running out is an error, never a crash.
struct Reader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func slice(_ count: Int) throws(PGTextFormError) -> UnsafeRawBufferPointer { try take(count) }

    private mutating func take(_ count: Int) throws(PGTextFormError) -> UnsafeRawBufferPointer {
        guard count >= 0, offset + count <= bytes.count else {
            throw PGTextFormError(reason: "a binary value shorter than its type needs")
        }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func uint8() throws(PGTextFormError) -> UInt8 { try take(1)[0] }

    mutating func uint16() throws(PGTextFormError) -> UInt16 {
        let b = try take(2)
        return UInt16(b[0]) << 8 | UInt16(b[1])
    }

    mutating func uint32() throws(PGTextFormError) -> UInt32 {
        let b = try take(4)
        return b.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func uint64() throws(PGTextFormError) -> UInt64 {
        let b = try take(8)
        return b.reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func bytes(_ count: Int) throws(PGTextFormError) -> [UInt8] { Array(try take(count)) }
}
#endif
