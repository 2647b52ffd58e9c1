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

    /// `INHERITS (parent)`: the parent's columns (with NOT NULL, defaults and generated
    /// expressions) and checks; returns the names of the columns it added.
    mutating func inherit(from parent: Table, into t: Int, at: SourceLocation) -> [String] {
        var added: [String] = []
        for column in parent.columns where schema.tables[t].column(column.name) == nil {
            var copy = column
            copy.identity = nil
            copy.sequence = nil
            copy.comment = nil
            copy.provenance = Provenance(created: at)
            schema.tables[t].columns.append(copy)
            added.append(column.name)
        }
        let schemaName = schema.tables[t].name.schema
        for check in parent.checks where !schema.tables[t].checks.contains(where: { $0.name == check.name }) {
            schema.tables[t].checks.append(CheckConstraint(name: check.name, expression: check.expression, location: at))
            constraintNames.insert(QualifiedName(schema: schemaName, check.name))
        }
        return added
    }

    /// ALTER TABLE on a table others inherit from reaches them, as PostgreSQL recurses without
    /// `ONLY`: column changes. A column added to the parent is merged into a child's own column
    /// of that name; a dropped one goes from a child that did not declare it too. (Checks added
    /// later are not passed on: they do not shape a model.)
    mutating func alterInheritors(of parent: QualifiedName, like actions: [AlterTableAction], at: SourceLocation) {
        let parentChecks = tableIndex(parent).map { schema.tables[$0].checks } ?? []
        for child in schema.tables.filter({ $0.inherits.contains(parent) }).map(\.name) {
            guard let c = tableIndex(child) else { continue }
            let table = schema.tables[c]
            var childActions: [AlterTableAction] = []
            var added: [String] = []
            for action in actions {
                switch action {
                case .addColumn(var definition, let ifNotExists):
                    guard table.column(definition.name) == nil else { continue }
                    // Keys, unique constraints and foreign keys stay with the parent; a check
                    // keeps the name the parent's got.
                    definition.constraints = definition.constraints.compactMap { constraint in
                        switch constraint {
                        case .primaryKey, .unique, .references:
                            return nil
                        case .check(nil, let expression):
                            return .check(name: parentChecks.last { $0.expression == expression }?.name, expression: expression)
                        default:
                            return constraint
                        }
                    }
                    childActions.append(.addColumn(definition, ifNotExists: ifNotExists))
                    added.append(definition.name)
                case .dropColumn(let name, _, _, _):
                    if table.inheritedColumns.contains(name) { childActions.append(action) }
                case .renameColumn, .alterColumnType, .setNotNull, .dropNotNull, .setDefault, .dropDefault:
                    childActions.append(action)
                default:
                    break
                }
            }
            guard !childActions.isEmpty else { continue }
            alterTable(NameRef(schema: child.schema, name: child.name, location: at), ifExists: true, actions: childActions, at: at)
            guard let after = tableIndex(child) else { continue }
            schema.tables[after].inheritedColumns += added
            for action in childActions {
                switch action {
                case .renameColumn(let old, let new, _):
                    schema.tables[after].inheritedColumns = schema.tables[after].inheritedColumns.map { $0 == old ? new : $0 }
                case .dropColumn(let name, _, _, _):
                    schema.tables[after].inheritedColumns.removeAll { $0 == name }
                default:
                    break
                }
            }
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
