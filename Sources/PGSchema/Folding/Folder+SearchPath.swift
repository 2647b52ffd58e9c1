/// `search_path`: where unqualified names are created (the first schema of the path that exists)
/// and found (the first schema of the path that holds the name). A migration that sets it sets it
/// for the rest of the session, in which golang-migrate and `migrate` run every later file too;
/// `SET LOCAL` lasts to the end of its file. With the default path (`public`) nothing here applies.
extension Folder {
    var hasDefaultSearchPath: Bool { searchPath == ["public"] }
    /// The path a view created now keeps (`View.searchPath`): none when it is the default.
    var searchPathForViews: [String]? { hasDefaultSearchPath ? nil : searchPath }

    /// The schema an unqualified CREATE puts its object in; `nil` when no schema of the path exists.
    var creationSchema: String? { searchPath.first { schemaExists($0) } }

    mutating func setSearchPath(_ schemas: [String], local: Bool) {
        if local {
            if savedSearchPath == nil { savedSearchPath = searchPath }
        } else {
            savedSearchPath = nil
        }
        searchPath = schemas
    }

    /// `SET LOCAL` ends with the file's transaction.
    mutating func endOfFile() {
        if let saved = savedSearchPath {
            searchPath = saved
            savedSearchPath = nil
        }
    }

    /// A name where an unqualified CREATE would put it.
    private func creating(_ name: NameRef) -> NameRef? {
        guard name.schema == nil, !hasDefaultSearchPath else { return name }
        guard let schemaName = creationSchema else { return nil }
        var qualified = name
        qualified.schema = schemaName
        return qualified
    }

    /// A name where PostgreSQL finds it: the first schema of the path with a relation or type so
    /// named, else where it would be created (so that a missing object is reported by name).
    private func finding(_ name: NameRef) -> NameRef {
        guard name.schema == nil, !hasDefaultSearchPath else { return name }
        var qualified = name
        let found = searchPath.first { relationNameTaken(name.name, in: $0) || typeNameTaken(QualifiedName(schema: $0, name.name)) }
        qualified.schema = found ?? creationSchema ?? searchPath.first ?? "public"
        return qualified
    }

    private func finding(_ definition: ColumnDefinition) -> ColumnDefinition {
        var copy = definition
        copy.constraints = definition.constraints.map { constraint in
            if case .references(let name, let table, let columns, let onDelete, let onUpdate) = constraint {
                return .references(name: name, table: finding(table), columns: columns, onDelete: onDelete, onUpdate: onUpdate)
            }
            return constraint
        }
        return copy
    }

    private func finding(_ constraint: TableConstraint) -> TableConstraint {
        var copy = constraint
        if case .foreignKey(let columns, let table, let referenced, let onDelete, let onUpdate) = constraint.kind {
            copy.kind = .foreignKey(columns: columns, table: finding(table), referencedColumns: referenced, onDelete: onDelete, onUpdate: onUpdate)
        }
        return copy
    }

    /// The statement with its unqualified names qualified by the search path; `nil` (and an
    /// error) when it creates something and no schema of the path exists.
    mutating func qualifiedBySearchPath(_ located: LocatedStatement) -> LocatedStatement? {
        func created(_ name: NameRef) -> NameRef? {
            guard let qualified = creating(name) else {
                error("no schema has been selected to create in", at: name.location, note: "the search_path set earlier names no existing schema; qualify the name or set search_path")
                return nil
            }
            return qualified
        }
        var statement = located.statement
        switch located.statement {
        case .createTable(let name, let ifNotExists, let elements):
            guard let name = created(name) else { return nil }
            statement = .createTable(name, ifNotExists: ifNotExists, elements: elements.map { element in
                switch element {
                case .column(let definition): .column(finding(definition))
                case .constraint(let constraint): .constraint(finding(constraint))
                case .like(let source, let options): .like(finding(source), including: options)
                case .inherits(let parent): .inherits(finding(parent))
                }
            })
        case .createTableAs(let name):
            guard let name = created(name) else { return nil }
            statement = .createTableAs(name)
        case .createPartition(let name, let parent, let ifNotExists, let constraints):
            guard let name = created(name) else { return nil }
            statement = .createPartition(name, of: finding(parent), ifNotExists: ifNotExists, constraints: constraints.map(finding))
        case .alterTable(let name, let ifExists, let actions):
            statement = .alterTable(finding(name), ifExists: ifExists, actions: actions.map { action in
                switch action {
                case .addColumn(let definition, let ifNotExists): .addColumn(finding(definition), ifNotExists: ifNotExists)
                case .addConstraint(let constraint): .addConstraint(finding(constraint))
                case .attachPartition(let partition): .attachPartition(finding(partition))
                case .inherit(let parent): .inherit(finding(parent))
                case .noInherit(let parent): .noInherit(finding(parent))
                case .detachPartition(let partition): .detachPartition(finding(partition))
                default: action
                }
            })
        case .drop(let kind, let names, let ifExists, let cascade):
            statement = .drop(kind, names: kind == .schema || kind == .extension ? names : names.map(finding), ifExists: ifExists, cascade: cascade)
        case .createEnum(let name, let labels):
            guard let name = created(name) else { return nil }
            statement = .createEnum(name, labels: labels)
        case .createComposite(let name, let attributes):
            guard let name = created(name) else { return nil }
            statement = .createComposite(name, attributes: attributes)
        case .createDomain(let name, let base, let constraints):
            guard let name = created(name) else { return nil }
            statement = .createDomain(name, base: base, constraints: constraints)
        case .alterType(let name, let action):
            statement = .alterType(finding(name), action)
        case .alterDomain(let name, let action):
            statement = .alterDomain(finding(name), action)
        case .createIndex(let name, let table, let unique, let ifNotExists, let method, let elements, let locations, let include, let predicate):
            statement = .createIndex(
                name: name, table: finding(table), unique: unique, ifNotExists: ifNotExists, method: method, elements: elements,
                elementLocations: locations, include: include, predicate: predicate
            )
        case .renameIndex(let name, let newName, let ifExists):
            statement = .renameIndex(finding(name), to: newName, ifExists: ifExists)
        case .createView(let name, let materialized, let orReplace, let columns, let query):
            // CREATE OR REPLACE, unqualified, replaces a view of that name in the schema it would
            // create one in (the first of the path that exists), not one found further along.
            guard let target = created(name) else { return nil }
            statement = .createView(target, materialized: materialized, orReplace: orReplace, columns: columns, query: query)
        case .renameView(let name, let newName):
            statement = .renameView(finding(name), to: newName)
        case .renameViewColumn(let name, let old, let new, let ifExists, let location):
            statement = .renameViewColumn(finding(name), old, to: new, ifExists: ifExists, location: location)
        case .comment(let target, let text):
            let qualified: CommentTarget = switch target {
            case .table(let name): .table(finding(name))
            case .column(let name, let column): .column(finding(name), column: column)
            case .type(let name): .type(finding(name))
            case .view(let name): .view(finding(name))
            case .index(let name): .index(finding(name))
            case .constraint(let constraint, let table): .constraint(constraint, on: finding(table))
            case .other: .other
            }
            statement = .comment(qualified, text: text)
        case .createSequence(let name, let ifNotExists, let ownerTable, let ownerColumn):
            guard let name = created(name) else { return nil }
            statement = .createSequence(name, ifNotExists: ifNotExists, ownerTable: ownerTable.map(finding), ownerColumn: ownerColumn)
        case .renameSequence(let name, let newName, let ifExists):
            statement = .renameSequence(finding(name), to: newName, ifExists: ifExists)
        case .sequenceOwner(let name, let ifExists, let table, let column):
            statement = .sequenceOwner(finding(name), ifExists: ifExists, table: table.map(finding), column: column)
        default:
            break
        }
        return LocatedStatement(statement: statement, location: located.location)
    }
}
