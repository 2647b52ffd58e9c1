/// Partitioned tables: a partition has its parent's columns, checks and foreign keys (by the same
/// names), and its own copy of each of the parent's indexes and index constraints, named after
/// the partition (`telemetry_2019_03_pkey`). DDL on the parent reaches its partitions.
extension Folder {
    mutating func createPartition(_ name: NameRef, of parent: NameRef, ifNotExists: Bool, constraints: [TableConstraint], at: SourceLocation) {
        guard let p = tableIndex(parent.qualified()) else {
            return error("relation \"\(parent.name)\" does not exist", at: parent.location)
        }
        let qualified = name.qualified()
        if tableIndex(qualified) != nil {
            if !ifNotExists { error("relation \"\(name.name)\" already exists", at: name.location) }
            return
        }
        createTable(name, ifNotExists: false, elements: [], at: at)
        guard let t = tableIndex(qualified) else { return }
        let parentTable = schema.tables[p]
        schema.tables[t].partitionOf = parentTable.name
        hasPartitions = true
        schema.tables[t].columns = parentTable.columns.map { column in
            var copy = column
            // A partition has no identity of its own (PostgreSQL 15): rows get their values
            // through the parent, and a detached partition's column is a plain NOT NULL one.
            copy.identity = nil
            copy.sequence = nil
            copy.comment = nil
            copy.provenance = Provenance(created: at)
            return copy
        }
        for check in parentTable.checks {
            schema.tables[t].checks.append(CheckConstraint(name: check.name, expression: check.expression, location: at))
            constraintNames.insert(QualifiedName(schema: qualified.schema, check.name))
        }
        cloneIndexes(of: parentTable, to: t, at: at, skippingEquivalent: false)
        addConstraints(constraints, to: t, at: at)
        for key in parentTable.foreignKeys {
            var copy = key
            copy.location = at
            schema.tables[t].foreignKeys.append(copy)
        }
    }

    /// The parent's indexes and index constraints, made again on the table at `t` in the order
    /// they were created; with `skippingEquivalent`, not where the table has one on the same
    /// columns already (ATTACH PARTITION attaches that one).
    mutating func cloneIndexes(of parent: Table, to t: Int, at: SourceLocation, skippingEquivalent: Bool) {
        var sources: [(location: SourceLocation, source: IndexSource)] = []
        if let key = parent.primaryKey { sources.append((key.location, .key(.primaryKey(columns: key.columns), include: key.include ?? []))) }
        for key in parent.uniqueConstraints { sources.append((key.location, .key(.unique(columns: key.columns), include: key.include ?? []))) }
        for exclusion in parent.exclusions { sources.append((exclusion.location, .key(.exclude(elements: exclusion.expression), include: []))) }
        for index in parent.indexes { sources.append((index.location, .index(index))) }
        sources.sort { Self.creationOrder($0.location).lexicographicallyPrecedes(Self.creationOrder($1.location)) }
        let child = schema.tables[t].name
        for (_, source) in sources {
            if skippingEquivalent, hasEquivalent(source, in: schema.tables[t]) { continue }
            switch source {
            case .key(let kind, let include):
                // The copy's name counts its INCLUDE columns, as the original's did.
                addConstraint(TableConstraint(name: nil, kind: kind, location: at, include: include), to: t)
            case .index(let index):
                createIndex(
                    name: nil, table: NameRef(schema: child.schema, name: child.name, location: at), unique: index.isUnique, ifNotExists: false,
                    method: index.method, elements: index.elements, elementLocations: index.elements.map { _ in at }, include: index.include,
                    predicate: index.predicate, at: at
                )
            }
        }
    }

    /// An index, or an index constraint, of a parent table.
    enum IndexSource { case key(TableConstraint.Kind, include: [String]), index(Index) }

    /// Whether the table has what `source` would make: the same kind of constraint on the same
    /// columns, or an index with the same elements, method, uniqueness and predicate.
    func hasEquivalent(_ source: IndexSource, in table: Table) -> Bool {
        switch source {
        case .key(.primaryKey(let columns), _): table.primaryKey?.columns == columns
        case .key(.unique(let columns), _): table.uniqueConstraints.contains { $0.columns == columns }
        case .key(.exclude(let elements), _): table.exclusions.contains { $0.expression == elements }
        case .key: false
        case .index(let index):
            table.indexes.contains { $0.elements == index.elements && $0.isUnique == index.isUnique && $0.method == index.method && $0.predicate == index.predicate }
        }
    }

    /// `ATTACH PARTITION`: the table becomes a partition; it gets the parent's indexes it lacks
    /// and its foreign keys.
    mutating func attachPartition(_ partition: NameRef, to p: Int, at: SourceLocation) {
        guard let c = tableIndex(partition.qualified()) else {
            return error("relation \"\(partition.name)\" does not exist", at: partition.location)
        }
        let parent = schema.tables[p]
        // A partition has exactly its parent's columns.
        if let extra = schema.tables[c].columns.first(where: { parent.column($0.name) == nil }) {
            return error(
                "table \"\(partition.name)\" contains column \"\(extra.name)\" not found in parent \"\(parent.name.name)\"", at: partition.location,
                note: "The new partition may contain only the columns present in parent."
            )
        }
        if let conflict = Self.inheritanceConflict(child: schema.tables[c], parent: parent) { return error(conflict, at: partition.location) }
        schema.tables[c].partitionOf = parent.name
        hasPartitions = true
        cloneIndexes(of: parent, to: c, at: at, skippingEquivalent: true)
        for key in parent.foreignKeys where !schema.tables[c].foreignKeys.contains(where: { $0.columns == key.columns && $0.referencedTable == key.referencedTable }) {
            var copy = key
            copy.location = at
            schema.tables[c].foreignKeys.append(copy)
        }
        reindex()
    }

    /// ALTER TABLE on a partitioned table reaches its partitions: the same column changes, a
    /// check or foreign key by the parent's name, an index constraint named after the partition.
    mutating func alterPartitions(of parent: QualifiedName, like actions: [AlterTableAction], before: Table, at: SourceLocation) {
        guard let p = tableIndex(parent) else { return }
        let after = schema.tables[p]
        var childActions: [AlterTableAction] = []
        for action in actions {
            switch action {
            case .addColumn, .dropColumn, .renameColumn, .alterColumnType, .setNotNull, .dropNotNull, .setDefault, .dropDefault, .dropExpression:
                childActions.append(action)
            case .addConstraint(let constraint):
                switch constraint.kind {
                case .primaryKey, .unique, .exclude:
                    childActions.append(.addConstraint(TableConstraint(name: nil, kind: constraint.kind, location: constraint.location)))
                case .check, .foreignKey:
                    break
                }
            default:
                break
            }
        }
        // Checks and foreign keys the parent gained, by the names it chose.
        let newChecks = after.checks.filter { check in !before.checks.contains { $0.name == check.name } }
        let newKeys = after.foreignKeys.filter { key in !before.foreignKeys.contains { $0.name == key.name } }
        let droppedNames = Set(before.checks.map(\.name) + before.foreignKeys.map(\.name))
            .subtracting(after.checks.map(\.name) + after.foreignKeys.map(\.name))
        let droppedKeys = ((before.primaryKey.map { [$0] } ?? []) + before.uniqueConstraints).filter { key in
            !((after.primaryKey.map { [$0] } ?? []) + after.uniqueConstraints).contains { $0.name == key.name }
        }
        let partitions = schema.tables.filter({ $0.partitionOf == parent }).map(\.name)
        for case .addColumn(let definition, _) in actions where !partitions.isEmpty && after.column(definition.name)?.identity != nil {
            error("cannot recursively add identity column to table that has child tables", at: definition.nameLocation)
        }
        for child in partitions {
            if !childActions.isEmpty {
                alterTable(NameRef(schema: child.schema, name: child.name, location: at), ifExists: true, actions: childActions, at: at)
            }
            guard let c = tableIndex(child) else { continue }
            for check in newChecks where !schema.tables[c].checks.contains(where: { $0.name == check.name }) {
                schema.tables[c].checks.append(CheckConstraint(name: check.name, expression: check.expression, location: at))
            }
            for key in newKeys where !schema.tables[c].foreignKeys.contains(where: { $0.name == key.name }) {
                var copy = key
                copy.location = at
                schema.tables[c].foreignKeys.append(copy)
            }
            schema.tables[c].checks.removeAll { droppedNames.contains($0.name) }
            schema.tables[c].foreignKeys.removeAll { droppedNames.contains($0.name) }
            for key in droppedKeys {
                if schema.tables[c].primaryKey?.columns == key.columns { schema.tables[c].primaryKey = nil }
                schema.tables[c].uniqueConstraints.removeAll { $0.columns == key.columns }
            }
        }
        reindex()
    }

    /// Dropping a partitioned table drops its partitions.
    mutating func dropPartitions(of parent: QualifiedName) {
        let children = schema.tables.filter { $0.partitionOf == parent }.map(\.name)
        schema.tables.removeAll { $0.partitionOf == parent }
        for child in children { dropPartitions(of: child) }
    }
}
