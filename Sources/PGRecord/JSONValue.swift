import Foundation

/// A JSON value: what a `json` or `jsonb` column holds when no Swift type was configured for it.
///
/// Numbers stay exact: integers that fit 64 bits are `.integer`; a number that a `Double` holds
/// exactly (`0.5`, `2e-3`) is `.number`; any other (`123456789012345678901234567890`, `1e400`,
/// `0.1000000000000000055511151231257827`: `jsonb` keeps them all as decimals) is `.decimal`,
/// holding the number's JSON text, written back as it came.
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A finite number. JSON has no `NaN` or infinity: writing one is refused.
    case number(Double)
    /// A number as JSON text (`-12.50e+3`), for numbers that neither `Int64` nor `Double` hold exactly.
    case decimal(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Decimal.self), let exact = JSONValue.exactNumber(value.description) {
            self = exact
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .decimal(let text):
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  JSONValue.sameDecimal(value.description, text) else {
                throw EncodingError.invalidValue(text, EncodingError.Context(
                    codingPath: encoder.codingPath, debugDescription: "JSON number \(text) has no exact Decimal; use jsonText or pgBind to write it exactly"
                ))
            }
            try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
}
