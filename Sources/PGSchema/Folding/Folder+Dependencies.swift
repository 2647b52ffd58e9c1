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
        for index in table.indexes where index.isUnique && index.predicate == nil && index.columns.compactMap({ $0 }).sorted() == wanted
            && !index.columns.contains(nil) {
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

    /// Views that depend on the relation `name` (and, when `column` is given, whose query names
    /// that column or `*`: the model keeps a view's columns only as its text).
    func views(mentioning name: QualifiedName, column: String? = nil) -> [QualifiedName] {
        schema.views.filter { view in
            guard view.dependencies.contains(name) else { return false }
            guard let column else { return true }
            guard let tokens = Lexer.lex(SourceFile(path: "", text: view.query)).statements.first?.tokens else { return false }
            // The text names a column renamed since by its name then; a column added since is
            // not read by the view, not even by its `*`.
            var written = column
            if let kept = view.sources.first(where: { $0.current == name })?.columns {
                guard let then = kept.first(where: { $0.current == column }) else { return false }
                written = then.written
            }
            // `SELECT *` and `t.*` read every column; `count(*)` reads none.
            return tokens.indices.contains { index in
                let token = tokens[index]
                if token.isIdentifier { return token.value == written }
                guard token.isSymbol("*"), index > 0 else { return false }
                let previous = tokens[index - 1]
                return previous.isWord("select") || previous.isWord("distinct") || previous.isSymbol(",") || previous.isSymbol(".")
            }
        }.map(\.name)
    }

    /// The existing tables and views that a view's query names, as PostgreSQL records them.
    func relations(readBy query: String) -> [QualifiedName] {
        guard let tokens = Lexer.lex(SourceFile(path: "", text: query)).statements.first?.tokens else { return [] }
        var found: [QualifiedName] = []
        for (index, token) in tokens.enumerated() where token.isIdentifier {
            if index + 1 < tokens.count, tokens[index + 1].isSymbol(".") { continue }
            let candidates: [QualifiedName]
            if index >= 2, tokens[index - 1].isSymbol("."), tokens[index - 2].isIdentifier {
                candidates = [QualifiedName(schema: tokens[index - 2].value, token.value)]
            } else {
                // An unqualified name is looked for along the search path, as PostgreSQL does.
                candidates = searchPath.map { QualifiedName(schema: $0, token.value) }
            }
            let isRelation = { (candidate: QualifiedName) in tableIndex(candidate) != nil || self.schema.views.contains { $0.name == candidate } }
            if let candidate = candidates.first(where: isRelation), !found.contains(candidate) { found.append(candidate) }
        }
        return found
    }

    /// Views follow a renamed table or view.
    mutating func renameDependency(_ old: QualifiedName, to new: QualifiedName) {
        for v in schema.views.indices {
            schema.views[v].dependencies = schema.views[v].dependencies.map { $0 == old ? new : $0 }
            for s in schema.views[v].sources.indices where schema.views[v].sources[s].current == old {
                schema.views[v].sources[s].current = new
            }
        }
    }

    /// Before the table at `t` is renamed or its columns change: each view that reads it and has
    /// not kept it yet keeps the table as its text names it (`View.sources`).
    mutating func keepViewSources(ofTable t: Int) {
        guard !schema.views.isEmpty else { return }
        let table = schema.tables[t]
        keepViewSources(of: table.name, columns: table.columns.map { ViewSource.Column(written: $0.name, current: $0.name) })
    }

    /// Before the relation `name` is renamed (a view: `columns` nil) or its columns change.
    mutating func keepViewSources(of name: QualifiedName, columns: [ViewSource.Column]?) {
        for v in schema.views.indices where schema.views[v].dependencies.contains(name)
            && !schema.views[v].sources.contains(where: { $0.current == name }) {
            schema.views[v].sources.append(ViewSource(written: name, current: name, columns: columns))
        }
    }

    /// Before the view `name` changes its columns (renamed, replaced): each view that reads it
    /// keeps it as its text names it, and `change` records the change in that source.
    mutating func changeViewSources(reading name: QualifiedName, _ change: (inout ViewSource) -> Void) {
        keepViewSources(of: name, columns: nil)
        for reader in schema.views.indices {
            for s in schema.views[reader].sources.indices where schema.views[reader].sources[s].current == name {
                change(&schema.views[reader].sources[s])
            }
        }
    }

    /// A view reads a renamed column of `table` under its new name; a dropped one (`new` nil) is
    /// gone from what the view keeps.
    mutating func renameViewSourceColumn(_ old: String, to new: String?, of table: QualifiedName) {
        for v in schema.views.indices {
            for s in schema.views[v].sources.indices where schema.views[v].sources[s].current == table {
                guard let columns = schema.views[v].sources[s].columns, let c = columns.firstIndex(where: { $0.current == old }) else { continue }
                if let new {
                    schema.views[v].sources[s].columns![c].current = new
                } else {
                    schema.views[v].sources[s].columns!.remove(at: c)
                }
            }
        }
    }

    /// Views whose query casts to `type` (`::mood`, `::public.mood`).
    func viewsCasting(to type: QualifiedName) -> [QualifiedName] {
        schema.views.filter { view in
            guard view.query.contains(type.name), let tokens = Lexer.lex(SourceFile(path: "", text: view.query)).statements.first?.tokens else { return false }
            return tokens.indices.contains { index in
                guard index >= 1, tokens[index].isIdentifier, tokens[index].value == type.name else { return false }
                if tokens[index - 1].isSymbol("::") { return (view.searchPath ?? ["public"]).contains(type.schema) }
                // `::schema.type`
                return index >= 3 && tokens[index - 1].isSymbol(".") && tokens[index - 2].isIdentifier
                    && tokens[index - 2].value == type.schema && tokens[index - 3].isSymbol("::")
            }
        }.map(\.name)
    }

    /// `ALTER VIEW v RENAME COLUMN old TO new`. The fold does not know a view's columns (the
    /// query analyser types them), so the rename is kept in order on the view, and on each view
    /// reading it, whose text still says `old`.
    mutating func renameViewColumn(_ name: NameRef, _ old: String, to new: String, ifExists: Bool, at location: SourceLocation) {
        guard let v = schema.views.firstIndex(where: { $0.name == name.qualified() }) else {
            if !ifExists { error("relation \"\(name.name)\" does not exist", at: name.location) }
            return
        }
        guard old != new else { return error("column \"\(new)\" of relation \"\(name.name)\" already exists", at: location) }
        let rename = ViewSource.Column(written: old, current: new)
        changeViewSources(reading: schema.views[v].name) { $0.renamedColumns.append(rename) }
        schema.views[v].columnRenames.append(rename)
        // A materialized view's indexes name its columns by number, as a table's do.
        for i in schema.views[v].indexes.indices {
            for e in schema.views[v].indexes[i].elements.indices {
                schema.views[v].indexes[i].elements[e] = Self.renaming(old, to: new, in: schema.views[v].indexes[i].elements[e])
            }
            schema.views[v].indexes[i].include = schema.views[v].indexes[i].include.map { $0 == old ? new : $0 }
            schema.views[v].indexes[i].predicate = schema.views[v].indexes[i].predicate.map { Self.renaming(old, to: new, in: $0) }
        }
        if let comment = schema.views[v].columnComments.removeValue(forKey: old) { schema.views[v].columnComments[new] = comment }
    }

    /// A materialized view's index; the view's columns are not known, so they are not checked.
    mutating func createViewIndex(
        name: NameRef?, view v: Int, unique: Bool, ifNotExists: Bool, method: String, elements: [String], include: [String],
        predicate: String?, at: SourceLocation
    ) {
        let schemaName = schema.views[v].name.schema
        guard let indexName = newIndexName(name, on: schema.views[v].name.name, in: schemaName, elements: elements, include: include, ifNotExists: ifNotExists) else {
            return
        }
        schema.views[v].indexes.append(Index(
            name: indexName, isUnique: unique, method: method, elements: elements, include: include,
            predicate: predicate, location: at
        ))
        relationNames.insert(QualifiedName(schema: schemaName, indexName))
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

    /// `ALTER SCHEMA old RENAME TO new`: what is in the schema moves with it, by reference, as
    /// `SET SCHEMA` moves one object (views keep naming their tables as they wrote them).
    mutating func renameSchema(_ old: String, to new: String, at location: SourceLocation) {
        guard old != "public" else {
            // The model keeps `public` as always there; a history that renames it is not followed.
            diagnostics.append(Diagnostic(.warning, "ALTER SCHEMA public RENAME is not followed: objects stay in public in the model", at: location))
            return
        }
        guard let s = schema.schemas.firstIndex(of: old) else { return error("schema \"\(old)\" does not exist", at: location) }
        guard !schemaExists(new) else { return error("schema \"\(new)\" already exists", at: location) }
        schema.schemas[s] = new
        for t in schema.tables.indices where schema.tables[t].name.schema == old {
            moveTable(t, to: QualifiedName(schema: new, schema.tables[t].name.name))
        }
        for v in schema.views.indices where schema.views[v].name.schema == old {
            let name = schema.views[v].name
            keepViewSources(of: name, columns: nil)
            schema.views[v].name.schema = new
            renameDependency(name, to: schema.views[v].name)
        }
        for e in schema.enums.indices where schema.enums[e].name.schema == old {
            let name = schema.enums[e].name
            schema.enums[e].name.schema = new
            retype(from: name, to: schema.enums[e].name)
        }
        for c in schema.composites.indices where schema.composites[c].name.schema == old {
            let name = schema.composites[c].name
            schema.composites[c].name.schema = new
            retype(from: name, to: schema.composites[c].name)
        }
        for d in schema.domains.indices where schema.domains[d].name.schema == old {
            let name = schema.domains[d].name
            schema.domains[d].name.schema = new
            retype(from: name, to: schema.domains[d].name)
        }
        for q in schema.sequences.indices where schema.sequences[q].name.schema == old { schema.sequences[q].name.schema = new }
        func rename(_ expression: inout String?) { expression = expression.map { Self.renamingSchema(old, to: new, in: $0) } }
        for t in schema.tables.indices {
            for c in schema.tables[t].columns.indices {
                rename(&schema.tables[t].columns[c].defaultExpression)
                rename(&schema.tables[t].columns[c].generatedExpression)
            }
            for k in schema.tables[t].checks.indices {
                schema.tables[t].checks[k].expression = Self.renamingSchema(old, to: new, in: schema.tables[t].checks[k].expression)
            }
        }
        reindex()
    }
}
