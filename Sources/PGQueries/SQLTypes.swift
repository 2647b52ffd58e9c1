import PGSchema

/// PostgreSQL's type rules that the analyser follows: categories, preferred types, implicit
/// casts and the common type of `UNION`, `CASE`, `COALESCE` and `IN` lists.
enum SQLTypes {
    static func named(_ name: String, dimensions: Int = 0) -> ColumnType { ColumnType(name: name, arrayDimensions: dimensions) }

    static let unknown = named("unknown")
    static let boolean = named("boolean")
    static let text = named("text")
    static let integer = named("integer")
    static let bigint = named("bigint")
    static let numeric = named("numeric")
    static let double = named("double precision")
    static let timestamptz = named("timestamp with time zone")
    static let interval = named("interval")
    static let jsonb = named("jsonb")

    /// `integer` for `varchar(20)`: the type without modifiers, what operators and functions see.
    static func plain(_ type: ColumnType) -> ColumnType {
        var type = type
        type.modifiers = []
        type.intervalFields = nil
        return type
    }

    static func same(_ a: ColumnType, _ b: ColumnType) -> Bool {
        a.name == b.name && a.schema == b.schema && a.arrayDimensions == b.arrayDimensions
    }

    static func isUnknown(_ type: ColumnType) -> Bool { type.name == "unknown" && type.schema == nil && type.arrayDimensions == 0 }

    static let numericRank: [String: Int] = ["smallint": 0, "integer": 1, "bigint": 2, "numeric": 3, "real": 4, "double precision": 5]

    enum Category: Equatable { case numeric, string, datetime, timespan, boolean, array, enumeration, user, pseudo }

    static func category(_ type: ColumnType, isEnum: Bool) -> Category {
        if type.arrayDimensions > 0 { return .array }
        if isEnum { return .enumeration }
        switch type.name {
        case "smallint", "integer", "bigint", "numeric", "real", "double precision", "oid": return .numeric
        case "text", "character varying", "character", "name", "unknown", "\"char\"": return type.schema == nil ? .string : .user
        case "date", "timestamp with time zone", "timestamp without time zone", "time without time zone", "time with time zone": return type.schema == nil ? .datetime : .user
        case "interval": return .timespan
        case "boolean": return .boolean
        default: return .user
        }
    }

    static func isPreferred(_ type: ColumnType) -> Bool {
        type.arrayDimensions == 0 && type.schema == nil && ["double precision", "text", "timestamp with time zone", "interval", "boolean", "oid"].contains(type.name)
    }

    /// Whether a value of `from` is implicitly cast to `to` (the same type included).
    static func castsImplicitly(_ from: ColumnType, to: ColumnType) -> Bool {
        if same(from, to) { return true }
        guard from.arrayDimensions == to.arrayDimensions else { return false }
        // An array casts as its elements do (`numeric[]` to `double precision[]`).
        if from.arrayDimensions > 0 { return castsImplicitly(from.element, to: to.element) }
        if from.schema != nil || to.schema != nil { return false }
        if let a = numericRank[from.name], let b = numericRank[to.name] { return a < b }
        switch (from.name, to.name) {
        case ("character varying", "text"), ("character", "text"), ("name", "text"), ("text", "character varying"),
             ("character", "character varying"), ("text", "name"), ("character varying", "name"),
             ("date", "timestamp without time zone"), ("date", "timestamp with time zone"),
             ("timestamp without time zone", "timestamp with time zone"), ("time without time zone", "interval"),
             ("time without time zone", "time with time zone"), ("text", "regconfig"), ("smallint", "oid"), ("integer", "oid"), ("bigint", "oid"):
            return true
        default:
            return false
        }
    }

    /// The common type of values that meet in one column (`select_common_type`): `nil` when
    /// they do not fit together. Unknowns take the type of the others, or `text` alone. As in
    /// PostgreSQL, the first type stays unless it is not a preferred type and casts implicitly to
    /// a later one that does not cast back (`integer` then `bigint` gives `bigint`; `varchar` then
    /// `text` stays `varchar`).
    static func commonType(_ types: [ColumnType], isEnum: (ColumnType) -> Bool) -> ColumnType? {
        let known = types.filter { !isUnknown($0) }
        guard var result = known.first else { return text }
        let category = category(result, isEnum: isEnum(result))
        for next in known.dropFirst() {
            if same(next, result) {
                // Keep a modifier only when all agree.
                if next.modifiers != result.modifiers { result.modifiers = [] }
                continue
            }
            guard Self.category(next, isEnum: isEnum(next)) == category else { return nil }
            let nextPlain = plain(next)
            let resultPlain = plain(result)
            if !isPreferred(resultPlain) && castsImplicitly(resultPlain, to: nextPlain) && !castsImplicitly(nextPlain, to: resultPlain) {
                result = nextPlain
            }
        }
        for type in known where !castsImplicitly(plain(type), to: plain(result)) { return nil }
        return result
    }
}
