import Foundation

/// Why one value did not decode; ``PGRow`` wraps it into a ``PGDecodingError`` that names the column.
public struct PGDecodingFailure: Error, Sendable {
    public var reason: String

    /// A failure with its reason (`not a valid uuid`).
    public init(_ reason: String) {
        self.reason = reason
    }
}

/// A value of a result that could not be decoded into the Swift type asked for.
public struct PGDecodingError: Error, Sendable, CustomStringConvertible {
    /// The table, when the caller knows it (generated code does).
    public var table: String?
    /// The column's name in the result.
    public var column: String
    /// The PostgreSQL type OID of the column (`0` when unknown).
    public var typeOID: UInt32
    /// The text that did not decode (cut at 200 characters), `nil` for `NULL`.
    public var text: String?
    public var reason: String

    /// An error that names where the value was and why it did not decode.
    public init(table: String? = nil, column: String, typeOID: UInt32, text: String?, reason: String) {
        self.table = table
        self.column = column
        self.typeOID = typeOID
        self.text = text
        self.reason = reason
    }

    public var description: String {
        let place = table.map { "\($0).\(column)" } ?? column
        let value = text.map { "'\($0)'" } ?? "NULL"
        return "cannot decode column \(place) (type oid \(typeOID)) from \(value): \(reason)"
    }
}

/// A Swift type that a column value decodes into, from PostgreSQL's text format.
public protocol PGDecodable: Sendable {
    /// Decodes the text-format bytes of a value; `bytes` is `nil` for SQL `NULL`.
    static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Self
}

extension PGDecodable {
    @inlinable @inline(__always)
    static func nonNull(_ bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> UnsafeRawBufferPointer {
        guard let bytes else { throw PGDecodingFailure("unexpected NULL for non-optional \(Self.self)") }
        return bytes
    }
}

extension Optional: PGDecodable where Wrapped: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Self {
        guard let bytes else { return nil }
        return try Wrapped.decode(pgText: bytes)
    }
}

extension String: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> String {
        String(decoding: try nonNull(bytes), as: UTF8.self)
    }
}

extension Bool: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Bool {
        let bytes = try nonNull(bytes)
        guard bytes.count == 1 else { throw PGDecodingFailure("not a boolean") }
        switch bytes[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw PGDecodingFailure("not a boolean")
        }
    }
}

/// Integers parse their ASCII digits directly, without making a `String` first.
extension FixedWidthInteger where Self: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Self {
        let bytes = try nonNull(bytes)
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count else { throw PGDecodingFailure("not an integer") }
        var value: Self = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { throw PGDecodingFailure("not an integer") }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative
                ? times10.subtractingReportingOverflow(Self(digit))
                : times10.addingReportingOverflow(Self(digit))
            guard !overflow1, !overflow2 else { throw PGDecodingFailure("out of range for \(Self.self)") }
            value = next
            index += 1
        }
        return value
    }
}

extension Int: PGDecodable {}
extension Int64: PGDecodable {}
extension Int32: PGDecodable {}
extension Int16: PGDecodable {}
extension UInt32: PGDecodable {}

extension Double: PGDecodable {
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> Double {
        let text = String(decoding: try nonNull(bytes), as: UTF8.self)
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let value = Double(text) else { throw PGDecodingFailure("not a number") }
            return value
        }
    }
}

extension UUID: PGDecodable {
    /// Reads PostgreSQL's output form, `a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11`, straight from the bytes.
    public static func decode(pgText bytes: UnsafeRawBufferPointer?) throws(PGDecodingFailure) -> UUID {
        let bytes = try nonNull(bytes)
        guard bytes.count == 36 else { throw PGDecodingFailure("not a uuid") }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &value) { out -> Bool in
            var input = 0
            for index in 0..<16 {
                if input == 8 || input == 13 || input == 18 || input == 23 {
                    guard bytes[input] == UInt8(ascii: "-") else { return false }
                    input += 1
                }
                guard let high = hexDigit(bytes[input]), let low = hexDigit(bytes[input + 1]) else { return false }
                out[index] = high << 4 | low
                input += 2
            }
            return true
        }
        guard valid else { throw PGDecodingFailure("not a uuid") }
        return UUID(uuid: value)
    }
}

/// The value of one hexadecimal digit, either case.
@inline(__always)
func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte &- UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte &- UInt8(ascii: "a") &+ 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte &- UInt8(ascii: "A") &+ 10
    default: nil
    }
}
