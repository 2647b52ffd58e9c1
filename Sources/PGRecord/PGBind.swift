import Foundation

/// A value bound to a `$n` parameter of a statement, in PostgreSQL's text format.
///
/// Its `description` never shows the value: binds may hold secrets, and errors and logs print
/// statements with their binds.
public struct PGBind: Sendable, Hashable, CustomStringConvertible {
    // One enum rather than two optional strings: a bind is then 16 bytes with one reference to
    // release, which an insert of many rows pays for every value.
    private enum Storage: Hashable {
        case null
        case text(String)
        case refused(String)
    }

    private var storage: Storage

    /// The text form of the value; `nil` is SQL `NULL` (and a refused value has none). Setting it
    /// replaces the value, a refusal included.
    public var text: String? {
        get {
            if case .text(let text) = storage { return text }
            return nil
        }
        set { storage = newValue.map(Storage.text) ?? .null }
    }

    /// Why this value cannot be sent (a JSON `NaN`, a value that failed to encode): a statement
    /// with such a bind is refused before anything is sent. Setting a reason replaces the value;
    /// setting `nil` turns a refused value into SQL `NULL` and leaves any other as it is.
    public var refusal: String? {
        get {
            if case .refused(let reason) = storage { return reason }
            return nil
        }
        set {
            if let newValue {
                storage = .refused(newValue)
            } else if case .refused = storage {
                storage = .null
            }
        }
    }

    /// A value in PostgreSQL's text format; `nil` is SQL `NULL`.
    public init(text: String?) {
        storage = text.map(Storage.text) ?? .null
    }

    /// A value that must never reach the database, with the reason; see ``problem``.
    public init(refusing reason: String) {
        storage = .refused(reason)
    }

    /// SQL `NULL`.
    public static let null = PGBind(text: nil)

    public var description: String {
        if case .null = storage { return "NULL" }
        return "<bind>"
    }

    /// Why this value cannot be sent as it is, or `nil`. PostgreSQL's text types cannot hold a NUL
    /// byte, and libpq takes each value as a C string: a NUL would silently cut the value short.
    public var problem: String? {
        switch storage {
        case .null:
            return nil
        case .refused(let reason):
            return reason
        case .text(let text):
            return PGBind.containsNUL(text) ? PGBind.nulReason : nil
        }
    }

    /// Appends the value to a column's array for `insertMany`, with one look at the storage and
    /// no copy of the text; returns the reason when the value is refused (nothing is appended).
    @inline(__always)
    func appendArrayElement(to array: inout PGTextArrayBuilder) -> String? {
        switch storage {
        case .null:
            array.appendNULL()
        case .text(let text):
            array.append(text)
        case .refused(let reason):
            return reason
        }
        return nil
    }

    /// The ``problem`` of a value with a NUL byte.
    static let nulReason = "the value contains a NUL byte (U+0000), which PostgreSQL's text types cannot hold"

    /// Whether `text` has a NUL byte. Every value of every insert is scanned, so this uses `memchr`
    /// on the string's UTF-8 storage: the generic `utf8.contains(0)` took a tenth of `insertMany`'s
    /// client time.
    @inline(__always)
    static func containsNUL(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
        return found ?? text.utf8.contains(0)
    }

    /// Throws, naming the column (or the `$n` parameter), when one of `binds` cannot be sent.
    public static func check(_ binds: [PGBind], table: String? = nil, columns: [String]? = nil) throws(PGBindError) {
        for index in binds.indices {
            guard let problem = binds[index].problem else { continue }
            let column = columns.flatMap { index < $0.count ? $0[index] : nil }
            throw PGBindError(table: table, column: column, parameter: index + 1, reason: problem)
        }
    }
}

/// A value refused before it was sent: it would have been stored other than as given.
public struct PGBindError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The table whose column the value was for, when known.
    public var table: String?
    /// The column the value was for, when the statement was built from column names.
    public var column: String?
    /// The 1-based `$n` of the value.
    public var parameter: Int
    /// Why the value was refused.
    public var reason: String

    /// An error for the value of parameter `$parameter`.
    public init(table: String? = nil, column: String? = nil, parameter: Int, reason: String) {
        self.table = table
        self.column = column
        self.parameter = parameter
        self.reason = reason
    }

    public var description: String {
        let target: String
        if let column {
            target = "column \"\(column)\"" + (table.map { " of \($0)" } ?? "")
        } else {
            target = "parameter $\(parameter)"
        }
        return "cannot bind \(target): \(reason); nothing was sent"
    }
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
        guard let value else { return .null }
        do {
            return PGBind(text: String(decoding: try PGJSON.encoder.encode(value), as: UTF8.self))
        } catch {
            // Never NULL in its place: that would store something other than the value.
            return PGBind(refusing: "the value cannot be written as JSON (\(error))")
        }
    }
}
