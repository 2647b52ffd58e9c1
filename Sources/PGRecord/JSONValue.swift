import Foundation

/// A JSON value: what a `json` or `jsonb` column holds when no Swift type was configured for it.
///
/// Numbers stay exact: integers that fit 64 bits are `.integer`; a number that a `Double` holds
/// exactly (`0.5`, `2e-3`) is `.number`; any other (`123456789012345678901234567890`, `1e400`,
/// `0.1000000000000000055511151231257827`: `jsonb` keeps them all as decimals) is `.decimal`,
/// holding the number's JSON text, written back as it came.
///
/// Any depth is fine: reading, writing, comparing, hashing and letting go of a value take no
/// stack per level, so a document nested 1,000,000 levels deep (which PostgreSQL stores when its
/// `max_stack_depth` allows) is handled like any other. Arrays and objects are ``JSONArray`` and
/// ``JSONObject``, collections that behave like `[JSONValue]` and `[String: JSONValue]`.
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A finite number. JSON has no `NaN` or infinity: writing one is refused.
    case number(Double)
    /// A number as JSON text (`-12.50e+3`), for numbers that neither `Int64` nor `Double` hold exactly.
    case decimal(String)
    case string(String)
    case array(JSONArray)
    case object(JSONObject)

    /// An array of these elements.
    public static func array(_ elements: [JSONValue]) -> JSONValue { .array(JSONArray(elements)) }

    /// An object of these members.
    public static func object(_ members: [String: JSONValue]) -> JSONValue { .object(JSONObject(members)) }

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
            self = .array(JSONArray(value))
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(JSONObject(value))
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
        case .array(let value): try container.encode(value.elements)
        case .object(let value): try container.encode(value.members)
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
    public init(arrayLiteral elements: JSONValue...) { self = .array(JSONArray(elements)) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(Dictionary(elements, uniquingKeysWith: { $1 })))
    }
}

// MARK: - Equality, hashing and printing without recursion

extension JSONValue {
    /// Equal values: the same case and, for containers, equal elements or members, compared
    /// with a work list rather than by recursion. Numbers compare as their cases hold them.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        var work: [(JSONValue, JSONValue)] = [(lhs, rhs)]
        while let (left, right) = work.popLast() {
            switch (left, right) {
            case (.null, .null): continue
            case (.bool(let a), .bool(let b)): if a != b { return false }
            case (.integer(let a), .integer(let b)): if a != b { return false }
            case (.number(let a), .number(let b)): if a != b { return false }
            case (.decimal(let a), .decimal(let b)): if a != b { return false }
            case (.string(let a), .string(let b)): if a != b { return false }
            case (.array(let a), .array(let b)):
                if a.storage === b.storage { continue }
                guard a.count == b.count else { return false }
                work.append(contentsOf: zip(a.elements, b.elements))
            case (.object(let a), .object(let b)):
                if a.storage === b.storage { continue }
                guard a.count == b.count else { return false }
                for (key, value) in a.members {
                    guard let other = b[key] else { return false }
                    work.append((value, other))
                }
            default:
                return false
            }
        }
        return true
    }

    /// Hashes what `==` compares; an object's members in key order.
    public func hash(into hasher: inout Hasher) {
        var work: [JSONValue] = [self]
        while let value = work.popLast() {
            switch value {
            case .null: hasher.combine(0 as UInt8)
            case .bool(let value): hasher.combine(1 as UInt8); hasher.combine(value)
            case .integer(let value): hasher.combine(2 as UInt8); hasher.combine(value)
            case .number(let value): hasher.combine(3 as UInt8); hasher.combine(value)
            case .decimal(let value): hasher.combine(4 as UInt8); hasher.combine(value)
            case .string(let value): hasher.combine(5 as UInt8); hasher.combine(value)
            case .array(let elements):
                hasher.combine(6 as UInt8)
                hasher.combine(elements.count)
                work.append(contentsOf: elements.reversed())
            case .object(let members):
                hasher.combine(7 as UInt8)
                hasher.combine(members.count)
                for key in members.keys.sorted().reversed() {
                    hasher.combine(key)
                    work.append(members[key]!)
                }
            }
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text with sorted keys (``jsonText``).
    public var description: String { jsonText }
}
