/// Sequences made by CREATE SEQUENCE, as pg_dump and hand-written histories make them for serial
/// columns: they take relation names, a column may own one, and a default may use one.
extension Folder {
    /// ALTER TABLE on a view or a sequence: what changes no shape, or a rename. Returns whether
    /// `name` is such a relation.
    mutating func alterOtherRelation(_ name: NameRef, actions: [AlterTableAction], at: SourceLocation) -> Bool {
        let qualified = name.qualified()
        let isView = schema.views.contains { $0.name == qualified }
        let isSequence = schema.sequences.contains { $0.name == qualified }
            || schema.tables.contains { $0.name.schema == qualified.schema && $0.columns.contains { $0.sequence == qualified.name } }
        guard isView || isSequence else { return false }
        for action in actions {
            switch action {
            case .ignored:
                continue
            case .renameTable(let newName):
                if isView {
                    apply(LocatedStatement(statement: .renameView(name, to: newName), location: at))
                } else {
                    apply(LocatedStatement(statement: .renameSequence(name, to: newName, ifExists: false), location: at))
                }
            case .setSchema(let schemaName):
                // ALTER TABLE v SET SCHEMA s moves a view as ALTER VIEW does.
                if isView { apply(LocatedStatement(statement: .setViewSchema(name, to: schemaName), location: at)) }
            case .renameColumn(let old, let new, let location) where isView:
                apply(LocatedStatement(statement: .renameViewColumn(name, old, to: new, ifExists: false, location: location), location: at))
            default:
                error("\"\(name.name)\" is not a table", at: name.location)
            }
        }
        return true
    }

    mutating func createSequence(_ name: NameRef, ifNotExists: Bool) {
        let qualified = name.qualified()
        guard schemaExists(qualified.schema) else { return error("schema \"\(qualified.schema)\" does not exist", at: name.location) }
        if relationNameTaken(qualified.name, in: qualified.schema) {
            if !ifNotExists { error("relation \"\(qualified.name)\" already exists", at: name.location) }
            return
        }
        schema.sequences.append(StandaloneSequence(name: qualified))
        relationNames.insert(qualified)
    }

    /// `ALTER SEQUENCE s OWNED BY t.c`: dropping the column or its table then drops the sequence.
    mutating func setSequenceOwner(_ name: NameRef, ifExists: Bool, table: NameRef?, column: String?) {
        let qualified = name.qualified()
        if !schema.sequences.contains(where: { $0.name == qualified }) {
            // A serial column's own sequence given another owner (or none) is the column's no
            // more: it stays when the column's table goes. An identity's cannot be given away.
            guard let t = schema.tables.firstIndex(where: { $0.name.schema == qualified.schema && $0.columns.contains { $0.sequence == qualified.name } }),
                  let c = schema.tables[t].columns.firstIndex(where: { $0.sequence == qualified.name }) else {
                if !ifExists { error("relation \"\(name.name)\" does not exist", at: name.location) }
                return
            }
            let owner = schema.tables[t].columns[c]
            if owner.identity != nil {
                if table.flatMap({ tableIndex($0.qualified()) }) != t || column != owner.name {
                    error("cannot change ownership of identity sequence", at: name.location)
                }
                return
            }
            if table.flatMap({ tableIndex($0.qualified()) }) == t && column == owner.name { return }
            schema.tables[t].columns[c].sequence = nil
            schema.sequences.append(StandaloneSequence(name: qualified))
        }
        guard let s = schema.sequences.firstIndex(where: { $0.name == qualified }) else { return }
        guard let table, let column else {
            schema.sequences[s].ownerTable = nil
            schema.sequences[s].ownerColumn = nil
            return
        }
        guard let t = tableIndex(table.qualified()) else { return error("relation \"\(table.name)\" does not exist", at: table.location) }
        guard schema.tables[t].column(column) != nil else {
            return error("column \"\(column)\" of relation \"\(table.name)\" does not exist", at: table.location)
        }
        guard schema.tables[t].name.schema == schema.sequences[s].name.schema else {
            return error("sequence must be in same schema as table it is linked to", at: name.location)
        }
        schema.sequences[s].ownerTable = schema.tables[t].name
        schema.sequences[s].ownerColumn = column
    }

    mutating func dropSequence(_ name: NameRef, ifExists: Bool, cascade: Bool) {
        let qualified = name.qualified()
        let s = schema.sequences.firstIndex(where: { $0.name == qualified })
        // Or a serial or identity column's own sequence.
        var owner: (table: Int, column: Int)?
        if s == nil {
            for t in schema.tables.indices where schema.tables[t].name.schema == qualified.schema {
                if let c = schema.tables[t].columns.firstIndex(where: { $0.sequence == qualified.name }) { owner = (t, c) }
            }
        }
        guard s != nil || owner != nil else {
            if !ifExists { error("sequence \"\(name.name)\" does not exist", at: name.location) }
            return
        }
        if let owner, schema.tables[owner.table].columns[owner.column].identity != nil {
            let column = schema.tables[owner.table].columns[owner.column].name
            return error(
                "cannot drop sequence \(name.name) because column \(column) of table \(schema.tables[owner.table].name.name) requires it",
                at: name.location, note: "drop the column's identity (ALTER COLUMN \(column) DROP IDENTITY) or the column instead"
            )
        }
        let users = columnsUsingSequence(qualified)
        if !users.isEmpty, !cascade {
            return error(
                "cannot drop sequence \(name.name) because other objects depend on it", at: name.location,
                note: "the default of column \(users.map { "\(schema.tables[$0.table].name.name).\(schema.tables[$0.table].columns[$0.column].name)" }.joined(separator: ", ")) uses it; drop the default first, or add CASCADE"
            )
        }
        for user in users { schema.tables[user.table].columns[user.column].defaultExpression = nil }
        if let s { schema.sequences.remove(at: s) }
        if let owner { schema.tables[owner.table].columns[owner.column].sequence = nil }
        reindex()
    }

    /// Columns whose default calls `nextval` on the sequence.
    func columnsUsingSequence(_ sequence: QualifiedName) -> [(table: Int, column: Int)] {
        let prefix = sequence.schema == "public" ? "" : Self.quotedIfNeeded(sequence.schema) + "."
        let spellings = ["'\(prefix)\(Self.quotedIfNeeded(sequence.name))'", "'\(sequence.schema).\(sequence.name)'", "'\(sequence.name)'"]
        var found: [(table: Int, column: Int)] = []
        for t in schema.tables.indices where schema.tables[t].name.schema == sequence.schema {
            for c in schema.tables[t].columns.indices {
                guard let expression = schema.tables[t].columns[c].defaultExpression, expression.contains("nextval(") else { continue }
                if spellings.contains(where: { expression.contains($0) }) { found.append((t, c)) }
            }
        }
        return found
    }

    /// Sequences owned by a column that is gone go with it.
    mutating func dropOwnedSequences() {
        guard schema.sequences.contains(where: { $0.ownerTable != nil }) else { return }
        let tables = schema.tables
        schema.sequences.removeAll { sequence in
            guard let table = sequence.ownerTable, let column = sequence.ownerColumn else { return false }
            return tables.first { $0.name == table }?.column(column) == nil
        }
    }
}
