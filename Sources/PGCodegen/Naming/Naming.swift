import Foundation

/// How database names become Swift names (Swift API Design Guidelines):
/// `saas_clients` → `SaasClient`, `client_id` → `clientID`, `whatsapp_number` → `whatsappNumber`,
/// enum label `past_due` → `pastDue`; keywords escaped with backticks.
///
/// Every name in a migration (quoted identifiers may hold any character, keywords, spaces,
/// emoji) becomes a Swift name that compiles, by these rules, applied in this order:
///
/// 1. **Words.** A name is split into words at every character that cannot be part of a Swift
///    identifier (`_`, spaces, punctuation, quotes, emoji, control characters), and between a
///    lower-case and an upper-case letter (`displayName` → display, name). Characters kept are
///    ASCII letters and digits and the non-ASCII letters and digits that Swift's grammar allows
///    in identifiers; invisible and direction-changing characters never are.
/// 2. **Case.** Types: each word capitalised, the table's last word singular; properties and
///    enum cases: the first word lower-case. Acronyms (``acronyms``) are upper-case when not first.
/// 3. **Empty or digit.** A name with no word left is `Table`, `Enum` or `Composite` for types,
///    `value` for properties and `empty` for enum cases; a name that starts with a digit gets `_`.
/// 4. **Reserved types.** A type name that the generated code, the standard library, Foundation or
///    PGRecord already uses (``reservedTypeNames``: `String`, `Data`, `UUID`, `Decimal`,
///    `JSONValue`, `Codable`, `CodingKeys`, `SQL`, `Draft`, `Self`, …) gets the suffix of its kind:
///    table `strings` → `StringRow`, enum `bool` → `BoolEnum`, composite `date` → `DateComposite`.
/// 5. **Reserved members.** A property or enum case named like a member that the generated code
///    or its protocols define (``reservedMemberNames``: `pgValues`, `hashValue`, `tableName`,
///    `self`, `rawValue`, …) gets the suffix `Value`: `pgValues` → `pgValuesValue`.
/// 6. **Keywords.** Other Swift keywords are escaped with backticks (`` `default` ``). Generated
///    bodies write `self.name` for a property that is escaped or that a local or parameter of the
///    body would hide (`if let value = self.default`, `self.db` beside `on db:`), and a helper's
///    parameter for a column named like one of the helper's own parameters (`fixedParameterNames`
///    of the query translator: `db`, `text`, `limit`, …) gets the internal name `_name`.
///    A column called `id` that is not the single-column primary key keeps the name `id`; the model
///    is then not `Identifiable`.
/// 7. **Collisions.** Names that are still equal within their scope (columns `user_id`, `userId`
///    and `"userID"`; tables `user` and `users`; enum labels `a-b`, `a_b` and `A B`) are numbered
///    in the order the migrations declare them: `userID`, `userID2`, `userID3` (with a warning
///    that `pg-codegen.json` can rename them).
///
/// Beyond names, the generator keeps these rules, so that no schema that PostgreSQL accepts gives
/// Swift that does not compile:
///
/// 8. **Text stays text.** Comments, defaults and names shown in doc comments are split into
///    `///` lines at every line break (`\n`, `\r\n`, `\r`, vertical tab, form feed, U+0085,
///    U+2028, U+2029), other control and direction-changing characters are written as `\u{…}`
///    (`SwiftRenderer.commentLines`); string literals escape quotes, backslashes (so `\(` and
///    `"""` stay text), controls and separators (`SwiftRenderer.literalBody`).
/// 9. **Helpers once.** Two helpers with the same Swift signature (a unique constraint on the
///    primary key's columns, two unique constraints on the same columns) are generated once, the
///    first declared; `SQL` statement names that two helpers would share are numbered.
/// 10. **Empty tables.** A table without columns gets a `CodingKeys` without cases (its `String`
///    members written out) and selects `NULL`; a draft with nothing to write is empty and inserts
///    `DEFAULT VALUES`.
/// 11. **Upsert of an `ALWAYS` identity key** writes the key with `OVERRIDING SYSTEM VALUE`; when
///    there is nothing else to set, the existing row is selected.
///
/// The same input always gives the same names: rules depend on nothing but the names themselves
/// and their order in the schema.
public enum Naming {
    /// Words written in capitals when they are not the first word of a name.
    public static let acronyms: Set<String> = ["id", "url", "uri", "api", "json", "html", "http", "ip", "uuid", "sql"]

    /// What a generated type is for: a reserved name gets the kind's suffix.
    public enum TypeKind: Sendable {
        case table, enumeration, composite

        var suffix: String {
            switch self {
            case .table: "Row"
            case .enumeration: "Enum"
            case .composite: "Composite"
            }
        }

        var fallback: String {
            switch self {
            case .table: "Table"
            case .enumeration: "Enum"
            case .composite: "Composite"
            }
        }
    }

    /// Type names a generated type must not take: those the generated code refers to without a
    /// module name (standard library, Foundation, PGRecord), the types nested in every model
    /// (`Draft`, `CodingKeys`, `SQL`, `Column`, `Change`), module names, and keywords that name types.
    public static let reservedTypeNames: Set<String> = [
        // Swift
        "Swift", "String", "Substring", "Character", "Bool", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8",
        "UInt16", "UInt32", "UInt64", "Float", "Double", "Optional", "Array", "Dictionary", "Set", "Result", "Never",
        "Error", "Void", "Any", "AnyObject", "Self", "Type", "Protocol", "Codable", "Encodable", "Decodable", "Encoder",
        "Decoder", "CodingKey", "CodingKeys", "CaseIterable", "RawRepresentable", "Hashable", "Hasher", "Equatable",
        "Comparable", "Identifiable", "Sendable", "Sequence", "Collection", "KeyedEncodingContainer",
        "KeyedDecodingContainer", "EncodingError", "DecodingError", "CustomStringConvertible", "Task", "Actor",
        "ObjectIdentifier", "StaticString", "Unicode", "Range", "Copyable", "Escapable", "BitwiseCopyable",
        // Foundation
        "Foundation", "Data", "Date", "UUID", "Decimal", "URL", "NSDecimalNumber", "JSONEncoder", "JSONDecoder", "Locale",
        "TimeZone", "Calendar",
        // PGRecord
        "PGRecord", "PGTable", "PGRow", "PGRows", "PGRowDecodable", "PGBind", "PGBindable", "PGBytea", "PGQuery",
        "PGStatement", "PGExecutor", "PGDecodable", "PGDecodingError", "PGDecodingFailure", "PGEnum", "PGArrayElement",
        "PGArrayLiteral", "PGCompositeLiteral", "PGTableHelpers", "PGDate", "PGTime", "PGTimestamp", "PGInterval",
        "PGJSON", "PGResultStorage", "JSONValue", "JSONArray", "JSONObject", "PGBindError", "PGSQLStateError", "PGIsolationLevel", "PGTransaction",
        "PGTransactionOptions", "PGTransactionAbortedError", "PGDraftValue", "PGRowStream", "PGRowBatches", "PGRowBatchSource",
        "PGMigration", "PGSelectable", "PGInsertable", "PGDraft",
        // Nested in every generated model
        "Draft", "SQL", "Column", "Change",
    ]

    /// Member names a column's property, a composite attribute's property or an enum case must
    /// not take: members that the generated code or the protocols it conforms to define.
    public static let reservedMemberNames: Set<String> = [
        "self", "Self", "init", "deinit", "Type", "Protocol", "super",
        "hashValue", "hash", "encode", "rawValue", "allCases", "stringValue", "intValue",
        "pgValues", "pgBind", "appendArrayElement", "decode",
        "tableName", "schemaName", "columnNames", "primaryKey", "update", "upsert",
    ]

    /// Whether a Unicode scalar may be part of a generated identifier: ASCII letters and digits,
    /// and the letters and decimal digits that Swift's identifier grammar allows, leaving out
    /// combining marks, invisible characters (zero-width, direction controls, variation
    /// selectors, byte order mark) and symbols (emoji).
    static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType == .decimal else { return false }
        guard properties.generalCategory != .nonspacingMark, properties.generalCategory != .spacingMark,
              properties.generalCategory != .enclosingMark, properties.generalCategory != .format else { return false }
        // Swift's identifier-head ranges, less the invisible ones.
        let ranges: [ClosedRange<UInt32>] = [
            0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x02FF, 0x0370...0x167F, 0x1681...0x180D, 0x180F...0x1DBF,
            0x1E00...0x1FFF, 0x2C00...0x2DFF, 0x2E80...0x2FFF, 0x3040...0xD7FF, 0xF900...0xFD3D, 0xFD40...0xFDCF,
            0xFE70...0xFEFE, 0xFF10...0xFFEF, 0x10000...0x1FFFD, 0x20000...0x2FFFD,
        ]
        return ranges.contains { $0.contains(value) }
    }

    /// The words of a database name: split at `_`, spaces and other punctuation, and between a
    /// lower-case letter and an upper-case one (`displayName` → display, name).
    static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        // Composed form first, so that `e` + combining acute is the letter `é`.
        let name = name.precomposedStringWithCanonicalMapping
        var words: [String] = []
        var current = ""
        // Characters of identifier scalars only: a character that is a letter with a combining
        // mark keeps its letter, emoji and punctuation separate words.
        let characters: [Character] = name.unicodeScalars.map { isIdentifierScalar($0) ? Character($0) : " " }
        for (index, character) in characters.enumerated() {
            guard character != " " else {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if character.isUppercase, !current.isEmpty, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // displayName → display, name; HTTPStatus → http, status
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    /// ``words(_:)`` for ASCII names (nearly all), on bytes rather than characters.
    private static func asciiWords(_ name: String) -> [String] {
        let bytes = Array(name.utf8)
        // Plain comparisons: the generator runs unoptimized in a user's debug build, where a
        // range's generic `contains` costs several times as much.
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var words: [String] = []
        var current: [UInt8] = []
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard isUpper(byte) || isLower(byte) || isDigit(byte) else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current = []
                continue
            }
            if isUpper(byte), !current.isEmpty, index > 0 {
                let previous = bytes[index - 1]
                let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
                // displayName → display, name; HTTPStatus → http, status
                if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) {
                    words.append(String(decoding: current, as: UTF8.self))
                    current = []
                }
            }
            current.append(isUpper(byte) ? byte + 32 : byte)
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// `id` → `ID`, `ids` → `IDs`, `name` → `Name`.
    private static func capitalized(_ word: String) -> String {
        if acronyms.contains(word) { return word.uppercased() }
        if word.hasSuffix("s"), acronyms.contains(String(word.dropLast())) { return word.dropLast().uppercased() + "s" }
        // A lower-case ASCII first letter (nearly always) is made upper case on the bytes.
        var bytes = Array(word.utf8)
        if let first = bytes.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") {
            bytes[0] = first - 32
            return String(decoding: bytes, as: UTF8.self)
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `saas_clients` → `SaasClient`: words capitalised, the last one made singular; a reserved
    /// name gets the suffix `Row` (`strings` → `StringRow`).
    public static func typeName(forTable table: String) -> String {
        var parts = words(table)
        if let last = parts.last { parts[parts.count - 1] = singular(last) }
        return unreserved(identifier(parts.map(capitalized).joined(), fallback: TypeKind.table.fallback), kind: .table)
    }

    /// `saas_subscription_plan` → `SaasSubscriptionPlan`; a reserved name gets the suffix of its
    /// kind (`bool` → `BoolEnum`).
    public static func typeName(for name: String, kind: TypeKind = .enumeration) -> String {
        unreserved(identifier(words(name).map(capitalized).joined(), fallback: kind.fallback), kind: kind)
    }

    /// A type name not in ``reservedTypeNames`` (nor a keyword), by the suffix of its kind.
    public static func unreserved(_ name: String, kind: TypeKind) -> String {
        reservedTypeNames.contains(name) || keywords.contains(name) ? name + kind.suffix : name
    }

    /// `client_id` → `clientID`, `id` → `id`, `API_key` → `apiKey`; a column called `self`, which
    /// no property can be called even with backticks (it would hide `self` in the initializer),
    /// becomes `selfValue`, like every name in ``reservedMemberNames``.
    public static func propertyName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "value" }
        return member(identifier(first + parts.dropFirst().map(capitalized).joined(), fallback: "value"))
    }

    /// `past_due` → `pastDue`, `in progress` → `inProgress`, `2nd try` → `_2ndTry`.
    public static func caseName(_ label: String) -> String {
        let parts = words(label)
        guard let first = parts.first else { return "empty" }
        return member(identifier(first + parts.dropFirst().map(capitalized).joined(), fallback: "value"))
    }

    /// A member name: a reserved one gets `Value`, a keyword is escaped.
    static func member(_ name: String) -> String {
        reservedMemberNames.contains(name) ? name + "Value" : escaped(name)
    }

    /// A name that starts with a digit gets a leading underscore; what case mapping made of a
    /// letter that is no identifier character (`İ` → `i̇`) is left out.
    private static func identifier(_ name: String, fallback: String) -> String {
        var name = name
        if name.utf8.contains(where: { $0 >= 0x80 }), !name.unicodeScalars.allSatisfy(isIdentifierScalar) {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: name.unicodeScalars.filter(isIdentifierScalar))
            name = String(scalars)
        }
        guard let first = name.first else { return fallback }
        return first.isNumber ? "_" + name : name
    }

    /// Swift keywords (and names that only backticks make usable) are escaped.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as", "false",
        "is", "nil", "self", "Self", "super", "throws", "true", "try", "Any", "Type", "Protocol", "await", "async",
        "any", "some", "package", "consume", "copy", "discard", "each", "borrowing", "consuming", "nonisolated",
    ]

    // MARK: - Singular

    private static let irregular: [String: String] = [
        "people": "person", "children": "child", "men": "man", "women": "woman", "mice": "mouse", "geese": "goose",
        "feet": "foot", "teeth": "tooth", "data": "data", "media": "media", "criteria": "criterion", "phenomena": "phenomenon",
        "indices": "index", "matrices": "matrix", "vertices": "vertex", "statuses": "status", "analyses": "analysis",
        "bases": "base", "cases": "case", "aliases": "alias", "buses": "bus", "viruses": "virus", "campuses": "campus",
        "series": "series", "species": "species", "news": "news", "leaves": "leaf", "lives": "life", "knives": "knife",
        "wives": "wife", "halves": "half", "selves": "self", "shelves": "shelf", "quizzes": "quiz", "moves": "move",
        "movies": "movie", "cookies": "cookie", "pies": "pie", "ties": "tie", "invoices": "invoice", "prices": "price",
        "devices": "device", "services": "service", "responses": "response", "courses": "course", "purchases": "purchase",
        "licenses": "license", "expenses": "expense", "releases": "release", "databases": "database", "phases": "phase",
        "houses": "house", "warehouses": "warehouse", "uses": "use", "causes": "cause", "clauses": "clause",
    ]

    /// The singular of an English plural, for table names: `clients` → `client`,
    /// `categories` → `category`, `addresses` → `address`; words that are not plural stay.
    public static func singular(_ word: String) -> String {
        if let known = irregular[word] { return known }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        for suffix in ["sses", "shes", "ches", "xes", "zzes"] where word.hasSuffix(suffix) {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is"), word.count > 2 {
            return String(word.dropLast())
        }
        return word
    }
}
