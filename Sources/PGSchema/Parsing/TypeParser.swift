extension Cursor {
    /// A time's or interval's fractional-second precision: PostgreSQL lowers more than 6 to 6
    /// (with a warning).
    static func fractionalSeconds(_ modifiers: [Int]) -> [Int] { modifiers.map { min($0, 6) } }

    /// A column type: built-in names and their aliases and multi-word forms, canonicalised the way
    /// `format_type` prints them; any other (possibly qualified) name as a user type; then
    /// modifiers and array brackets (`int[]`, `int[3][]`, `int ARRAY`).
    mutating func typeRef() throws(Diagnostic) -> TypeRef {
        let location = self.location
        guard let first = current, first.isIdentifier else { throw unexpected("expected a type") }
        var ref = TypeRef(type: ColumnType(name: ""), writtenSchema: nil, isBuiltin: true, isSerial: false, location: location)

        if first.kind == .word, let builtin = try builtinType() {
            ref.type = builtin.type
            ref.isSerial = builtin.isSerial
        } else if first.kind == .quotedIdentifier, first.value == "char", !isSymbol(".", at: 1) {
            // The one-byte internal type, spelled with its quotes, as format_type prints it.
            index += 1
            ref.type = ColumnType(name: "\"char\"")
        } else {
            let name = try qualifiedName("a type")
            if name.schema == "pg_catalog" {
                var inner = Cursor(StatementTokens(tokens: [Token(kind: .word, value: name.name, start: 0, end: 0)], start: 0, end: 0), source: source)
                if let builtin = try inner.builtinType() {
                    ref.type = builtin.type
                } else {
                    ref.type = ColumnType(name: name.name)
                }
            } else {
                ref.isBuiltin = false
                ref.writtenSchema = name.schema
                ref.type = ColumnType(name: name.name)
                if isSymbol("(") { ref.type.modifiers = try typeModifiers() }
            }
        }
        // Array brackets, as many as written; the sizes are not enforced by PostgreSQL.
        while isSymbol("[") {
            index += 1
            if current?.kind == .number { index += 1 }
            try expectSymbol("]")
            ref.type.arrayDimensions += 1
        }
        if accept("array") {
            if acceptSymbol("[") {
                if current?.kind == .number { index += 1 }
                try expectSymbol("]")
            }
            ref.type.arrayDimensions = max(ref.type.arrayDimensions, 1)
        }
        return ref
    }

    mutating func typeModifiers() throws(Diagnostic) -> [Int] {
        try expectSymbol("(")
        var values: [Int] = []
        repeat {
            guard let token = current, token.kind == .number || (token.isSymbol("-") && peek(1)?.kind == .number) else {
                throw unexpected("expected a number in the type modifier")
            }
            var text = token.value
            index += 1
            if token.isSymbol("-"), let number = current {
                text = "-" + number.value
                index += 1
            }
            guard let value = Int(text) else { throw unexpected("expected an integer type modifier") }
            values.append(value)
        } while acceptSymbol(",")
        try expectSymbol(")")
        return values
    }

    private mutating func optionalModifiers() throws(Diagnostic) -> [Int] {
        isSymbol("(") ? try typeModifiers() : []
    }

    /// `WITH TIME ZONE` → true, `WITHOUT TIME ZONE` or nothing → false.
    private mutating func timeZoneClause() -> Bool {
        if accept("with", "time", "zone") { return true }
        _ = accept("without", "time", "zone")
        return false
    }

    /// A built-in type at the cursor, consumed; `nil` (nothing consumed) for any other name.
    mutating func builtinType() throws(Diagnostic) -> (type: ColumnType, isSerial: Bool)? {
        guard let word = current, word.kind == .word, !isSymbol(".", at: 1) else { return nil }
        func simple(_ name: String, serial: Bool = false) -> (ColumnType, Bool) {
            (ColumnType(name: name), serial)
        }
        let start = index
        index += 1
        switch word.value {
        case "int", "int4", "integer": return simple("integer")
        case "int2", "smallint": return simple("smallint")
        case "int8", "bigint": return simple("bigint")
        case "serial", "serial4": return simple("integer", serial: true)
        case "bigserial", "serial8": return simple("bigint", serial: true)
        case "smallserial", "serial2": return simple("smallint", serial: true)
        case "real", "float4": return simple("real")
        case "float8": return simple("double precision")
        case "double":
            guard accept("precision") else { index = start; return nil }
            return simple("double precision")
        case "float":
            let modifiers = try optionalModifiers()
            if let precision = modifiers.first, precision <= 24 { return simple("real") }
            return simple("double precision")
        case "numeric", "decimal", "dec":
            // numeric(p) means numeric(p,0).
            let modifiers = try optionalModifiers()
            return (ColumnType(name: "numeric", modifiers: modifiers.count == 1 ? modifiers + [0] : modifiers), false)
        case "bool", "boolean": return simple("boolean")
        case "varchar":
            return (ColumnType(name: "character varying", modifiers: try optionalModifiers()), false)
        case "character", "char", "nchar", "bpchar":
            let varying = accept("varying")
            let modifiers = try optionalModifiers()
            if varying { return (ColumnType(name: "character varying", modifiers: modifiers), false) }
            // bpchar without a length is unbounded; char without one means char(1).
            if word.value == "bpchar" { return (ColumnType(name: "character", modifiers: modifiers), false) }
            return (ColumnType(name: "character", modifiers: modifiers.isEmpty ? [1] : modifiers), false)
        case "national":
            guard accept("character") || accept("char") else { index = start; return nil }
            let varying = accept("varying")
            let modifiers = try optionalModifiers()
            return (ColumnType(name: varying ? "character varying" : "character", modifiers: varying || !modifiers.isEmpty ? modifiers : [1]), false)
        case "bit":
            let varying = accept("varying")
            let modifiers = try optionalModifiers()
            if varying { return (ColumnType(name: "bit varying", modifiers: modifiers), false) }
            return (ColumnType(name: "bit", modifiers: modifiers.isEmpty ? [1] : modifiers), false)
        case "varbit":
            return (ColumnType(name: "bit varying", modifiers: try optionalModifiers()), false)
        case "timestamp":
            let modifiers = Self.fractionalSeconds(try optionalModifiers())
            let zone = timeZoneClause()
            return (ColumnType(name: zone ? "timestamp with time zone" : "timestamp without time zone", modifiers: modifiers), false)
        case "timestamptz":
            return (ColumnType(name: "timestamp with time zone", modifiers: Self.fractionalSeconds(try optionalModifiers())), false)
        case "time":
            let modifiers = Self.fractionalSeconds(try optionalModifiers())
            let zone = timeZoneClause()
            return (ColumnType(name: zone ? "time with time zone" : "time without time zone", modifiers: modifiers), false)
        case "timetz":
            return (ColumnType(name: "time with time zone", modifiers: Self.fractionalSeconds(try optionalModifiers())), false)
        case "interval":
            // Field restrictions (YEAR TO MONTH, …) do not change the Swift type; they are kept
            // for what the catalog prints (`interval day to second(2)`).
            let fields = ColumnType.intervalFieldWords
            var restriction: [String] = []
            while let token = current, token.kind == .word, fields.contains(token.value) {
                restriction.append(token.value)
                index += 1
            }
            let spelled = restriction.joined(separator: " ")
            let modifiers = try optionalModifiers()
            // PostgreSQL's grammar: one field, or a range of them down to SECOND; a precision only
            // on SECOND, or on the whole interval.
            let restrictions: Set<String> = [
                "year", "month", "day", "hour", "minute", "second", "year to month", "day to hour", "day to minute", "day to second",
                "hour to minute", "hour to second", "minute to second",
            ]
            guard restriction.isEmpty || restrictions.contains(spelled) && (modifiers.isEmpty || restriction.last == "second") else {
                throw Diagnostic(.error, "interval \(spelled.uppercased())\(modifiers.isEmpty ? "" : "(…)") is not a field restriction PostgreSQL takes "
                    + "(YEAR TO MONTH, DAY TO SECOND(3), HOUR, …)", at: source.location(of: word.start))
            }
            return (ColumnType(name: "interval", modifiers: Self.fractionalSeconds(modifiers), intervalFields: restriction.isEmpty ? nil : spelled), false)
        case "text", "uuid", "bytea", "json", "jsonb", "date", "tsvector", "tsquery", "inet", "cidr", "macaddr",
             "macaddr8", "money", "xml", "name", "oid", "point", "line", "lseg", "box", "path", "polygon", "circle",
             "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
             "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange", "regclass",
             "regtype", "regproc", "regprocedure", "regconfig", "pg_lsn", "txid_snapshot", "pg_snapshot", "jsonpath",
             "xid", "xid8", "cid", "tid", "record":
            return simple(word.value)
        default:
            index = start
            return nil
        }
    }
}
