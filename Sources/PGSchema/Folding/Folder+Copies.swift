/// Tables made from other tables: `LIKE`, `INHERITS`, and indexes turned into constraints.
extension Folder {
    /// `LIKE source`: its columns with NOT NULL, and what the options include (defaults,
    /// generated expressions, identity with a sequence of its own, comments).
    mutating func copyColumns(of source: Table, into t: Int, like options: Set<String>, at: SourceLocation) {
        let tableName = schema.tables[t].name
        for column in source.columns {
            guard schema.tables[t].column(column.name) == nil else {
                error("column \"\(column.name)\" specified more than once in table \"\(tableName.name)\"", at: at)
                continue
            }
            var copy = Column(name: column.name, type: column.type, provenance: Provenance(created: at))
            copy.isNotNull = column.isNotNull
            copy.collation = column.collation
            if options.contains("defaults"), column.generatedExpression == nil { copy.defaultExpression = column.defaultExpression }
            if options.contains("generated") { copy.generatedExpression = column.generatedExpression }
            if options.contains("identity"), let identity = column.identity {
                copy.identity = identity
                copy.sequence = newSequence(for: tableName.name, column.name, in: tableName.schema)
            }
            if options.contains("comments") { copy.comment = column.comment }
            schema.tables[t].columns.append(copy)
        }
    }

    /// `LIKE source INCLUDING CONSTRAINTS | INDEXES`: checks by their names, index constraints
    /// and indexes named after the new table. Foreign keys are never copied.
    mutating func copyConstraints(of source: Table, into t: Int, like options: Set<String>, at: SourceLocation) {
        let schemaName = schema.tables[t].name.schema
        if options.contains("constraints") {
            for check in source.checks where !schema.tables[t].checks.contains(where: { $0.name == check.name }) {
                schema.tables[t].checks.append(CheckConstraint(name: check.name, expression: check.expression, location: at))
                constraintNames.insert(QualifiedName(schema: schemaName, check.name))
            }
        }
        if options.contains("indexes") { cloneIndexes(of: source, to: t, at: at, skippingEquivalent: false) }
    }

    /// A parent's column as a child gets it: type, NOT NULL, default (a serial's names the
    /// parent's sequence) and generation expression, but no identity, sequence of its own or comment.
    static func inheritedCopy(of column: Column, at: SourceLocation) -> Column {
        var copy = column
        copy.identity = nil
        copy.sequence = nil
        copy.comment = nil
        copy.provenance = Provenance(created: at)
        return copy
    }

    /// What keeps PostgreSQL from merging two columns of one name under inheritance: their
    /// types (`"type"`: name, modifiers, array or not) or their collations (`"collation"`).
    static func mergeConflict(_ a: Column, _ b: Column) -> String? {
        if a.type.name != b.type.name || a.type.schema != b.type.schema || a.type.modifiers != b.type.modifiers
            || a.type.intervalFields != b.type.intervalFields || (a.type.arrayDimensions > 0) != (b.type.arrayDimensions > 0) {
            return "type"
        }
        // The collation as written; a domain may carry its own, which the model does not keep,
        // so a domain's columns are compared only when both name one.
        func collation(_ column: Column) -> String? {
            column.collation == "default" || column.collation == "pg_catalog.default" ? nil : column.collation
        }
        if a.type.schema != nil, collation(a) == nil || collation(b) == nil { return nil }
        return collation(a) == collation(b) ? nil : "collation"
    }

    /// Where an ADD COLUMN among `actions` names `column`.
    static func definitionLocation(of column: String, in actions: [AlterTableAction]) -> SourceLocation? {
        for case .addColumn(let definition, _) in actions where definition.name == column { return definition.nameLocation }
        return nil
    }

    /// `INHERITS (parent)`: the parent's columns (with NOT NULL, defaults and generated
    /// expressions) and checks; returns the names of the columns it added.
    mutating func inherit(from parent: Table, named reference: NameRef, into t: Int, at: SourceLocation) -> [String] {
        var added: [String] = []
        for column in parent.columns {
            // A column an earlier parent passed on is merged: the two must agree.
            if let earlier = schema.tables[t].column(column.name) {
                if let conflict = Self.mergeConflict(earlier, column) {
                    error("inherited column \"\(column.name)\" has a \(conflict) conflict", at: reference.location)
                }
                continue
            }
            schema.tables[t].columns.append(Self.inheritedCopy(of: column, at: at))
            added.append(column.name)
        }
        let schemaName = schema.tables[t].name.schema
        for check in parent.checks where !schema.tables[t].checks.contains(where: { $0.name == check.name }) {
            schema.tables[t].checks.append(CheckConstraint(name: check.name, expression: check.expression, location: at))
            constraintNames.insert(QualifiedName(schema: schemaName, check.name))
        }
        return added
    }

    /// ALTER TABLE on a table others inherit from reaches them and theirs, as PostgreSQL recurses
    /// without `ONLY`: each descendant once, parents before children (a table that inherits
    /// twice from one ancestor is reached by two paths).
    ///
    /// - A column added to the parent is copied to a descendant that has none of that name, as the
    ///   parent now has it (a `serial`'s default names the parent's sequence); keys, unique
    ///   constraints and foreign keys stay with the parent. Checks the parent gained are copied
    ///   by their names.
    /// - A dropped column goes from a descendant that only inherited it and that no remaining
    ///   parent still passes it to (`Table.inheritedColumns`); a column the descendant declared
    ///   itself stays.
    /// - Renamed, retyped, NOT NULL and default changes reach every descendant with the column.
    mutating func alterInheritors(of parent: QualifiedName, like actions: [AlterTableAction], before: Table, at: SourceLocation) {
        guard let p = tableIndex(parent) else { return }
        let after = schema.tables[p]
        let added = actions.compactMap { action -> Column? in
            guard case .addColumn(let definition, _) = action, !before.columns.contains(where: { $0.name == definition.name }) else { return nil }
            return after.column(definition.name)
        }
        let drops = actions.filter { action in
            guard case .dropColumn(let name, _, _, _) = action else { return false }
            return after.column(name) == nil
        }
        let newChecks = after.checks.filter { check in !before.checks.contains { $0.name == check.name } }
        let passedOn = actions.filter { action in
            switch action {
            case .renameColumn, .alterColumnType, .setNotNull, .dropNotNull, .setDefault, .dropDefault: true
            default: false
            }
        }
        // Descendants in breadth-first order, each once.
        var order: [QualifiedName] = []
        var seen: Set<QualifiedName> = [parent]
        var next = [parent]
        while !next.isEmpty {
            let level = next
            next = []
            for ancestor in level {
                for child in schema.tables where child.inherits.contains(ancestor) && !seen.contains(child.name) {
                    seen.insert(child.name)
                    order.append(child.name)
                    next.append(child.name)
                }
            }
        }
        if !order.isEmpty, let identity = added.first(where: { $0.identity != nil }) {
            error("cannot recursively add identity column to table that has child tables", at: Self.definitionLocation(of: identity.name, in: actions) ?? at)
        }
        for descendant in order {
            guard let c = tableIndex(descendant) else { continue }
            for column in added {
                // A descendant's own column of that name is merged: the two must agree.
                if let own = schema.tables[c].column(column.name) {
                    if let conflict = Self.mergeConflict(own, column) {
                        error("child table \"\(descendant.name)\" has different \(conflict) for column \"\(column.name)\"",
                              at: Self.definitionLocation(of: column.name, in: actions) ?? at)
                    }
                    continue
                }
                schema.tables[c].columns.append(Self.inheritedCopy(of: column, at: at))
                schema.tables[c].inheritedColumns.append(column.name)
            }
            for check in newChecks where !schema.tables[c].checks.contains(where: { $0.name == check.name }) {
                schema.tables[c].checks.append(CheckConstraint(name: check.name, expression: check.expression, location: at))
            }
            let parents = schema.tables[c].inherits.compactMap { tableIndex($0) }
            let own = (drops + passedOn).filter { action in
                switch action {
                case .dropColumn(let column, _, _, _):
                    // Only a column it inherited alone, and that no remaining parent passes on.
                    schema.tables[c].inheritedColumns.contains(column) && !parents.contains { schema.tables[$0].column(column) != nil }
                case .renameColumn(let column, _, _), .alterColumnType(let column, _, _, _), .setNotNull(let column, _),
                     .dropNotNull(let column, _), .setDefault(let column, _, _), .dropDefault(let column, _):
                    schema.tables[c].column(column) != nil
                default:
                    false
                }
            }
            guard !own.isEmpty else { continue }
            var name = NameRef(schema: descendant.schema, name: descendant.name, location: at)
            name.only = true
            alteringInheritors = true
            alterTable(name, ifExists: true, actions: own, at: at)
            alteringInheritors = false
            guard let after = tableIndex(descendant) else { continue }
            for action in own {
                switch action {
                case .renameColumn(let old, let new, _):
                    schema.tables[after].inheritedColumns = schema.tables[after].inheritedColumns.map { $0 == old ? new : $0 }
                case .dropColumn(let column, _, _, _):
                    schema.tables[after].inheritedColumns.removeAll { $0 == column }
                default:
                    break
                }
            }
        }
    }

    /// `ALTER TABLE child INHERIT parent`: the child has the parent's columns already; they stay
    /// its own (a column the parent drops later stays).
    mutating func addInheritance(_ parent: NameRef, to t: Int) {
        guard let p = tableIndex(parent.qualified()) else { return error("relation \"\(parent.name)\" does not exist", at: parent.location) }
        let parentName = schema.tables[p].name
        guard !schema.tables[t].inherits.contains(parentName) else {
            return error("relation \"\(parent.name)\" would be inherited from more than once", at: parent.location)
        }
        if let conflict = Self.inheritanceConflict(child: schema.tables[t], parent: schema.tables[p]) { return error(conflict, at: parent.location) }
        schema.tables[t].inherits.append(parentName)
        hasInheritance = true
    }

    /// Why an existing table cannot take `parent`'s columns as inherited ones (ALTER TABLE …
    /// INHERIT, ATTACH PARTITION): PostgreSQL's `MergeAttributesIntoExisting` messages.
    static func inheritanceConflict(child: Table, parent: Table) -> String? {
        for column in parent.columns {
            guard let own = child.column(column.name) else { return "child table is missing column \"\(column.name)\"" }
            if let conflict = mergeConflict(own, column) {
                return "child table \"\(child.name.name)\" has different \(conflict) for column \"\(column.name)\""
            }
            if column.isNotNull && !own.isNotNull { return "column \"\(column.name)\" in child table must be marked NOT NULL" }
        }
        return nil
    }

    /// `ALTER TABLE child NO INHERIT parent`: the columns it passed on become the child's own.
    mutating func removeInheritance(_ parent: NameRef, from t: Int) {
        guard let p = tableIndex(parent.qualified()), schema.tables[t].inherits.contains(schema.tables[p].name) else {
            return error("relation \"\(parent.name)\" is not a parent of relation \"\(schema.tables[t].name.name)\"", at: parent.location)
        }
        let removed = schema.tables[p]
        schema.tables[t].inherits.removeAll { $0 == removed.name }
        let others = schema.tables[t].inherits.compactMap { tableIndex($0) }.map { schema.tables[$0] }
        schema.tables[t].inheritedColumns.removeAll { column in
            removed.column(column) != nil && !others.contains { $0.column(column) != nil }
        }
    }

    /// `ADD [CONSTRAINT name] {PRIMARY KEY | UNIQUE} USING INDEX index`: the unique index becomes
    /// the constraint, renamed to the constraint's name when one is given.
    mutating func addConstraint(usingIndex indexName: String, name constraintName: String?, primaryKey: Bool, to t: Int, at location: SourceLocation) {
        let tableName = schema.tables[t].name
        guard let i = schema.tables[t].indexes.firstIndex(where: { $0.name == indexName }) else {
            return error("index \"\(indexName)\" for table \"\(tableName.name)\" does not exist", at: location)
        }
        let index = schema.tables[t].indexes[i]
        guard index.isUnique else { return error("\"\(indexName)\" is not a unique index", at: location) }
        let columns = index.columns.compactMap { $0 }
        guard index.predicate == nil, columns.count == index.elements.count, columns.allSatisfy({ schema.tables[t].column($0) != nil }) else {
            return error("index \"\(indexName)\" cannot be used to make a constraint: it is partial or has expressions", at: location)
        }
        if primaryKey, schema.tables[t].primaryKey != nil {
            return error("multiple primary keys for table \"\(tableName.name)\" are not allowed", at: location)
        }
        let name = constraintName ?? indexName
        schema.tables[t].indexes.remove(at: i)
        let key = KeyConstraint(name: name, columns: columns, location: location)
        if primaryKey {
            schema.tables[t].primaryKey = key
            for column in key.columns {
                if let c = schema.tables[t].columns.firstIndex(where: { $0.name == column }) { schema.tables[t].columns[c].isNotNull = true }
            }
        } else {
            schema.tables[t].uniqueConstraints.append(key)
        }
        if name != indexName {
            for other in schema.tables.indices {
                for f in schema.tables[other].foreignKeys.indices
                where schema.tables[other].foreignKeys[f].referencedTable == tableName && schema.tables[other].foreignKeys[f].referencedIndex == indexName {
                    schema.tables[other].foreignKeys[f].referencedIndex = name
                }
            }
        }
        reindex()
    }
}
