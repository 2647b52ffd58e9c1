/// What PostgreSQL stores for a `DEFAULT`.
///
/// PostgreSQL keeps no default entry for a NULL constant: `text DEFAULT NULL` and
/// `text DEFAULT NULL::text` leave the column without a default. A NULL that has to be coerced to
/// the column's type is no longer a constant and is stored: a length or precision coercion
/// (`varchar(40) DEFAULT NULL`, `numeric(10,2) DEFAULT NULL`), a cast to another type
/// (`integer DEFAULT NULL::bigint`, `text DEFAULT NULL::varchar`) or a domain.
///
/// A string constant is converted to the column's type when the default is stored, and a boolean
/// prints as `true` / `false`: Knex's `boolean not null default '1'` is stored as `true`.
extension Folder {
    /// The default expression to keep for `expression` on a column (or a domain) of `type`, or
    /// `nil` when PostgreSQL stores none.
    mutating func storedDefault(_ expression: String, for type: ColumnType) -> String? {
        if let boolean = Self.booleanConstant(expression, for: type) { return boolean }
        guard let casts = Self.nullConstantCasts(expression) else { return expression }
        var resolved: [ColumnType] = []
        for cast in casts {
            guard let castType = quietlyResolve(cast) else { return expression }
            resolved.append(castType)
        }
        return Self.nullStaysConstant(casts: resolved, columnType: type, isDomain: isDomain) ? nil : expression
    }

    /// Whether a NULL cast through `casts` and then assigned to `columnType` is still a plain
    /// constant, as PostgreSQL's `coerce_to_target_type` leaves it.
    static func nullStaysConstant(casts: [ColumnType], columnType: ColumnType, isDomain: (ColumnType) -> Bool) -> Bool {
        // nil: the NULL still has the unknown type of an untyped literal.
        var current: ColumnType?
        for target in casts + [columnType] {
            if isDomain(target) { return false }
            if let type = current {
                let sameType = type.name == target.name && type.schema == target.schema && type.arrayDimensions == target.arrayDimensions
                if !sameType { return false }
                // A type modifier is applied by a coercion function unless the value has it already.
                if !target.modifiers.isEmpty, type.modifiers != target.modifiers { return false }
            } else if !target.modifiers.isEmpty, target.name != "interval" {
                // An untyped literal is read with no modifier and coerced to it afterwards; only
                // interval's input function takes the modifier itself.
                return false
            }
            current = target
        }
        return true
    }

    /// `true` or `false` for a string constant (`'1'`, `'t'`, `'yes'`, `'off'`, optionally cast
    /// `::boolean`) used as the default of a plain boolean column; `nil` for anything else.
    static func booleanConstant(_ expression: String, for type: ColumnType) -> String? {
        guard type.name == "boolean", type.schema == nil, type.arrayDimensions == 0,
              let tokens = Lexer.lex(SourceFile(path: "", text: expression)).statements.first else { return nil }
        var cursor = Cursor(tokens, source: SourceFile(path: "", text: expression))
        guard let literal = cursor.current, literal.kind == .string else { return nil }
        cursor.index += 1
        while cursor.acceptSymbol("::") {
            guard cursor.accept("boolean") || cursor.accept("bool") else { return nil }
        }
        guard cursor.atEnd, let value = parseBoolean(literal.value) else { return nil }
        return value ? "true" : "false"
    }

    /// PostgreSQL's `boolin`: `t`/`true`, `y`/`yes`, `on`, `1` and their opposites, any case,
    /// any unambiguous prefix of the words, surrounding white space ignored.
    static func parseBoolean(_ text: String) -> Bool? {
        let spaces: Set<Character> = [" ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}"]
        let value = String(text.drop(while: spaces.contains).reversed().drop(while: spaces.contains).reversed()).lowercased()
        guard !value.isEmpty else { return nil }
        if value == "1" { return true }
        if value == "0" { return false }
        if "true".hasPrefix(value) || "yes".hasPrefix(value) { return true }
        if "false".hasPrefix(value) || "no".hasPrefix(value) { return false }
        if value.count >= 2, "on".hasPrefix(value) { return true }
        if value.count >= 2, "off".hasPrefix(value) { return false }
        return nil
    }

    func isDomain(_ type: ColumnType) -> Bool {
        // An array of a domain is an array type, not a domain: a NULL for it stays a constant.
        guard type.arrayDimensions == 0, let name = type.qualifiedName else { return false }
        return schema.domain(name) != nil
    }

    /// Resolves a type without reporting a missing one (a default's cast is checked by
    /// PostgreSQL, and has no location of its own here).
    private mutating func quietlyResolve(_ ref: TypeRef) -> ColumnType? {
        let count = diagnostics.count
        let type = resolve(ref)
        diagnostics.removeSubrange(count...)
        return type
    }

    /// For an expression that is a NULL constant, possibly parenthesised and cast
    /// (`NULL`, `(NULL)`, `NULL::text`, `CAST(NULL AS varchar(40))`), the casts in the order they
    /// apply; `nil` for any other expression.
    static func nullConstantCasts(_ expression: String) -> [TypeRef]? {
        guard let tokens = Lexer.lex(SourceFile(path: "", text: expression)).statements.first else { return nil }
        var cursor = Cursor(tokens, source: SourceFile(path: "", text: expression))
        guard let casts = cursor.nullConstant(), cursor.atEnd else { return nil }
        return casts
    }
}

extension Cursor {
    /// Reads a NULL constant with its parentheses and casts; `nil` when the tokens are not one.
    mutating func nullConstant() -> [TypeRef]? {
        var casts: [TypeRef]
        if acceptSymbol("(") {
            guard let inner = nullConstant(), acceptSymbol(")") else { return nil }
            casts = inner
        } else if isWord("cast"), isSymbol("(", at: 1) {
            index += 2
            guard let inner = nullConstant(), accept("as"), let type = try? typeRef(), acceptSymbol(")") else { return nil }
            casts = inner + [type]
        } else if accept("null") {
            casts = []
        } else {
            return nil
        }
        while acceptSymbol("::") {
            guard let type = try? typeRef() else { return nil }
            casts.append(type)
        }
        return casts
    }
}
