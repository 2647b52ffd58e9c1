import Foundation

// MARK: - Timestamps

/// `timestamp` and `timestamptz` in PostgreSQL's ISO text form, to and from `Date`, to the microsecond.
public enum PGTimestamp {
    struct Failure: Error {
        var reason: String
    }

    /// Parses `2026-11-25 08:30:00.123456+07`, `…+05:30`, `…T…Z`, `… BC`, or a `timestamp`
    /// without an offset (read as UTC). `infinity` has no `Date`: it is an error.
    static func parse(_ bytes: [UInt8]) throws(Failure) -> Date {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(Failure) in try parseBuffer(buffer) } }
        return try result.get()
    }

    static func parseBuffer(_ b: UnsafeRawBufferPointer) throws(Failure) -> Date {
        if b.count >= 8, b[0] == UInt8(ascii: "i") || b[1] == UInt8(ascii: "i") {
            throw Failure(reason: "PostgreSQL's \(String(decoding: b, as: UTF8.self)) has no Date value; store a real time, or map the column to String")
        }
        var i = 0
        func number(_ digits: Int? = nil) throws(Failure) -> Int {
            var value = 0
            var count = 0
            while i < b.count, b[i] >= 48, b[i] <= 57, digits.map({ count < $0 }) ?? true {
                value = value * 10 + Int(b[i] - 48)
                i += 1
                count += 1
            }
            guard count > 0 else { throw Failure(reason: "not a timestamp") }
            return value
        }
        func expect(_ character: UInt8) throws(Failure) {
            guard i < b.count, b[i] == character else { throw Failure(reason: "not a timestamp") }
            i += 1
        }
        var year = try number()
        try expect(UInt8(ascii: "-"))
        let month = try number(2)
        try expect(UInt8(ascii: "-"))
        let day = try number(2)
        var hour = 0, minute = 0, second = 0, micro = 0
        if i < b.count, b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "T") {
            i += 1
            hour = try number(2)
            try expect(UInt8(ascii: ":"))
            minute = try number(2)
            try expect(UInt8(ascii: ":"))
            second = try number(2)
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                var digits = 0
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    if digits < 6 { micro = micro * 10 + Int(b[i] - 48) }
                    digits += 1
                    i += 1
                }
                for _ in digits..<6 where digits < 6 { micro *= 10 }
            }
        }
        var offsetSeconds = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            var offset = try number(2) * 3600
            if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
            if i < b.count, b[i] >= 48, b[i] <= 57 { offset += try number(2) * 60 }
            if i < b.count, b[i] == UInt8(ascii: ":") { i += 1; offset += try number(2) }
            offsetSeconds = sign * offset
        } else if i < b.count, b[i] == UInt8(ascii: "Z") {
            i += 1
        }
        if i + 3 <= b.count, b[i] == UInt8(ascii: " "), b[i + 1] == UInt8(ascii: "B"), b[i + 2] == UInt8(ascii: "C") {
            year = 1 - year
            i += 3
        }
        guard i == b.count else { throw Failure(reason: "not a timestamp") }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return Date(microsecondsSince1970: seconds * 1_000_000 + Int64(micro))
    }

    /// `2026-11-25 01:30:00.123456+00`: UTC, microseconds, as PostgreSQL reads it back exactly.
    public static func format(_ date: Date) -> String {
        let micros = date.microsecondsSince1970
        var days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        if rest < 0 {
            rest += 86_400_000_000
            days -= 1
        }
        let (year, month, day) = civilFromDays(Int(days))
        let seconds = rest / 1_000_000
        let fraction = rest % 1_000_000
        var text = zeroPadded(year > 0 ? year : 1 - year, 4) + "-" + zeroPadded(month, 2) + "-" + zeroPadded(day, 2) + " "
        text += zeroPadded(Int(seconds / 3600), 2) + ":" + zeroPadded(Int(seconds / 60 % 60), 2) + ":" + zeroPadded(Int(seconds % 60), 2)
        if fraction != 0 { text += "." + zeroPadded(Int(fraction), 6) }
        text += "+00"
        if year <= 0 { text += " BC" }
        return text
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Date {
    /// Whole microseconds since 1970, rounded: what PostgreSQL keeps of a `Date`.
    public var microsecondsSince1970: Int64 {
        let seconds = timeIntervalSince1970.rounded(.down)
        let fraction = ((timeIntervalSince1970 - seconds) * 1_000_000).rounded()
        return Int64(seconds) * 1_000_000 + Int64(fraction)
    }

    public init(microsecondsSince1970 micros: Int64) {
        let seconds = micros >= 0 ? micros / 1_000_000 : -((-micros + 999_999) / 1_000_000)
        let fraction = micros - seconds * 1_000_000
        self.init(timeIntervalSince1970: Double(seconds) + Double(fraction) / 1_000_000)
    }
}

private func zeroPadded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

// MARK: - bytea

/// `bytea` in PostgreSQL's hex text form (`\x0aff`).
public enum PGBytea {
    public static func encode(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        bytes.reserveCapacity(2 + data.count * 2)
        for byte in data {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func decode(_ bytes: some Collection<UInt8>) -> Data? {
        let array = Array(bytes)
        guard array.count >= 2, array[0] == UInt8(ascii: "\\"), array[1] == UInt8(ascii: "x"), array.count % 2 == 0 else { return nil }
        var data = Data(capacity: (array.count - 2) / 2)
        var index = 2
        while index < array.count {
            guard let high = hexDigit(array[index]), let low = hexDigit(array[index + 1]) else { return nil }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }
}

// MARK: - Decoding

extension Float: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Float {
        Float(try Double.decode(pgText: bytes))
    }
}

extension Decimal: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Decimal {
        let text = String(decoding: try nonNull(bytes), as: UTF8.self)
        if text == "NaN" { return .nan }
        let significant = text.drop { $0 == "-" || $0 == "0" || $0 == "." }.filter(\.isNumber).count
        guard significant <= 38, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw PGDecodingFailure("not a number that Decimal holds exactly (Decimal keeps 38 digits)")
        }
        return value
    }
}

extension Data: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Data {
        guard let data = PGBytea.decode(try nonNull(bytes)) else {
            throw PGDecodingFailure("not bytea in hex form (bytea_output must be hex)")
        }
        return data
    }
}

extension Date: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Date {
        let bytes = try nonNull(bytes)
        do {
            return try PGTimestamp.parseBuffer(bytes)
        } catch {
            throw PGDecodingFailure(error.reason)
        }
    }
}

extension PGDate: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> PGDate {
        var text = String(decoding: try nonNull(bytes), as: UTF8.self)
        var bc = false
        if text.hasSuffix(" BC") {
            bc = true
            text.removeLast(3)
        }
        guard var value = PGDate(text) else {
            throw PGDecodingFailure(text.contains("infinity") ? "PostgreSQL's \(text) has no PGDate value" : "not a date")
        }
        if bc { value.year = 1 - value.year }
        return value
    }
}

extension PGTime: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> PGTime {
        guard let value = PGTime(String(decoding: try nonNull(bytes), as: UTF8.self)) else { throw PGDecodingFailure("not a time") }
        return value
    }
}

extension PGInterval: PGDecodable {
    /// Reads the `postgres` interval style: `1 year 2 mons -3 days +04:05:06.5`.
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> PGInterval {
        let text = String(decoding: try nonNull(bytes), as: UTF8.self)
        var result = PGInterval()
        let parts = text.split(separator: " ")
        var index = 0
        while index < parts.count {
            let part = parts[index]
            if part.contains(":") {
                let negative = part.hasPrefix("-")
                let clock = part.drop { $0 == "-" || $0 == "+" }
                let fields = clock.split(separator: ":")
                guard fields.count == 3, let hours = Int64(fields[0]), let minutes = Int64(fields[1]) else { throw PGDecodingFailure("not an interval (IntervalStyle must be postgres)") }
                let secondParts = fields[2].split(separator: ".")
                guard let seconds = Int64(secondParts[0]) else { throw PGDecodingFailure("not an interval") }
                var micros = ((hours * 60 + minutes) * 60 + seconds) * 1_000_000
                if secondParts.count == 2 {
                    let digits = secondParts[1].prefix(6)
                    guard var fraction = Int64(digits) else { throw PGDecodingFailure("not an interval") }
                    for _ in digits.count..<6 { fraction *= 10 }
                    micros += fraction
                }
                result.microseconds += negative ? -micros : micros
                index += 1
                continue
            }
            guard index + 1 < parts.count, let amount = Int64(part) else { throw PGDecodingFailure("not an interval (IntervalStyle must be postgres)") }
            switch parts[index + 1] {
            case "year", "years": result.months += Int32(amount * 12)
            case "mon", "mons": result.months += Int32(amount)
            case "day", "days": result.days += Int32(amount)
            default: throw PGDecodingFailure("not an interval (IntervalStyle must be postgres)")
            }
            index += 2
        }
        return result
    }
}

extension JSONValue: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> JSONValue {
        let bytes = try nonNull(bytes)
        do {
            return try JSONValue(parsing: bytes)
        } catch {
            throw PGDecodingFailure("not JSON: \(error.description)")
        }
    }
}

/// A `String`-backed enum that mirrors a PostgreSQL enum type; generated enums conform.
public protocol PGEnum: RawRepresentable, PGDecodable, PGBindable, PGArrayElement where RawValue == String {}

extension PGEnum {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Self {
        let label = String(decoding: try nonNull(bytes), as: UTF8.self)
        // Labels are bytes to PostgreSQL: `é` and `e` with a combining accent are two labels,
        // though Swift's `==` takes them for one string.
        guard let value = Self(rawValue: label), value.rawValue.utf8.elementsEqual(label.utf8) else { throw unknownLabel(label) }
        return value
    }

    @usableFromInline
    static func unknownLabel(_ label: String) -> PGDecodingFailure {
        PGDecodingFailure("'\(label)' is not a case of \(Self.self): the database has a label the models do not (build again after migrating)")
    }

    public var pgBind: PGBind { PGBind(text: rawValue) }
}

extension PGEnum where Self: CaseIterable {
    /// Compares the label's bytes with each case's raw value, so that reading a label makes no
    /// string (`init(rawValue:)` makes one, and a table of the cases to look it up in): an enum
    /// column cost as much to decode as a text column before.
    @inlinable
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Self {
        let bytes = try nonNull(bytes)
        for value in allCases {
            var label = value.rawValue
            let same = label.withUTF8 { label in
                label.count == bytes.count && (label.isEmpty || memcmp(label.baseAddress!, bytes.baseAddress!, label.count) == 0)
            }
            if same { return value }
        }
        throw unknownLabel(String(decoding: bytes, as: UTF8.self))
    }
}

// MARK: - Arrays

/// Splits the text of a PostgreSQL array (`{1,"a b",NULL,{2,3}}`) into its elements' texts: quoted
/// elements unquoted, nested arrays kept whole, `NULL` as `nil`.
enum PGArrayText {
    static func elements(_ b: UnsafeRawBufferPointer) throws(PGDecodingFailure) -> [[UInt8]?] {
        var i = 0
        // An array with explicit bounds starts with [1:3]=
        if b.first == UInt8(ascii: "[") {
            while i < b.count, b[i] != UInt8(ascii: "=") { i += 1 }
            i += 1
        }
        guard i < b.count, b[i] == UInt8(ascii: "{") else { throw PGDecodingFailure("not an array") }
        i += 1
        var result: [[UInt8]?] = []
        if i < b.count, b[i] == UInt8(ascii: "}") { return [] }
        while i < b.count {
            var element: [UInt8] = []
            var quoted = false
            if b[i] == UInt8(ascii: "\"") {
                quoted = true
                i += 1
                while i < b.count, b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\"), i + 1 < b.count { i += 1 }
                    element.append(b[i])
                    i += 1
                }
                i += 1
            } else if b[i] == UInt8(ascii: "{") {
                var depth = 0
                var inQuotes = false
                while i < b.count {
                    let byte = b[i]
                    element.append(byte)
                    i += 1
                    if inQuotes {
                        if byte == UInt8(ascii: "\\"), i < b.count { element.append(b[i]); i += 1 }
                        else if byte == UInt8(ascii: "\"") { inQuotes = false }
                    } else if byte == UInt8(ascii: "\"") {
                        inQuotes = true
                    } else if byte == UInt8(ascii: "{") {
                        depth += 1
                    } else if byte == UInt8(ascii: "}") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                }
            } else {
                while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}") {
                    element.append(b[i])
                    i += 1
                }
            }
            let isNull = !quoted && element == Array("NULL".utf8)
            result.append(isNull ? nil : element)
            guard i < b.count else { break }
            if b[i] == UInt8(ascii: "}") { return result }
            guard b[i] == UInt8(ascii: ",") else { throw PGDecodingFailure("not an array") }
            i += 1
        }
        throw PGDecodingFailure("not an array: it never closes")
    }
}

extension Array: PGDecodable where Element: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> [Element] {
        let elements = try PGArrayText.elements(try nonNull(bytes))
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            if let element {
                let decoded = element.withUnsafeBytes { buffer in Result { () throws(PGDecodingFailure) in try Element.decode(pgText: buffer) } }
                result.append(try decoded.get())
            } else {
                result.append(try Element.decode(pgText: nil))
            }
        }
        return result
    }
}

// MARK: - Encoding

extension Float: PGBindable {
    public var pgBind: PGBind { PGBind(text: Double.pgText(Double(self))) }
}

extension Decimal: PGBindable {
    public var pgBind: PGBind { PGBind(text: isNaN ? "NaN" : description) }
}

extension Data: PGBindable {
    public var pgBind: PGBind { PGBind(text: PGBytea.encode(self)) }
}

extension Date: PGBindable {
    public var pgBind: PGBind { PGBind(text: PGTimestamp.format(self)) }
}

extension PGDate: PGBindable {
    public var pgBind: PGBind { PGBind(text: year > 0 ? description : PGDate(year: 1 - year, month: month, day: day).description + " BC") }
}

extension PGTime: PGBindable {
    public var pgBind: PGBind { PGBind(text: description) }
}

extension PGInterval: PGBindable {
    public var pgBind: PGBind { PGBind(text: "\(months) months \(days) days \(microseconds) microseconds") }
}

extension JSONValue: PGBindable {
    /// The JSON text, exact; a value JSON cannot hold (`NaN`, infinity) is refused, never `null`.
    public var pgBind: PGBind {
        do {
            return PGBind(text: try validJSONText())
        } catch {
            return PGBind(refusing: error.message)
        }
    }
}

/// A value that can be an element of a bound array.
public protocol PGArrayElement {
    /// Appends the element to an array literal: quoted text, `NULL`, or a nested `{…}`.
    func appendArrayElement(to literal: inout String)
}

extension PGArrayElement where Self: PGBindable {
    public func appendArrayElement(to literal: inout String) {
        PGArrayLiteral.appendElement(pgBind.text, to: &literal)
    }
}

/// Writing array literals.
enum PGArrayLiteral {
    /// Appends one element's text to an array literal: quoted, with `"` and `\` escaped, or `NULL`.
    static func appendElement(_ text: String?, to literal: inout String) {
        guard let text else {
            literal += "NULL"
            return
        }
        var bytes: [UInt8] = []
        _ = appendQuoted(text, to: &bytes)
        literal += String(decoding: bytes, as: UTF8.self)
    }

    /// A value that is not `NULL`, quoted, into UTF-8 bytes: what building a whole column's array
    /// for an insert uses. Returns whether the text had a NUL byte (copied as it is; the caller
    /// refuses the value).
    static func appendQuoted(_ text: String, to literal: inout [UInt8]) -> Bool {
        var text = text
        var nul = false
        literal.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            // Runs without `"` or `\` are copied whole; each of those gets a `\` before it. They
            // are ASCII, so they never occur inside a multi-byte character.
            var run = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    literal.append(UInt8(ascii: "\\"))
                    run = index
                } else if byte == 0 {
                    nul = true
                }
            }
            literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        literal.append(UInt8(ascii: "\""))
        return nul
    }
}

extension String: PGArrayElement {}
extension Bool: PGArrayElement {}
extension Int: PGArrayElement {}
extension Int16: PGArrayElement {}
extension Int32: PGArrayElement {}
extension Int64: PGArrayElement {}
extension Float: PGArrayElement {}
extension Double: PGArrayElement {}
extension Decimal: PGArrayElement {}
extension UUID: PGArrayElement {}
extension Data: PGArrayElement {}
extension Date: PGArrayElement {}
extension PGDate: PGArrayElement {}
extension PGTime: PGArrayElement {}
extension PGInterval: PGArrayElement {}
extension JSONValue: PGArrayElement {}

extension Optional: PGArrayElement where Wrapped: PGArrayElement {
    public func appendArrayElement(to literal: inout String) {
        if let self { self.appendArrayElement(to: &literal) } else { literal += "NULL" }
    }
}

extension Array: PGArrayElement where Element: PGArrayElement {
    public func appendArrayElement(to literal: inout String) {
        literal += "{"
        for (index, element) in enumerated() {
            if index > 0 { literal += "," }
            element.appendArrayElement(to: &literal)
        }
        literal += "}"
    }
}

extension Array: PGBindable where Element: PGArrayElement {
    public var pgBind: PGBind {
        var literal = ""
        appendArrayElement(to: &literal)
        return PGBind(text: literal)
    }
}
