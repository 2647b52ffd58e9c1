import Foundation

/// Names that PostgreSQL chooses itself, for objects the migrations did not name.
extension Folder {
    /// A new serial or identity sequence, `table_column_seq` unless that relation name is taken
    /// (`ChooseRelationName`); the name joins the schema's relation names.
    mutating func newSequence(for table: String, _ column: String, in schemaName: String, named given: String? = nil) -> String {
        let name = given ?? GeneratedNames.choose(table, column, "seq") { relationNameTaken($0, in: schemaName) }
        relationNames.insert(QualifiedName(schema: schemaName, name))
        return name
    }

    /// The name of a new index on `relation`: the one given, unless that relation name is taken
    /// (an error, or `nil` quietly with IF NOT EXISTS: then no index is made), or PostgreSQL's
    /// choice. A unique index is not a constraint, so it ends in `_idx` like any other; INCLUDE
    /// columns count for the name too.
    mutating func newIndexName(
        _ name: NameRef?, on relation: String, in schemaName: String, elements: [String], include: [String], ifNotExists: Bool
    ) -> String? {
        if let name {
            guard !relationNameTaken(name.name, in: schemaName) else {
                if !ifNotExists { error("relation \"\(name.name)\" already exists", at: name.location) }
                return nil
            }
            return name.name
        }
        let columns = GeneratedNames.indexColumnNames(elements.map { indexColumn($0) ?? GeneratedNames.expressionName($0) } + include)
        return GeneratedNames.choose(relation, GeneratedNames.columnPart(columns), "idx") { relationNameTaken($0, in: schemaName) }
    }

    /// A name as PostgreSQL prints it in an expression: quoted unless it is a plain lower-case
    /// identifier.
    static func quotedIfNeeded(_ name: String) -> String {
        let bytes = Array(name.utf8)
        let plain = !bytes.isEmpty && !(bytes[0] >= UInt8(ascii: "0") && bytes[0] <= UInt8(ascii: "9"))
            && bytes.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") }
        return plain ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension Folder {
    /// `expression` with the identifier `old` (a column, not a function or a qualified name's
    /// first part) renamed to `new`, quoted where needed; the rest as written.
    static func renaming(_ old: String, to new: String, in expression: String) -> String {
        // A quick look first: the name as written may differ in case (`C16` for c16) or have its
        // quotes doubled (`"a""b"`), so only a plain name that cannot be there is a no.
        guard old.contains("\"") || expression.lowercased().contains(old.lowercased()) else { return expression }
        let source = SourceFile(path: "", text: expression)
        guard let tokens = Lexer.lex(source).statements.first?.tokens else { return expression }
        var bytes = source.bytes
        let replacement = Array(quotedIfNeeded(new).utf8)
        let positions = columnPositions(tokens)
        for (index, token) in tokens.enumerated().reversed() where positions[index] && token.value == old {
            // A qualifier (`t.c`), not the column.
            if index + 1 < tokens.count, tokens[index + 1].isSymbol(".") { continue }
            bytes.replaceSubrange(token.start..<token.end, with: replacement)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// For each of an expression's tokens, whether it is an identifier where a column can stand:
    /// not a function (`a(…)`), a named argument (`a => 1`), a field of a composite value
    /// (`(c).a`), a type (`x::a`, `x::s.a`, `CAST(x AS double precision)`, `x::timestamp with time
    /// zone`, `date '2000-01-01'`), a collation (`COLLATE a`), EXTRACT's field (`extract(year FROM
    /// d)`), `AT TIME ZONE`,
    /// or an interval literal's fields (`interval '1' day`, `'1-2' year to month`). A keyword
    /// spelled like a column is no use of it, in a dependency as in a rename.
    static func columnPositions(_ tokens: [Token]) -> [Bool] {
        var positions = tokens.map(\.isIdentifier)
        let fields = ColumnType.intervalFieldWords
        let typeWords = fields.union(["precision", "varying", "with", "without", "time", "zone"])
        func word(_ index: Int, _ value: String) -> Bool { index < tokens.count && tokens[index].isWord(value) }
        for (index, token) in tokens.enumerated() {
            if token.isIdentifier, index + 1 < tokens.count, tokens[index + 1].isSymbol("(") || tokens[index + 1].isSymbol("=>") {
                positions[index] = false
            }
            // A typed literal's type: `date '2000-01-01'`.
            if token.kind == .word, index + 1 < tokens.count, tokens[index + 1].kind == .string { positions[index] = false }
            if token.isIdentifier, index >= 2, tokens[index - 1].isSymbol("."), tokens[index - 2].isSymbol(")") { positions[index] = false }
            if token.isSymbol("::") || token.isWord("as") || token.isWord("collate") {
                // The name, or schema and name, then the words that go on with a type's name.
                var next = index + 1
                guard next < tokens.count else { continue }
                positions[next] = false
                if next + 2 < tokens.count, tokens[next + 1].isSymbol(".") {
                    positions[next + 2] = false
                    next += 2
                }
                next += 1
                while !token.isWord("collate"), next < tokens.count, tokens[next].kind == .word, typeWords.contains(tokens[next].value) {
                    positions[next] = false
                    next += 1
                }
            }
            if token.isWord("extract"), index + 2 < tokens.count, tokens[index + 1].isSymbol("(") { positions[index + 2] = false }
            if token.isWord("at"), word(index + 1, "time"), word(index + 2, "zone") {
                positions[index + 1] = false
                positions[index + 2] = false
            }
            if token.kind == .string {
                var next = index + 1
                while next < tokens.count, tokens[next].kind == .word, fields.contains(tokens[next].value) {
                    positions[next] = false
                    next += 1
                }
            }
        }
        return positions
    }
}

extension Folder {
    /// `expression` after its schema `old` was renamed to `new`: PostgreSQL keeps what an expression
    /// names by OID and prints the new name, for a qualified name (`old.f(…)`, `::old.t`) and for
    /// a `'old.seq'::regclass` constant alike.
    static func renamingSchema(_ old: String, to new: String, in expression: String) -> String {
        guard old.contains("\"") || expression.lowercased().contains(old.lowercased()) else { return expression }
        let source = SourceFile(path: "", text: expression)
        guard let tokens = Lexer.lex(source).statements.first?.tokens else { return expression }
        var bytes = source.bytes
        let oldPrefix = quotedIfNeeded(old) + "."
        for (index, token) in tokens.enumerated().reversed() {
            let followedBy = { (symbol: String) in index + 1 < tokens.count && tokens[index + 1].isSymbol(symbol) }
            if token.isIdentifier, token.value == old, followedBy(".") {
                bytes.replaceSubrange(token.start..<token.end, with: Array(quotedIfNeeded(new).utf8))
            } else if token.kind == .string, token.value.hasPrefix(oldPrefix), followedBy("::"), index + 2 < tokens.count, tokens[index + 2].isWord("regclass") {
                let renamed = quotedIfNeeded(new) + "." + token.value.dropFirst(oldPrefix.count)
                bytes.replaceSubrange(token.start..<token.end, with: Array(("'" + renamed.replacingOccurrences(of: "'", with: "''") + "'").utf8))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `expression` with every identifier longer than 63 bytes cut to 63, as PostgreSQL reads it.
    static func truncatingLongIdentifiers(_ expression: String) -> String {
        guard expression.utf8.count > 63 else { return expression }
        let source = SourceFile(path: "", text: expression)
        guard let tokens = Lexer.lex(source).statements.first?.tokens else { return expression }
        var bytes = source.bytes
        for token in tokens.reversed() where token.isIdentifier && token.value.utf8.count > 63 {
            bytes.replaceSubrange(token.start..<token.end, with: Array(quotedIfNeeded(truncateIdentifier(token.value)).utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Folder {
    /// PostgreSQL stores an enum constant by its OID, so a renamed label shows in the defaults,
    /// checks and index predicates of the tables with a column of that type.
    mutating func renameEnumLabel(_ old: String, to new: String, of type: QualifiedName) {
        /// `expression` with the constants of the enum spelled `old` spelled `new`. In a column's
        /// default every such literal is one; in a check or a predicate every one too, except a
        /// literal cast to another type or compared with a column of another type
        /// (`note <> 'x'` on a text column keeps its text).
        func renamed(_ expression: String, otherColumns: Set<String>?) -> String {
            let source = SourceFile(path: "", text: expression)
            guard old.contains("'") || expression.contains(old), let tokens = Lexer.lex(source).statements.first?.tokens else { return expression }
            var bytes = source.bytes
            let literal = Array(("'" + new.replacingOccurrences(of: "'", with: "''") + "'").utf8)
            for (index, token) in tokens.enumerated().reversed() where token.kind == .string && token.value == old {
                if let otherColumns, Self.isOtherConstant(at: index, in: tokens, type: type.name, otherColumns: otherColumns) { continue }
                bytes.replaceSubrange(token.start..<token.end, with: literal)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        for t in schema.tables.indices where schema.tables[t].columns.contains(where: { $0.type.qualifiedName == type }) {
            let otherColumns = Set(schema.tables[t].columns.filter { $0.type.qualifiedName != type }.map(\.name))
            for c in schema.tables[t].columns.indices where schema.tables[t].columns[c].type.qualifiedName == type {
                if let expression = schema.tables[t].columns[c].defaultExpression {
                    schema.tables[t].columns[c].defaultExpression = renamed(expression, otherColumns: nil)
                }
            }
            for k in schema.tables[t].checks.indices {
                schema.tables[t].checks[k].expression = renamed(schema.tables[t].checks[k].expression, otherColumns: otherColumns)
            }
            for i in schema.tables[t].indexes.indices {
                if let predicate = schema.tables[t].indexes[i].predicate {
                    schema.tables[t].indexes[i].predicate = renamed(predicate, otherColumns: otherColumns)
                }
            }
        }
    }
}

extension Folder {
    /// Whether the string literal at `index` is clearly not a constant of the enum `type`: cast
    /// to another type, or beside a comparison (or in an IN list) whose other side is one of
    /// `otherColumns` (the table's columns of other types).
    static func isOtherConstant(at index: Int, in tokens: [Token], type: String, otherColumns: Set<String>) -> Bool {
        let comparisons: Set<String> = ["=", "<>", "!=", "<", ">", "<=", ">="]
        if index + 2 < tokens.count, tokens[index + 1].isSymbol("::") {
            // `'x'::type` or `'x'::schema.type`
            var end = index + 2
            while end + 2 < tokens.count, tokens[end + 1].isSymbol(".") { end += 2 }
            return !(tokens[end].isIdentifier && tokens[end].value == type)
        }
        // `'x' = note`
        if index + 2 < tokens.count, tokens[index + 1].kind == .symbol, comparisons.contains(tokens[index + 1].value),
           tokens[index + 2].isIdentifier, otherColumns.contains(tokens[index + 2].value) {
            return true
        }
        // `note = 'x'`, `note IN ('x', 'y')`
        var before = index - 1
        while before >= 0, tokens[before].kind == .string || tokens[before].isSymbol(",") || tokens[before].isSymbol("(") {
            before -= 1
        }
        guard before >= 1 else { return false }
        let op = tokens[before]
        guard op.isWord("in") || op.kind == .symbol && comparisons.contains(op.value) else { return false }
        var operand = before - 1
        if op.isWord("in"), operand >= 0, tokens[operand].isWord("not") { operand -= 1 }
        return operand >= 0 && tokens[operand].isIdentifier && otherColumns.contains(tokens[operand].value)
    }
}

extension GeneratedNames {
    /// The names PostgreSQL gives the columns of an index for naming the index
    /// (`ChooseIndexColumnNames`): each element's preliminary name (a column's name, or
    /// ``figureName(_:)`` of an expression), numbered where one repeats (`lower`, `lower1`).
    static func indexColumnNames(_ preliminary: [String]) -> [String] {
        var names: [String] = []
        for original in preliminary {
            var candidate = original
            var suffix = 0
            while names.contains(candidate) {
                suffix += 1
                let digits = String(suffix)
                candidate = String(decoding: clip(Array(original.utf8), to: 63 - digits.utf8.count), as: UTF8.self) + digits
            }
            names.append(candidate)
        }
        return names
    }

    /// The preliminary name of an expression in an index (`FigureIndexColname`): the name of the
    /// function it calls (`lower(email)` → `lower`), the column it casts or subscripts, the
    /// keyword of `COALESCE`, `GREATEST`, `ARRAY[…]`, `ROW(…)` and the like; `expr` when
    /// PostgreSQL cannot name it (an operator, a constant).
    static func expressionName(_ element: String) -> String { figureName(element) ?? "expr" }

    /// `FigureColname` of one index element (a column or an expression, with any collation,
    /// operator class and ordering after it).
    static func figureName(_ element: String) -> String? {
        guard var tokens = Lexer.lex(SourceFile(path: "", text: element)).statements.first?.tokens, !tokens.isEmpty else { return nil }
        // Drop the ordering and an operator class: what follows the expression.
        if tokens.count > 2, tokens[tokens.count - 2].isWord("nulls") { tokens.removeLast(2) }
        if tokens.count > 1, tokens.last!.isWord("asc") || tokens.last!.isWord("desc") { tokens.removeLast() }
        if tokens.count > 1, tokens.last!.isIdentifier, !tokens.last!.isWord("end") {
            let previous = tokens[tokens.count - 2]
            if previous.isSymbol(")") || (previous.isIdentifier && !previous.isWord("collate")) { tokens.removeLast() }
        }
        return figure(tokens)
    }

    private static func figure(_ tokens: [Token]) -> String? {
        guard !tokens.isEmpty else { return nil }
        // A parenthesised whole: (expression)
        if tokens.first!.isSymbol("("), closing(tokens, from: 0) == tokens.count - 1 {
            return figure(Array(tokens[1..<(tokens.count - 1)]))
        }
        // Trailing casts and COLLATE: the name of what is cast, else the type's name.
        if let cast = lastTopLevel(tokens, where: { $0.isSymbol("::") }) {
            let inner = figure(Array(tokens[..<cast]))
            return inner ?? typeName(Array(tokens[(cast + 1)...]))
        }
        if let collate = lastTopLevel(tokens, where: { $0.isWord("collate") }) {
            return figure(Array(tokens[..<collate]))
        }
        guard topLevelOperators(tokens) == 0 else { return nil }
        let first = tokens[0]
        // CAST(x AS t)
        if first.isWord("cast"), tokens.count > 2, tokens[1].isSymbol("("), closing(tokens, from: 1) == tokens.count - 1 {
            let inside = Array(tokens[2..<(tokens.count - 1)])
            if let asIndex = lastTopLevel(inside, where: { $0.isWord("as") }) {
                return figure(Array(inside[..<asIndex])) ?? typeName(Array(inside[(asIndex + 1)...]))
            }
            return nil
        }
        if first.isWord("case") { return caseName(tokens) }
        if first.isWord("array"), tokens.count > 1, tokens[1].isSymbol("[") || tokens[1].isSymbol("(") { return "array" }
        if first.isWord("row"), tokens.count > 1, tokens[1].isSymbol("(") { return "row" }
        if first.isWord("exists"), tokens.count > 1, tokens[1].isSymbol("(") { return "exists" }
        let sqlValueFunctions: Set<String> = [
            "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_role",
            "current_user", "user", "session_user", "current_catalog", "current_schema",
        ]
        if tokens.count == 1, first.kind == .word, sqlValueFunctions.contains(first.value) { return first.value }
        // A name path: column, table.column, schema.function(…), with subscripts or a field.
        var index = 0
        var lastName: String?
        while index < tokens.count {
            let token = tokens[index]
            if token.isIdentifier {
                lastName = token.value
                index += 1
                if index < tokens.count, tokens[index].isSymbol("(") {
                    // A function call ends the path, unless a field selection follows: (f(x)).a
                    guard let close = closing(tokens, from: index), close == tokens.count - 1 else { return nil }
                    return lastName
                }
                if index < tokens.count, tokens[index].isSymbol(".") { index += 1; continue }
            } else if token.isSymbol("["), let close = closing(tokens, from: index) {
                index = close + 1
            } else if token.isSymbol("."), index + 1 < tokens.count, tokens[index + 1].isIdentifier {
                index += 1
            } else {
                return nil
            }
        }
        return lastName
    }


    /// `CASE … ELSE x END` is named after `x` when that names a column or function, else `case`.
    private static func caseName(_ tokens: [Token]) -> String {
        guard let elseIndex = lastTopLevel(tokens, where: { $0.isWord("else") }), tokens.last?.isWord("end") == true else { return "case" }
        return figure(Array(tokens[(elseIndex + 1)..<(tokens.count - 1)])) ?? "case"
    }

    /// The last word of a type name as PostgreSQL's grammar stores it (`int` → `int4`).
    private static func typeName(_ tokens: [Token]) -> String? {
        let words = tokens.filter { $0.isIdentifier }.map(\.value)
        guard let first = words.first else { return nil }
        switch words.joined(separator: " ") {
        case "int", "integer", "int4": return "int4"
        case "smallint", "int2": return "int2"
        case "bigint", "int8": return "int8"
        case "real", "float4": return "float4"
        case "double precision", "float8", "float": return "float8"
        case "boolean", "bool": return "bool"
        case "decimal", "numeric": return "numeric"
        case "character varying", "varchar", "char varying": return "varchar"
        case "character", "char": return "bpchar"
        case "timestamp with time zone", "timestamptz": return "timestamptz"
        case "timestamp", "timestamp without time zone": return "timestamp"
        case "time with time zone", "timetz": return "timetz"
        case "time", "time without time zone": return "time"
        default: return words.last ?? first
        }
    }

    private static func closing(_ tokens: [Token], from open: Int) -> Int? {
        var depth = 0
        for index in open..<tokens.count {
            if tokens[index].isSymbol("(") || tokens[index].isSymbol("[") { depth += 1 }
            if tokens[index].isSymbol(")") || tokens[index].isSymbol("]") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    private static func lastTopLevel(_ tokens: [Token], where matches: (Token) -> Bool) -> Int? {
        var depth = 0
        var found: Int?
        for (index, token) in tokens.enumerated() {
            if token.isSymbol("(") || token.isSymbol("[") { depth += 1 }
            if token.isSymbol(")") || token.isSymbol("]") { depth -= 1 }
            if depth == 0, matches(token) { found = index }
        }
        return found
    }

    /// Operators (and operator keywords) outside parentheses: any makes the whole an expression
    /// that `FigureColname` cannot name.
    private static func topLevelOperators(_ tokens: [Token]) -> Int {
        var depth = 0
        var count = 0
        let operatorWords: Set<String> = ["and", "or", "not", "is", "in", "like", "ilike", "between", "similar", "at", "isnull", "notnull"]
        for (index, token) in tokens.enumerated() {
            if token.isSymbol("(") || token.isSymbol("[") { depth += 1; continue }
            if token.isSymbol(")") || token.isSymbol("]") { depth -= 1; continue }
            guard depth == 0 else { continue }
            if token.kind == .symbol, !token.isSymbol("."), !token.isSymbol("::") { count += 1 }
            if token.kind == .word, operatorWords.contains(token.value), index > 0 { count += 1 }
            if token.kind == .string || token.kind == .number, index == 0, tokens.count > 1 { count += 1 }
        }
        if tokens.count == 1, tokens[0].kind != .word, tokens[0].kind != .quotedIdentifier { count += 1 }
        return count
    }
}
