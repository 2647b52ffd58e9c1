/// What depends on what, as PostgreSQL records it in `pg_depend`, for `DROP … CASCADE` and for
/// refusing a drop without it.
extension Folder {
    /// The unique index a new foreign key to `columns` of `table` depends on: among the primary
    /// key, the unique constraints and the plain, non-partial unique indexes whose columns are
    /// exactly `columns` (in any order), the one created first (PostgreSQL takes the first match
    /// in index OID order).
    static func uniqueIndex(of table: Table, covering columns: [String]) -> String? {
        let wanted = columns.sorted()
        var candidates: [(name: String, location: SourceLocation)] = []
        if let key = table.primaryKey, key.columns.sorted() == wanted { candidates.append((key.name, key.location)) }
        for key in table.uniqueConstraints where key.columns.sorted() == wanted { candidates.append((key.name, key.location)) }
        for index in table.indexes where index.isUnique && index.predicate == nil && index.elements.sorted() == wanted {
            candidates.append((index.name, index.location))
        }
        return candidates.min { creationOrder($0.location).lexicographicallyPrecedes(creationOrder($1.location)) }?.name
    }

    /// A sort key for creation order: the migration's version (from its file name), then the
    /// place in the file.
    static func creationOrder(_ location: SourceLocation) -> [Int] {
        let fileName = location.file.split(separator: "/").last.map(String.init) ?? location.file
        let digits = fileName.prefix { $0.isASCII && $0.isNumber }.drop { $0 == "0" }
        // Compare long versions by length first, then digit by digit.
        return [digits.count] + digits.compactMap { Int(String($0)) } + [-1, location.line, location.column]
    }

    /// The foreign keys (table position, key name) that depend on the unique index `name` of
    /// the table at `t`.
    func foreignKeys(dependingOn name: String, of t: Int) -> [(table: Int, key: String)] {
        let target = schema.tables[t].name
        var found: [(table: Int, key: String)] = []
        for other in schema.tables.indices {
            for key in schema.tables[other].foreignKeys where key.referencedTable == target && key.referencedIndex == name {
                found.append((other, key.name))
            }
        }
        return found
    }

    /// Drops the foreign keys that depend on the unique index `name` of the table at `t` when
    /// `cascade`; otherwise reports them as PostgreSQL does and returns false.
    mutating func releaseDependentForeignKeys(of name: String, in t: Int, cascade: Bool, what: String, at location: SourceLocation) -> Bool {
        let dependents = foreignKeys(dependingOn: name, of: t)
        guard !dependents.isEmpty else { return true }
        if !cascade {
            let list = dependents.map { "constraint \($0.key) on table \(schema.tables[$0.table].name.name)" }.joined(separator: ", ")
            error(
                "cannot drop \(what) because other objects depend on it", at: location,
                note: "\(list) depends on index \(name); drop it first, or add CASCADE"
            )
            return false
        }
        for dependent in dependents {
            schema.tables[dependent.table].foreignKeys.removeAll { $0.name == dependent.key && $0.referencedIndex == name }
        }
        return true
    }

    /// Views whose query mentions the relation `name` (and, when `column` is given, that column
    /// or `*`): PostgreSQL records a view's dependencies when it is created, and the text is the
    /// closest the model has. Used only to drop views with CASCADE, never to refuse a drop.
    func views(mentioning name: QualifiedName, column: String? = nil) -> [QualifiedName] {
        schema.views.filter { view in
            guard let tokens = Lexer.lex(SourceFile(path: "", text: view.query)).statements.first?.tokens else { return false }
            let mentionsRelation = tokens.enumerated().contains { index, token in
                guard token.isIdentifier, token.value == name.name else { return false }
                if index >= 2, tokens[index - 1].isSymbol(".") { return tokens[index - 2].value == name.schema }
                return name.schema == "public" || name.schema == view.name.schema
            }
            guard mentionsRelation else { return false }
            guard let column else { return true }
            return tokens.contains { ($0.isIdentifier && $0.value == column) || $0.isSymbol("*") }
        }.map(\.name)
    }

    /// Drops views and, recursively, the views built on them.
    mutating func dropViews(_ names: [QualifiedName]) {
        var pending = names
        while let name = pending.popLast() {
            guard let v = schema.views.firstIndex(where: { $0.name == name }) else { continue }
            schema.views.remove(at: v)
            pending += views(mentioning: name)
        }
    }
}
