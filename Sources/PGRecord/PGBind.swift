import Foundation

/// A value bound to a `$n` parameter of a statement, in PostgreSQL's text format.
///
/// Its `description` never shows the value: binds may hold secrets, and errors and logs print
/// statements with their binds.
public struct PGBind: Sendable, Hashable, CustomStringConvertible {
    /// The text form of the value; `nil` is SQL `NULL`.
    public var text: String?

    public init(text: String?) {
        self.text = text
    }

    public static let null = PGBind(text: nil)

    public var description: String { text == nil ? "NULL" : "<bind>" }
}

/// A Swift value that can be bound to a statement parameter.
public protocol PGBindable {
    var pgBind: PGBind { get }
}

extension PGBind: PGBindable {
    public var pgBind: PGBind { self }
}

extension String: PGBindable {
    public var pgBind: PGBind { PGBind(text: self) }
}

extension Bool: PGBindable {
    public var pgBind: PGBind { PGBind(text: self ? "t" : "f") }
}

extension Int: PGBindable {
    public var pgBind: PGBind { PGBind(text: String(self)) }
}

extension Int64: PGBindable {
    public var pgBind: PGBind { PGBind(text: String(self)) }
}

extension Int32: PGBindable {
    public var pgBind: PGBind { PGBind(text: String(self)) }
}

extension Int16: PGBindable {
    public var pgBind: PGBind { PGBind(text: String(self)) }
}

extension UInt32: PGBindable {
    public var pgBind: PGBind { PGBind(text: String(self)) }
}

extension Double: PGBindable {
    public var pgBind: PGBind { PGBind(text: Self.pgText(self)) }

    static func pgText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }
}

extension UUID: PGBindable {
    public var pgBind: PGBind { PGBind(text: uuidString.lowercased()) }
}

extension Optional: PGBindable where Wrapped: PGBindable {
    public var pgBind: PGBind { self?.pgBind ?? .null }
}

extension PGBind: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self.init(text: value) }
    public init(integerLiteral value: Int) { self.init(text: String(value)) }
    public init(booleanLiteral value: Bool) { self = value.pgBind }
    public init(nilLiteral: ()) { self.init(text: nil) }
}

extension PGBind {
    /// A value bound as JSON text (for `json`/`jsonb` columns given a Swift type of the user's).
    public static func json<T: Encodable>(_ value: T?) -> PGBind {
        guard let value, let data = try? PGJSON.encoder.encode(value) else { return .null }
        return PGBind(text: String(decoding: data, as: UTF8.self))
    }
}
