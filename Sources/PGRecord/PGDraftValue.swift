/// What a draft gives a nullable column that has a default: the default, NULL, or a value.
///
/// For such a column `nil` cannot say both "leave it to the database" and "store NULL", so a
/// draft spells the three apart:
///
/// ```swift
/// AppNote.Draft(title: "Call back")                          // remark: .default, the column's DEFAULT
/// AppNote.Draft(title: "Call back", remark: .null)           // store NULL
/// AppNote.Draft(title: "Call back", remark: "after lunch")   // a value (a literal, or .value(text))
/// AppNote.Draft(title: "Call back", remark: .orNull(maybe))  // a value, or NULL for nil
/// ```
///
/// Columns that are `NOT NULL` with a default stay optional in a draft (`nil` is the default, as
/// NULL cannot be stored there), and nullable columns without a default stay optional too (`nil`
/// is NULL, which is also their default).
///
/// Encoded as part of a draft (`Codable`), `.default` leaves the key out, `.null` writes `null`;
/// decoding reads a missing key as `.default` and `null` as `.null`, as a JSON `PATCH` body reads.
public enum PGDraftValue<Value> {
    /// The column's `DEFAULT`: the column is left out of the `INSERT`.
    case `default`
    /// SQL NULL.
    case null
    /// A value.
    case value(Value)

    /// `.value` for a value, `.null` for `nil`.
    public static func orNull(_ value: Value?) -> PGDraftValue<Value> {
        value.map { .value($0) } ?? .null
    }

    /// Whether the column is left to its default.
    public var isDefault: Bool {
        if case .default = self { return true }
        return false
    }

    /// The bind for the column (`.null` for NULL), or `nil` when the column is left to its default:
    /// `transform` makes the bind of a value.
    public func bind(_ transform: (Value) -> PGBind) -> PGBind? {
        switch self {
        case .default: nil
        case .null: .null
        case .value(let value): transform(value)
        }
    }
}

extension PGDraftValue: Sendable where Value: Sendable {}
extension PGDraftValue: Equatable where Value: Equatable {}
extension PGDraftValue: Hashable where Value: Hashable {}

extension PGDraftValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .default: "default"
        case .null: "null"
        case .value(let value): String(describing: value)
        }
    }
}

// MARK: - Literals: `remark: "after lunch"`, `priority: 3`

extension PGDraftValue: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral, ExpressibleByStringLiteral where Value == String {
    public init(stringLiteral value: String) { self = .value(value) }
}

extension PGDraftValue: ExpressibleByIntegerLiteral where Value: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Value.IntegerLiteralType) { self = .value(Value(integerLiteral: value)) }
}

extension PGDraftValue: ExpressibleByFloatLiteral where Value: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Value.FloatLiteralType) { self = .value(Value(floatLiteral: value)) }
}

extension PGDraftValue: ExpressibleByBooleanLiteral where Value == Bool {
    public init(booleanLiteral value: Bool) { self = .value(value) }
}

extension PGDraftValue: ExpressibleByArrayLiteral where Value: RangeReplaceableCollection {
    public init(arrayLiteral elements: Value.Element...) { self = .value(Value(elements)) }
}

// MARK: - Codable: a missing key is the default, `null` is NULL

extension PGDraftValue: Encodable where Value: Encodable {
    /// Encodes `.null` (and `.default`, when not encoded as a draft's member) as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .default, .null: try container.encodeNil()
        case .value(let value): try container.encode(value)
        }
    }
}

extension PGDraftValue: Decodable where Value: Decodable {
    /// Decodes `null` as `.null` and anything else as a value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Value.self))
    }
}

extension KeyedEncodingContainer {
    /// A draft's member: `.default` leaves the key out, `.null` writes `null`.
    public mutating func encode<Value: Encodable>(_ value: PGDraftValue<Value>, forKey key: Key) throws {
        switch value {
        case .default: break
        case .null: try encodeNil(forKey: key)
        case .value(let value): try encode(value, forKey: key)
        }
    }
}

extension KeyedDecodingContainer {
    /// A draft's member: a missing key is `.default`, `null` is `.null`.
    public func decode<Value: Decodable>(_ type: PGDraftValue<Value>.Type, forKey key: Key) throws -> PGDraftValue<Value> {
        guard contains(key) else { return .default }
        return try decodeNil(forKey: key) ? .null : .value(decode(Value.self, forKey: key))
    }
}
