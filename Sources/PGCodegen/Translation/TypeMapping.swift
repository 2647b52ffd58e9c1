import PGSchema

/// PostgreSQL types to Swift types, as DESIGN.md's table gives them, with the config's overrides.
struct TypeMapping {
    let schema: Schema
    let config: GeneratorConfig
    /// Swift names chosen for the schema's enums and composite types.
    let typeNames: [QualifiedName: String]

    static let builtins: [String: String] = [
        "smallint": "Int16", "integer": "Int32", "bigint": "Int64",
        "real": "Float", "double precision": "Double", "numeric": "Decimal", "boolean": "Bool",
        "text": "String", "character varying": "String", "character": "String", "citext": "String", "name": "String",
        "uuid": "UUID", "bytea": "Data",
        "timestamp with time zone": "Date", "timestamp without time zone": "Date",
        "date": "PGDate", "time without time zone": "PGTime", "interval": "PGInterval",
        "json": "JSONValue", "jsonb": "JSONValue",
        "inet": "String", "cidr": "String", "macaddr": "String", "macaddr8": "String", "tsvector": "String",
        "money": "String", "xml": "String",
    ].merging(Dictionary(uniqueKeysWithValues: textTypes.map { ($0, "String") })) { first, _ in first }

    /// Types with no Swift counterpart that read and write exactly as PostgreSQL's text form, so
    /// that a history using them builds on the first day: ranges and multiranges, geometric types,
    /// bit strings, `time with time zone`, text search queries, and the types of common extensions.
    /// A `pg-codegen.json` override gives any of them a type of the user's.
    static let textTypes: [String] = [
        "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
        "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
        "point", "line", "lseg", "box", "path", "polygon", "circle",
        "bit", "bit varying", "\"char\"", "time with time zone", "tsquery", "jsonpath", "pg_lsn", "txid_snapshot", "pg_snapshot",
        "oid", "regclass", "regtype", "regproc", "regprocedure", "regconfig", "regnamespace", "regrole", "xid", "cid", "tid",
        "hstore", "ltree", "lquery", "ltxtquery", "cube", "seg", "isbn", "isbn13", "issn", "issn13", "ismn", "ismn13", "ean13", "upc",
    ]

    /// The Swift type of a column type (without the optional for nullability), or `nil` when none
    /// is known: the caller reports that.
    func swiftType(for type: ColumnType) -> String? {
        var element: String?
        if let override = config.types?[type.element.description] ?? config.types?[type.name] {
            element = override
        } else if let name = type.qualifiedName {
            if let swiftName = typeNames[name] {
                element = swiftName
            } else if let domain = schema.domain(name) {
                element = swiftType(for: domain.baseType)
            }
        } else {
            element = Self.builtins[type.name]
        }
        guard let element else { return nil }
        var result = element
        for _ in 0..<type.arrayDimensions { result = "[\(result)]" }
        return result
    }

    /// Whether values of the type are never NULL because a domain says so (a domain over a
    /// domain counts too).
    func isNotNullByDomain(_ type: ColumnType) -> Bool {
        guard type.arrayDimensions == 0, let name = type.qualifiedName, let domain = schema.domain(name) else { return false }
        return domain.isNotNull || isNotNullByDomain(domain.baseType)
    }

    /// The default a domain gives a column of its type that has none of its own (a domain over
    /// a domain takes the inner one's unless it sets its own), as an INSERT that leaves the
    /// column out stores it.
    func domainDefault(_ type: ColumnType) -> String? {
        guard type.arrayDimensions == 0, let name = type.qualifiedName, let domain = schema.domain(name) else { return nil }
        return domain.defaultExpression ?? domainDefault(domain.baseType)
    }
}
