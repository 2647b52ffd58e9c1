import Foundation

/// SplitMix64: a small seeded generator, so that a failing seed can be run again.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random schema that PostgreSQL accepts: tables, enums and composite types with names drawn
/// from a hostile alphabet (keywords of Swift and SQL, names of Swift types and generated members,
/// quotes, backslashes, spaces, line separators, emoji, non-ASCII letters), random column types,
/// nullability, defaults, identity and generated columns, keys, unique and foreign keys, checks,
/// comments that try to end doc comments, and `ALTER`s in later migration files.
///
/// Besides the migration files it keeps what a row needs to be inserted: for each table, its
/// columns as they end up, and a JSON object with a value for every column that must be given.
struct RandomSchema {
    struct ColumnType {
        var sql: String
        var defaults: [String]
        /// A JSON value that decodes as the column's Swift type, or `nil` when the column must
        /// never be required (it always gets a default or stays nullable).
        var json: String?
        /// May be in a key (btree-comparable).
        var keyable: Bool
        /// May be an identity column.
        var integer = false
        /// The type a foreign key to a column of this type has.
        var referenceSQL: String?
        /// A domain declared `NOT NULL`: its columns are never null.
        var isNotNullDomain = false
    }

    struct Column {
        var name: String
        var type: ColumnType
        var notNull: Bool
        var defaultSQL: String?
        var identity: String?
        var generated = false
        /// Refers to another table's key: never given a default, so that a row needs no parent.
        var isForeignKey = false
        /// Must be given in a draft: not null, no default, not identity, not generated.
        var isRequired: Bool { (notNull || type.isNotNullDomain) && defaultSQL == nil && identity == nil && !generated && !type.sql.hasSuffix("serial") }
    }

    struct Table {
        /// The schema, when not `public`.
        var schema: String?
        var name: String
        var columns: [Column]
        var primaryKey: [String] = []
        /// Columns of keys and foreign keys: not dropped by a later `ALTER`.
        var constrained: Set<String> = []

        /// `"schema"."name"`, or `"name"` in `public`.
        var qualified: String { (schema.map { RandomSchema.quoted($0) + "." } ?? "") + RandomSchema.quoted(name) }
    }

    private(set) var files: [String] = []
    private(set) var tables: [Table] = []
    private var enums: [(name: String, labels: [String])] = []
    private var composites: [String] = []
    private var domains: [ColumnType] = []
    /// A schema besides `public`, whose tables may have the names of tables in `public`.
    private var otherSchema: String?
    private var otherTableNames: Set<String> = []
    private var typeNames: Set<String> = ["schema_migrations"]
    private var random: SeededGenerator

    /// Pieces that names are made of.
    static let namePieces = [
        "a", "b", "x", "id", "ID", "user", "users", "user_id", "userId", "userID", "default", "self", "Self", "class",
        "Type", "init", "select", "from", "table", "order", "pgValues", "pgBind", "hashValue", "tableName", "rawValue",
        "values", "value", "db", "row", "limit", "text", "String", "Data", "UUID", "Decimal", "Date", "JSONValue", "SQL",
        "Draft", "CodingKeys", "Column", "Any", "some", "é", "Ünïcode", "中文", "ß", "İ", "🎉", "👍🏽", " ", "_", "-", "\"",
        "'", "\\", "*/", "/*", "\\(", "\"\"\"", "$", "1", "2nd", "#", "`", "\n", "\u{2028}", "data", "status", "items",
    ]

    /// Text for comments and text defaults: everything that could end a comment or a literal.
    static let textPieces = [
        "plain words", "*/", "/*", "\\(", "\"\"\"", "\"", "'", "\\", "`", "\r", "\n", "\r\n", "\u{2028}", "\u{2029}",
        "\u{85}", "\u{0C}", "\u{0B}", "\u{202E}", "public static let injected = 1", "}", "{", "#if false", "🎉", "é",
    ]

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        generate()
    }

    // MARK: - Randomness

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    private mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &random)]
    }

    private mutating func count(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    /// A new name not in `used`, at most 60 bytes (PostgreSQL keeps 63).
    private mutating func name(notIn used: Set<String>) -> String {
        while true {
            var name = ""
            for _ in 0..<count(1...3) { name += pick(Self.namePieces) }
            if name.utf8.count <= 60, !used.contains(name), name != "schema_migrations" { return name }
        }
    }

    private mutating func text() -> String {
        (0..<count(1...4)).map { _ in pick(Self.textPieces) }.joined(separator: pick(["", " "]))
    }

    // MARK: - SQL

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A standard string literal (backslashes are text).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// An `E''` literal with escapes for the control characters.
    static func escapeLiteral(_ text: String) -> String {
        var result = "E'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": result += "''"
            case "\\": result += "\\\\"
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x2028...0x2029).contains(scalar.value) || scalar.value == 0x202E {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "'"
    }

    /// A JSON string.
    static func jsonString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }

    private mutating func columnType() -> ColumnType {
        let short = pick(["abc", "it's", "\\(x)", "*/", "é", "🎉", ""])
        var types: [ColumnType] = [
            ColumnType(sql: "smallint", defaults: ["7", "-1"], json: "12", keyable: true, integer: true, referenceSQL: "smallint"),
            ColumnType(sql: "integer", defaults: ["42"], json: "34", keyable: true, integer: true, referenceSQL: "integer"),
            ColumnType(sql: "bigint", defaults: ["9000000000"], json: "5000000000", keyable: true, integer: true, referenceSQL: "bigint"),
            ColumnType(sql: "serial", defaults: [], json: nil, keyable: true, referenceSQL: "integer"),
            ColumnType(sql: "bigserial", defaults: [], json: nil, keyable: true, referenceSQL: "bigint"),
            ColumnType(sql: "real", defaults: ["1.5"], json: "2.5", keyable: false),
            ColumnType(sql: "double precision", defaults: ["2.25"], json: "0.125", keyable: false),
            ColumnType(sql: "numeric(12, 3)", defaults: ["12.345"], json: "1.5", keyable: true),
            ColumnType(sql: "boolean", defaults: ["true", "false"], json: "true", keyable: true),
            ColumnType(sql: "text", defaults: [Self.literal(text()), Self.escapeLiteral(text())], json: Self.jsonString(text()), keyable: true, referenceSQL: "text"),
            ColumnType(sql: "varchar(30)", defaults: [Self.literal(short)], json: Self.jsonString(short), keyable: true),
            ColumnType(sql: "uuid", defaults: ["gen_random_uuid()", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"], json: "\"8E5A1E8C-1B2C-4D5E-8F90-A1B2C3D4E5F6\"", keyable: true, referenceSQL: "uuid"),
            ColumnType(sql: "bytea", defaults: ["'\\x0102ff'"], json: "\"AQL/\"", keyable: false),
            ColumnType(sql: "timestamptz", defaults: ["now()", "'2020-01-02 03:04:05+00'"], json: "600000000", keyable: true),
            ColumnType(sql: "timestamp", defaults: ["'2020-01-02 03:04:05'"], json: "600000000.25", keyable: true),
            ColumnType(sql: "date", defaults: ["'2020-01-02'", "CURRENT_DATE"], json: "\"2021-02-03\"", keyable: true),
            ColumnType(sql: "time", defaults: ["'03:04:05'"], json: "\"04:05:06\"", keyable: true),
            ColumnType(sql: "interval", defaults: ["'1 day'"], json: nil, keyable: false),
            ColumnType(sql: "jsonb", defaults: ["'{}'", Self.literal("{\"a\": [1, \"x\", null]}")], json: "{\"k\": [1, null, \"v\"]}", keyable: false),
            ColumnType(sql: "json", defaults: ["'[]'"], json: "[1, 2]", keyable: false),
            ColumnType(sql: "text[]", defaults: ["'{}'", "ARRAY['a', 'b\"c']"], json: "[\"a\", \"b\\\\\"]", keyable: false),
            ColumnType(sql: "integer[]", defaults: ["'{1,2}'"], json: "[1, 2]", keyable: false),
            ColumnType(sql: "inet", defaults: ["'10.0.0.1'"], json: "\"192.168.0.1\"", keyable: false),
            ColumnType(sql: "tsvector", defaults: [], json: nil, keyable: false),
        ]
        for (name, labels) in enums {
            let label = labels[0]
            types.append(ColumnType(sql: Self.quoted(name), defaults: [Self.literal(label)], json: Self.jsonString(label), keyable: true))
        }
        types += domains
        for name in composites {
            types.append(ColumnType(sql: Self.quoted(name), defaults: [], json: nil, keyable: false))
        }
        return pick(types)
    }

    private mutating func column(in table: Table, canBeIdentity: Bool) -> Column {
        let name = name(notIn: Set(table.columns.map(\.name)))
        let type = columnType()
        var column = Column(name: name, type: type, notNull: chance(0.4), defaultSQL: nil)
        if canBeIdentity, type.integer, chance(0.25) {
            column.identity = pick(["ALWAYS", "BY DEFAULT"])
            column.notNull = true
        } else if type.integer, chance(0.1) {
            column.generated = true
        } else if !type.defaults.isEmpty, chance(0.4) {
            column.defaultSQL = pick(type.defaults)
        }
        // A column that must be given needs a value a draft can hold.
        if column.isRequired, type.json == nil { column.notNull = false }
        return column
    }

    private func definition(_ column: Column) -> String {
        var sql = "\(Self.quoted(column.name)) \(column.generated ? "integer" : column.type.sql)"
        if column.generated { return sql + " GENERATED ALWAYS AS (\(pick2(column.name))) STORED" }
        if column.notNull, column.identity == nil { sql += " NOT NULL" }
        if let value = column.defaultSQL { sql += " DEFAULT \(value)" }
        if let identity = column.identity { sql += " GENERATED \(identity) AS IDENTITY" }
        return sql
    }

    /// A constant expression for a generated column, chosen from the name so that it stays stable.
    private func pick2(_ name: String) -> String {
        name.utf8.count.isMultiple(of: 2) ? "2" : "length('x') * 3"
    }

    // MARK: - The schema

    private mutating func generate() {
        var first: [String] = ["-- A random schema."]
        for _ in 0..<count(0...2) {
            let name = name(notIn: typeNames)
            typeNames.insert(name)
            var labels: [String] = []
            for _ in 0..<count(1...6) {
                let label = chance(0.1) ? "" : self.name(notIn: Set(labels))
                if !labels.contains(label) { labels.append(label) }
            }
            enums.append((name, labels))
            first.append("CREATE TYPE \(Self.quoted(name)) AS ENUM (\(labels.map(Self.literal).joined(separator: ", ")));")
            if chance(0.5) { first.append("COMMENT ON TYPE \(Self.quoted(name)) IS \(Self.escapeLiteral(text()));") }
        }
        if chance(0.3) {
            let name = name(notIn: typeNames)
            typeNames.insert(name)
            var attributes: [String] = []
            for _ in 0..<count(1...3) { attributes.append(self.name(notIn: Set(attributes))) }
            composites.append(name)
            first.append("CREATE TYPE \(Self.quoted(name)) AS (\(attributes.map { "\(Self.quoted($0)) \(pick(["text", "integer", "boolean"]))" }.joined(separator: ", ")));")
        }
        for _ in 0..<count(0...2) {
            // A domain over a type that a draft can hold, maybe NOT NULL.
            let name = name(notIn: typeNames)
            typeNames.insert(name)
            var base = columnType()
            guard base.json != nil, !base.integer, !base.sql.hasPrefix("\""), !base.sql.hasSuffix("serial") else { continue }
            let notNull = chance(0.5)
            first.append("CREATE DOMAIN \(Self.quoted(name)) AS \(base.sql)\(notNull ? " NOT NULL" : "") CHECK (VALUE IS NOT NULL OR true);")
            base.sql = Self.quoted(name)
            base.isNotNullDomain = notNull
            base.referenceSQL = nil
            domains.append(base)
        }
        if chance(0.3) {
            var name = name(notIn: ["public", "pg_catalog", "information_schema"])
            if name.hasPrefix("pg_") { name = "x" + name }
            otherSchema = name
            first.append("CREATE SCHEMA \(Self.quoted(name));")
        }
        for _ in 0..<count(1...4) {
            first += createTable()
        }
        files.append(first.joined(separator: "\n") + "\n")

        // Later files change what the first made.
        for _ in 0..<count(0...2) {
            var statements: [String] = ["-- Changes."]
            for index in tables.indices where chance(0.6) {
                statements += alter(index)
            }
            if chance(0.3) { statements += createTable() }
            files.append(statements.joined(separator: "\n") + "\n")
        }
        if let index = enums.indices.first, chance(0.5) {
            // Its own file: a new label cannot be used in the transaction that adds it.
            let label = name(notIn: Set(enums[index].labels))
            enums[index].labels.append(label)
            files.append("ALTER TYPE \(Self.quoted(enums[index].name)) ADD VALUE \(Self.literal(label));\n")
        }
    }

    private mutating func createTable() -> [String] {
        var table: Table
        if let otherSchema, chance(0.5) {
            // Often the name of a table in public: the two models must get different Swift names.
            let publicName = tables.filter { $0.schema == nil }.randomElement(using: &random)?.name
            let name = publicName.flatMap { otherTableNames.contains($0) ? nil : $0 } ?? self.name(notIn: otherTableNames)
            otherTableNames.insert(name)
            table = Table(schema: otherSchema, name: name, columns: [])
        } else {
            let name = name(notIn: typeNames)
            typeNames.insert(name)
            table = Table(name: name, columns: [])
        }
        let name = table.qualified
        var hasIdentity = false
        for _ in 0..<count(0...7) {
            let column = column(in: table, canBeIdentity: !hasIdentity)
            hasIdentity = hasIdentity || column.identity != nil
            table.columns.append(column)
        }
        var elements = table.columns.map(definition)
        let keyable = table.columns.filter { $0.type.keyable && !$0.generated }
        if !keyable.isEmpty, chance(0.75) {
            let key = Array(keyable.shuffled(using: &random).prefix(chance(0.2) ? 2 : 1))
            table.primaryKey = key.map(\.name)
            for name in table.primaryKey {
                let index = table.columns.firstIndex { $0.name == name }!
                table.columns[index].notNull = true
            }
            elements.append("PRIMARY KEY (\(key.map { Self.quoted($0.name) }.joined(separator: ", ")))")
        }
        for _ in 0..<count(0...2) where !keyable.isEmpty {
            let columns = Array(keyable.shuffled(using: &random).prefix(chance(0.3) ? 2 : 1))
            elements.append("UNIQUE (\(columns.map { Self.quoted($0.name) }.joined(separator: ", ")))")
            table.constrained.formUnion(columns.map(\.name))
        }
        // A foreign key to an earlier table's single-column key, nullable so a row needs no parent.
        if let parent = tables.filter({ $0.primaryKey.count == 1 }).randomElement(using: &random), chance(0.6),
           let key = parent.columns.first(where: { $0.name == parent.primaryKey[0] }), let reference = key.type.referenceSQL {
            let columnName = self.name(notIn: Set(table.columns.map(\.name)))
            var type = key.type
            type.sql = reference
            table.columns.append(Column(name: columnName, type: type, notNull: false, isForeignKey: true))
            elements.append("\(Self.quoted(columnName)) \(reference) REFERENCES \(parent.qualified) (\(Self.quoted(key.name)))")
            table.constrained.insert(columnName)
            if chance(0.3) {
                elements.append("UNIQUE (\(Self.quoted(columnName)))")
            }
        }
        if let column = table.columns.randomElement(using: &random), chance(0.3) {
            elements.append("CHECK (\(Self.quoted(column.name)) IS NULL OR \(Self.quoted(column.name)) IS NOT NULL)")
        }
        table.constrained.formUnion(table.primaryKey)
        var indexes: [String] = []
        for column in table.columns where column.type.sql == "text[]" && chance(0.5) {
            // A GIN index gives the model `fetch(<column>Containing:on:)`.
            indexes.append("CREATE INDEX ON \(name) USING gin (\(Self.quoted(column.name)));")
            table.constrained.insert(column.name)
        }
        var statements = ["CREATE TABLE \(name) (\(elements.isEmpty ? "" : "\n    " + elements.joined(separator: ",\n    ") + "\n"));"]
        statements += indexes
        if chance(0.5) { statements.append("COMMENT ON TABLE \(name) IS \(Self.escapeLiteral(text()));") }
        if let column = table.columns.randomElement(using: &random), chance(0.5) {
            statements.append("COMMENT ON COLUMN \(name).\(Self.quoted(column.name)) IS \(Self.escapeLiteral(text()));")
        }
        tables.append(table)
        return statements
    }

    private mutating func alter(_ index: Int) -> [String] {
        let table = tables[index]
        let target = "ALTER TABLE \(table.qualified)"
        switch count(0...5) {
        case 0:
            var column = column(in: table, canBeIdentity: false)
            // An added column with NOT NULL and no default would need the rows it does not have; fine on an empty table.
            column.identity = nil
            tables[index].columns.append(column)
            return ["\(target) ADD COLUMN \(definition(column));"]
        case 1:
            guard let column = table.columns.filter({ !table.constrained.contains($0.name) }).randomElement(using: &random) else { return [] }
            tables[index].columns.removeAll { $0.name == column.name }
            return ["\(target) DROP COLUMN \(Self.quoted(column.name));"]
        case 2:
            guard let column = table.columns.randomElement(using: &random) else { return [] }
            let newName = name(notIn: Set(table.columns.map(\.name)))
            let position = table.columns.firstIndex { $0.name == column.name }!
            tables[index].columns[position].name = newName
            if let key = tables[index].primaryKey.firstIndex(of: column.name) { tables[index].primaryKey[key] = newName }
            if tables[index].constrained.remove(column.name) != nil { tables[index].constrained.insert(newName) }
            return ["\(target) RENAME COLUMN \(Self.quoted(column.name)) TO \(Self.quoted(newName));"]
        case 3:
            guard let position = table.columns.firstIndex(where: { !$0.generated && !$0.isForeignKey && $0.identity == nil && !$0.type.defaults.isEmpty && !$0.type.sql.hasSuffix("serial") }) else { return [] }
            let value = pick(table.columns[position].type.defaults)
            tables[index].columns[position].defaultSQL = value
            return ["\(target) ALTER COLUMN \(Self.quoted(table.columns[position].name)) SET DEFAULT \(value);"]
        case 4:
            guard let column = table.columns.filter({ $0.type.keyable && !$0.generated }).randomElement(using: &random) else { return [] }
            tables[index].constrained.insert(column.name)
            return ["\(target) ADD UNIQUE (\(Self.quoted(column.name)));"]
        default:
            guard let column = table.columns.randomElement(using: &random) else { return [] }
            return ["COMMENT ON COLUMN \(table.qualified).\(Self.quoted(column.name)) IS \(Self.escapeLiteral(text()));"]
        }
    }

    /// The JSON object of a draft that sets every column that must be given.
    func draftJSON(_ table: Table) -> String {
        let members = table.columns.filter(\.isRequired).map { column in
            "\(Self.jsonString(column.name)): \(column.type.json!)"
        }
        return "{" + members.joined(separator: ", ") + "}"
    }
}
