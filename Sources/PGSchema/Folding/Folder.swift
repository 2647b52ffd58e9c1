import Foundation

/// Applies statements, in order, to a ``Schema``, checking every reference against the schema
/// as it stands at that point.
struct Folder {
    var schema = Schema()
    var diagnostics: [Diagnostic] = []

    // Name lookups kept beside the schema, so that folding a thousand migrations does not scan
    // every table for every statement. Cheap changes update them in place; rare ones (drops,
    // renames) rebuild them with `reindex()`.
    var tablePositions: [QualifiedName: Int] = [:]
    /// Tables, views, indexes and the indexes behind primary key and unique constraints: one
    /// namespace per schema in PostgreSQL.
    var relationNames: Set<QualifiedName> = []
    var constraintNames: Set<QualifiedName> = []
    /// Enums, composites, domains, and the row types of tables and views.
    var typeNames: Set<QualifiedName> = []
    /// Extensions that may bring types this folder does not know (anything but the few below).
    private var typeProvidingExtensions: Set<String> = []

    private static let extensionTypes: [String: Set<String>] = [
        "citext": ["citext"], "hstore": ["hstore"], "ltree": ["ltree", "lquery", "ltxtquery"], "cube": ["cube"],
        "isn": ["isbn", "isbn13", "ismn", "ismn13", "issn", "issn13", "ean13", "upc"], "seg": ["seg"],
        "postgis": ["geometry", "geography", "box2d", "box3d"], "vector": ["vector", "halfvec", "sparsevec"],
    ]
    private static let typelessExtensions: Set<String> = [
        "pgcrypto", "uuid-ossp", "pg_trgm", "btree_gin", "btree_gist", "unaccent", "fuzzystrmatch", "pg_stat_statements",
        "tablefunc", "intarray", "plpgsql", "dblink", "postgres_fdw", "earthdistance", "tsm_system_rows", "pgstattuple",
    ]

    /// A folder whose schema starts with golang-migrate's version table, as golang-migrate
    /// creates it before the first migration:
    /// `CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)`.
    init(migrationsTable: String? = nil) {
        guard let migrationsTable else { return }
        let location = SourceLocation(file: "golang-migrate", line: 1, column: 1)
        apply(LocatedStatement(statement: .createTable(
            NameRef(schema: nil, name: migrationsTable, location: location), ifNotExists: false, elements: [
                .column(ColumnDefinition(name: "version", nameLocation: location, type: TypeRef(
                    type: ColumnType(name: "bigint"), writtenSchema: nil, isBuiltin: true, isSerial: false, location: location
                ), constraints: [.notNull, .primaryKey(name: nil)])),
                .column(ColumnDefinition(name: "dirty", nameLocation: location, type: TypeRef(
                    type: ColumnType(name: "boolean"), writtenSchema: nil, isBuiltin: true, isSerial: false, location: location
                ), constraints: [.notNull])),
            ]
        ), location: location))
    }

    /// Objects whose creating or altering statement did not parse: errors about them would only
    /// follow from that one.
    var uncheckedNames: Set<String> = []
    /// Functions and procedures of the migrations whose bodies run DDL.
    var shapingRoutines: Set<String> = []
    /// Whether any table is a partition: most modules have none, and then no statement needs to
    /// look for the partitions of its table.
    /// Set by the first partition, never cleared (a cheap, safe over-approximation).
    var hasPartitions = false
    /// Whether any table has inherited (`INHERITS`, `INHERIT`): most histories never do, and
    /// their ALTER TABLEs need not look for children.
    var hasInheritance = false

    /// The names of one DROP statement: they may depend on each other.
    var droppingTogether: Set<QualifiedName> = []
    /// Set while an ALTER TABLE is passed on to tables that inherit (`alterInheritors`), which
    /// alters each of them alone: their own `ONLY`, not the migration's.
    var alteringInheritors = false
    /// `search_path`, as the migrations set it (see Folder+SearchPath).
    var searchPath: [String] = ["public"]
    /// The path to go back to at the end of the file, after a `SET LOCAL`.
    var savedSearchPath: [String]?

    mutating func error(_ message: String, at location: SourceLocation, note: String? = nil) {
        if !uncheckedNames.isEmpty, uncheckedNames.contains(where: { message.contains("\"\($0)\"") || message.contains(" \($0) ") }) { return }
        diagnostics.append(Diagnostic(.error, message, at: location, note: note))
    }

    // MARK: - Lookup

    func tableIndex(_ name: QualifiedName) -> Int? { tablePositions[name] }

    /// Rebuilds the name lookups from the schema.
    mutating func reindex() {
        dropOwnedSequences()
        tablePositions = [:]
        relationNames = []
        constraintNames = []
        typeNames = []
        for (position, table) in schema.tables.enumerated() {
            let schemaName = table.name.schema
            tablePositions[table.name] = position
            relationNames.insert(table.name)
            typeNames.insert(table.name)
            for index in table.indexes { relationNames.insert(QualifiedName(schema: schemaName, index.name)) }
            for sequence in table.columns.compactMap(\.sequence) { relationNames.insert(QualifiedName(schema: schemaName, sequence)) }
            let keys = (table.primaryKey.map { [$0] } ?? []) + table.uniqueConstraints
            for key in keys {
                relationNames.insert(QualifiedName(schema: schemaName, key.name))
                constraintNames.insert(QualifiedName(schema: schemaName, key.name))
            }
            for exclusion in table.exclusions {
                relationNames.insert(QualifiedName(schema: schemaName, exclusion.name))
                constraintNames.insert(QualifiedName(schema: schemaName, exclusion.name))
            }
            for name in table.foreignKeys.map(\.name) + table.checks.map(\.name) {
                constraintNames.insert(QualifiedName(schema: schemaName, name))
            }
        }
        for sequence in schema.sequences { relationNames.insert(sequence.name) }
        for view in schema.views {
            relationNames.insert(view.name)
            typeNames.insert(view.name)
            for index in view.indexes { relationNames.insert(QualifiedName(schema: view.name.schema, index.name)) }
        }
        // A composite type has a pg_class row: its name is taken among relations too.
        for composite in schema.composites { relationNames.insert(composite.name) }
        for name in schema.enums.map(\.name) + schema.composites.map(\.name) + schema.domains.map(\.name) {
            typeNames.insert(name)
        }
    }

    func schemaExists(_ name: String) -> Bool { name == "public" || schema.schemas.contains(name) }

    /// Whether a type name (enum, composite, domain, or a table's row type) is taken in its schema.
    func typeNameTaken(_ name: QualifiedName) -> Bool { typeNames.contains(name) }

    /// Relation names (tables, views, indexes) in a schema: they share one namespace.
    func relationNameTaken(_ name: String, in schemaName: String) -> Bool {
        relationNames.contains(QualifiedName(schema: schemaName, name))
    }

    func constraintNameTaken(_ name: String, in schemaName: String) -> Bool {
        constraintNames.contains(QualifiedName(schema: schemaName, name))
    }

    /// Resolves a written type to a column type, or reports that it does not exist.
    mutating func resolve(_ ref: TypeRef) -> ColumnType? {
        if ref.isBuiltin { return ref.type }
        let candidates: [String] = ref.writtenSchema.map { [$0] } ?? searchPath
        for schemaName in candidates {
            let name = QualifiedName(schema: schemaName, ref.type.name)
            if typeNameTaken(name) {
                var type = ref.type
                type.schema = schemaName
                return type
            }
        }
        if Self.extensionTypes.contains(where: { schema.extensions.contains($0.key) && $0.value.contains(ref.type.name) })
            || !typeProvidingExtensions.isEmpty {
            return ref.type
        }
        error(
            "type \"\(ref.writtenSchema.map { "\($0)." } ?? "")\(ref.type.name)\" does not exist", at: ref.location,
            note: "create it with CREATE TYPE or CREATE DOMAIN in an earlier migration, or CREATE EXTENSION the extension that provides it"
        )
        return nil
    }

    // MARK: - Statements

    mutating func apply(_ located: LocatedStatement) {
        var located = located
        if !hasDefaultSearchPath {
            guard let qualified = qualifiedBySearchPath(located) else { return }
            located = qualified
        }
        let at = located.location
        switch located.statement {
        case .createTable(let name, let ifNotExists, let elements):
            createTable(name, ifNotExists: ifNotExists, elements: elements, at: at)
        case .alterTable(let name, let ifExists, let actions):
            alterTable(name, ifExists: ifExists, actions: actions, at: at)
        case .createTableAs(let name):
            uncheckedNames.insert(name.name)
            diagnostics.append(Diagnostic(
                .warning, "the columns of \(name.name) come from a query, which the fold does not type; \(name.name) gets no model",
                at: name.location,
                note: "describe the table in a `/* pg-codegen:assume CREATE TABLE \(name.name) (…); */` comment in this file to get a model"
            ))
        case .createPartition(let name, let parent, let ifNotExists, let constraints):
            createPartition(name, of: parent, ifNotExists: ifNotExists, constraints: constraints, at: at)
        case .drop(let kind, let names, let ifExists, let cascade):
            droppingTogether = Set(names.map { $0.qualified() })
            defer { droppingTogether = [] }
            for name in names {
                drop(kind, name, ifExists: ifExists, cascade: cascade)
                reindex()
            }
        case .createEnum(let name, let labels):
            let qualified = name.qualified()
            guard checkNewType(qualified, at: name.location) else { return }
            var seen = Set<String>()
            for label in labels where !seen.insert(label).inserted {
                error("enum label \"\(label)\" is listed twice", at: name.location)
            }
            schema.enums.append(EnumType(name: qualified, labels: labels, provenance: Provenance(created: at)))
            typeNames.insert(qualified)
        case .createComposite(let name, let attributes):
            let qualified = name.qualified()
            guard checkNewType(qualified, at: name.location) else { return }
            var columns: [Column] = []
            for attribute in attributes {
                guard let type = resolve(attribute.type) else { continue }
                var column = Column(name: attribute.name, type: type, provenance: Provenance(created: attribute.nameLocation))
                for case .collate(let collation) in attribute.constraints { column.collation = collation }
                columns.append(column)
            }
            guard !relationNameTaken(qualified.name, in: qualified.schema) else {
                return error("relation \"\(qualified.name)\" already exists", at: name.location)
            }
            schema.composites.append(CompositeType(name: qualified, attributes: columns, provenance: Provenance(created: at)))
            typeNames.insert(qualified)
            relationNames.insert(qualified)
        case .alterType(let name, let action):
            alterType(name, action, at: at)
            switch action {
            case .renameTo, .setSchema: reindex()
            default: break
            }
        case .createDomain(let name, let base, let constraints):
            let qualified = name.qualified()
            guard checkNewType(qualified, at: name.location), let type = resolve(base) else { return }
            var domain = Domain(name: qualified, baseType: type, isNotNull: false, checks: [], provenance: Provenance(created: at))
            for constraint in constraints {
                switch constraint {
                case .notNull: domain.isNotNull = true
                case .null: domain.isNotNull = false
                case .defaultValue(let expression): domain.defaultExpression = storedDefault(expression, for: type)
                case .check(let constraintName, let expression):
                    let chosen = constraintName ?? GeneratedNames.choose(qualified.name, nil, "check") { candidate in domain.checks.contains { $0.name == candidate } }
                    domain.checks.append(CheckConstraint(name: chosen, expression: expression, location: at))
                case .collate: break
                default: error("a domain takes only NOT NULL, NULL, DEFAULT, CHECK and COLLATE", at: name.location)
                }
            }
            schema.domains.append(domain)
            typeNames.insert(qualified)
        case .alterDomain(let name, let action):
            alterDomain(name, action, at: at)
            if case .renameTo = action { reindex() }
        case .createIndex(let name, let table, let unique, let ifNotExists, let method, let elements, let elementLocations, let include, let predicate):
            createIndex(
                name: name, table: table, unique: unique, ifNotExists: ifNotExists, method: method, elements: elements,
                elementLocations: elementLocations, include: include, predicate: predicate, at: at
            )
        case .renameIndex(let name, let newName, let ifExists):
            let schemaName = name.schema ?? "public"
            guard !relationNameTaken(newName, in: schemaName) else {
                return error("relation \"\(newName)\" already exists", at: name.location)
            }
            if let (t, i) = indexPosition(name.name, in: schemaName) {
                schema.tables[t].indexes[i].name = newName
                renameReferencedIndex(name.name, to: newName, of: t)
            } else if let t = schema.tables.firstIndex(where: { $0.name.schema == schemaName && constraintHasIndex(name.name, in: $0) }) {
                // Renaming the index of a primary key, unique or exclusion constraint renames the constraint.
                _ = renameConstraint(name.name, to: newName, in: t)
            } else if let v = schema.views.firstIndex(where: { $0.name.schema == schemaName && $0.indexes.contains { $0.name == name.name } }),
                      let i = schema.views[v].indexes.firstIndex(where: { $0.name == name.name }) {
                // A materialized view's index.
                schema.views[v].indexes[i].name = newName
            } else {
                if !ifExists { error("index \"\(name.name)\" does not exist", at: name.location) }
                return
            }
            reindex()
        case .createSequence(let name, let ifNotExists, let ownerTable, let ownerColumn):
            let existed = relationNameTaken(name.qualified().name, in: name.qualified().schema)
            createSequence(name, ifNotExists: ifNotExists)
            if !existed, let ownerTable, let ownerColumn { setSequenceOwner(name, ifExists: false, table: ownerTable, column: ownerColumn) }
        case .sequenceOwner(let name, let ifExists, let table, let column):
            setSequenceOwner(name, ifExists: ifExists, table: table, column: column)
        case .renameSequence(let name, let newName, _):
            let schemaName = name.schema ?? "public"
            guard !relationNameTaken(newName, in: schemaName) else {
                return error("relation \"\(newName)\" already exists", at: name.location)
            }
            if let s = schema.sequences.firstIndex(where: { $0.name == name.qualified() }) { schema.sequences[s].name.name = newName }
            for t in schema.tables.indices where schema.tables[t].name.schema == schemaName {
                for c in schema.tables[t].columns.indices where schema.tables[t].columns[c].sequence == name.name {
                    schema.tables[t].columns[c].sequence = newName
                }
            }
            renameSequenceInDefaults(QualifiedName(schema: schemaName, name.name), to: QualifiedName(schema: schemaName, newName))
            reindex()
        case .createView(let name, let materialized, let orReplace, let columns, let query):
            let qualified = name.qualified()
            if let existing = schema.views.firstIndex(where: { $0.name == qualified }) {
                guard orReplace else { return error("relation \"\(name.name)\" already exists", at: name.location) }
                // Views reading it keep reading the columns it has now (`ViewSource.replaced`).
                let replaced = schema.views[existing]
                changeViewSources(reading: replaced.name) { source in
                    if source.replaced.isEmpty { source.replaced = [replaced] }
                }
                schema.views[existing].query = query
                schema.views[existing].columnNames = columns
                schema.views[existing].searchPath = searchPathForViews
                schema.views[existing].dependencies = relations(readBy: query)
                schema.views[existing].sources = []
                // The new query names the columns as they are now.
                schema.views[existing].columnRenames = []
                schema.views[existing].provenance.lastChanged = at
                return
            }
            guard schemaExists(qualified.schema) else { return error("schema \"\(qualified.schema)\" does not exist", at: name.location) }
            guard !relationNameTaken(qualified.name, in: qualified.schema) else {
                return error("relation \"\(name.name)\" already exists", at: name.location)
            }
            schema.views.append(View(
                name: qualified, isMaterialized: materialized, query: query, columnNames: columns, searchPath: searchPathForViews,
                dependencies: relations(readBy: query),
                provenance: Provenance(created: at)
            ))
            reindex()
        case .renameSchema(let old, let new, let location):
            renameSchema(old, to: new, at: location)
        case .setViewSchema(let name, let schemaName):
            guard let v = schema.views.firstIndex(where: { $0.name == name.qualified() }) else {
                return error("relation \"\(name.name)\" does not exist", at: name.location)
            }
            guard schemaExists(schemaName) else { return error("schema \"\(schemaName)\" does not exist", at: name.location) }
            let old = schema.views[v].name
            keepViewSources(of: old, columns: nil)
            schema.views[v].name.schema = schemaName
            renameDependency(old, to: schema.views[v].name)
            reindex()
        case .renameViewColumn(let name, let old, let new, let ifExists, let location):
            renameViewColumn(name, old, to: new, ifExists: ifExists, at: location)
        case .renameView(let name, let newName):
            guard let index = schema.views.firstIndex(where: { $0.name == name.qualified() }) else {
                return error("view \"\(name.name)\" does not exist", at: name.location)
            }
            let old = schema.views[index].name
            keepViewSources(of: old, columns: nil)
            schema.views[index].name.name = newName
            schema.views[index].provenance.lastChanged = at
            renameDependency(old, to: schema.views[index].name)
            reindex()
        case .comment(let target, let text):
            // An empty comment removes the comment, as NULL does.
            comment(target, text: text?.isEmpty == true ? nil : text, at: at)
        case .createSchema(let name, let ifNotExists):
            if schemaExists(name) {
                if !ifNotExists { error("schema \"\(name)\" already exists", at: at) }
            } else {
                schema.schemas.append(name)
            }
        case .createExtension(let name):
            if !schema.extensions.contains(name) { schema.extensions.append(name) }
            if Self.extensionTypes[name] == nil, !Self.typelessExtensions.contains(name) { typeProvidingExtensions.insert(name) }
        case .dropRoutines(let names, _):
            for name in names {
                shapingRoutines.remove(name)
                dropUses(ofFunction: name)
            }
        case .createRoutine(let name, let changesShape):
            if changesShape { shapingRoutines.insert(name) } else { shapingRoutines.remove(name) }
        case .calls(let names, _):
            for name in names where shapingRoutines.contains(name) {
                diagnostics.append(Diagnostic(
                    .warning, "this calls \(name)(), whose body runs DDL; the model cannot see its effect", at: at, note: Self.doBlockNote
                ))
            }
        case .setSearchPath(let schemas, let local):
            setSearchPath(schemas, local: local)
        case .endTransaction:
            endOfFile()
        case .failed(let names):
            uncheckedNames.formUnion(names)
        case .doBlock(let steps, _):
            doBlock(steps)
        case .skipped:
            break
        }
    }

    private mutating func checkNewType(_ name: QualifiedName, at location: SourceLocation) -> Bool {
        guard schemaExists(name.schema) else {
            error("schema \"\(name.schema)\" does not exist", at: location)
            return false
        }
        guard !typeNameTaken(name) else {
            error("type \"\(name.name)\" already exists", at: location)
            return false
        }
        return true
    }

    // MARK: - Tables

    mutating func createTable(_ name: NameRef, ifNotExists: Bool, elements: [TableElement], at: SourceLocation) {
        let qualified = name.qualified()
        guard schemaExists(qualified.schema) else { return error("schema \"\(qualified.schema)\" does not exist", at: name.location) }
        if tableIndex(qualified) != nil {
            if !ifNotExists { error("relation \"\(name.name)\" already exists", at: name.location) }
            return
        }
        // IF NOT EXISTS skips over any relation of the name (a view, a sequence, an index).
        if relationNameTaken(qualified.name, in: qualified.schema), ifNotExists { return }
        guard !relationNameTaken(qualified.name, in: qualified.schema), !typeNameTaken(qualified) else {
            return error("relation \"\(name.name)\" already exists", at: name.location)
        }
        schema.tables.append(Table(name: qualified, provenance: Provenance(created: at)))
        let t = schema.tables.count - 1
        tablePositions[qualified] = t
        relationNames.insert(qualified)
        typeNames.insert(qualified)
        var pending: [TableConstraint] = []
        var likes: [(source: Table, options: Set<String>)] = []
        var inherited: Set<String> = []
        for element in elements {
            switch element {
            case .column(let definition):
                if inherited.contains(definition.name), let position = schema.tables[t].columns.firstIndex(where: { $0.name == definition.name }) {
                    // A column declared again in a child is merged into the inherited one, in its place.
                    let old = schema.tables[t].columns.remove(at: position)
                    addColumn(definition, to: t, at: definition.nameLocation, pending: &pending)
                    if var merged = schema.tables[t].columns.popLast() {
                        if let conflict = Self.mergeConflict(merged, old) {
                            error("column \"\(definition.name)\" has a \(conflict) conflict", at: definition.nameLocation)
                        }
                        merged.isNotNull = merged.isNotNull || old.isNotNull
                        if merged.defaultExpression == nil { merged.defaultExpression = old.defaultExpression }
                        schema.tables[t].columns.insert(merged, at: position)
                    }
                    inherited.remove(definition.name)
                } else {
                    addColumn(definition, to: t, at: definition.nameLocation, pending: &pending)
                }
            case .constraint(let constraint):
                pending.append(constraint)
            case .like(let source, let options):
                guard let s = tableIndex(source.qualified()) else {
                    error("relation \"\(source.name)\" does not exist", at: source.location)
                    continue
                }
                copyColumns(of: schema.tables[s], into: t, like: options, at: at)
                likes.append((schema.tables[s], options))
            case .inherits(let parent):
                guard let p = tableIndex(parent.qualified()) else {
                    error("relation \"\(parent.name)\" does not exist", at: parent.location)
                    continue
                }
                inherited.formUnion(inherit(from: schema.tables[p], named: parent, into: t, at: at))
                schema.tables[t].inherits.append(schema.tables[p].name)
                hasInheritance = true
            }
        }
        schema.tables[t].inheritedColumns = schema.tables[t].columns.map(\.name).filter(inherited.contains)
        for case .column(let definition) in elements { checkGenerationExpression(of: definition, in: t) }
        addConstraints(pending, to: t, at: at)
        for like in likes { copyConstraints(of: like.source, into: t, like: like.options, at: at) }
    }

    /// PostgreSQL computes every generated column from the row as written, so a generation
    /// expression cannot read a generated column, itself or another (of this statement or an
    /// earlier one).
    private mutating func checkGenerationExpression(of definition: ColumnDefinition, in t: Int) {
        guard let expression = schema.tables[t].column(definition.name)?.generatedExpression,
              let other = schema.tables[t].columns.first(where: { $0.generatedExpression != nil && Self.mentions(expression, $0.name) })
        else { return }
        error(
            "cannot use generated column \"\(other.name)\" in column generation expression", at: definition.nameLocation,
            note: "A generated column cannot reference another generated column."
        )
    }

    /// Adds a column; its inline constraints join `pending` as table constraints.
    private mutating func addColumn(_ definition: ColumnDefinition, to t: Int, at location: SourceLocation, pending: inout [TableConstraint]) {
        let tableName = schema.tables[t].name.name
        guard schema.tables[t].column(definition.name) == nil else {
            return error("column \"\(definition.name)\" specified more than once in table \"\(tableName)\"", at: definition.nameLocation)
        }
        guard let type = resolve(definition.type) else { return }
        // A column added to a table a view reads is not part of the view.
        keepViewSources(ofTable: t)
        var column = Column(name: definition.name, type: type, provenance: Provenance(created: location))
        let schemaName = schema.tables[t].name.schema
        if definition.type.isSerial {
            let sequence = newSequence(for: tableName, definition.name, in: schemaName)
            column.sequence = sequence
            column.defaultExpression = "nextval('\(schemaName == "public" ? "" : Self.quotedIfNeeded(schemaName) + ".")\(Self.quotedIfNeeded(sequence))'::regclass)"
            column.isNotNull = true
        }
        for constraint in definition.constraints {
            switch constraint {
            case .notNull: column.isNotNull = true
            case .null:
                if column.identity != nil || definition.type.isSerial {
                    error("conflicting NULL/NOT NULL declarations for column \"\(definition.name)\" of table \"\(tableName)\"", at: definition.nameLocation)
                }
                column.isNotNull = false
            case .defaultValue(let expression):
                if column.generatedExpression != nil || column.identity != nil || definition.type.isSerial {
                    error("both default and generation or identity specified for column \"\(definition.name)\" of table \"\(tableName)\"", at: definition.nameLocation)
                }
                column.defaultExpression = storedDefault(expression, for: type)
            case .generated(let expression):
                if column.defaultExpression != nil {
                    error("both default and generation expression specified for column \"\(definition.name)\" of table \"\(tableName)\"", at: definition.nameLocation)
                }
                column.generatedExpression = expression
            case .identity(let kind, let sequenceName):
                guard ["smallint", "integer", "bigint"].contains(type.name), type.arrayDimensions == 0 else {
                    error("identity column type must be smallint, integer, or bigint", at: definition.type.location)
                    continue
                }
                column.identity = kind
                column.isNotNull = true
                column.sequence = newSequence(for: tableName, definition.name, in: schemaName, named: sequenceName)
            case .collate(let collation): column.collation = collation
            case .primaryKey(let name, let include, let deferrable, let initiallyDeferred):
                pending.append(TableConstraint(
                    name: name, kind: .primaryKey(columns: [definition.name]), location: definition.nameLocation, include: include,
                    isDeferrable: deferrable, isInitiallyDeferred: initiallyDeferred
                ))
            case .unique(let name, let include, let deferrable, let initiallyDeferred, let nullsNotDistinct):
                pending.append(TableConstraint(
                    name: name, kind: .unique(columns: [definition.name]), location: definition.nameLocation, include: include,
                    isDeferrable: deferrable, isInitiallyDeferred: initiallyDeferred, nullsNotDistinct: nullsNotDistinct
                ))
            case .references(let name, let table, let columns, let onDelete, let onUpdate):
                pending.append(TableConstraint(name: name, kind: .foreignKey(columns: [definition.name], table: table, referencedColumns: columns, onDelete: onDelete, onUpdate: onUpdate), location: definition.nameLocation))
            case .check(let name, let expression):
                pending.append(TableConstraint(name: name, kind: .check(expression: expression), location: definition.nameLocation))
            }
        }
        schema.tables[t].columns.append(column)
    }

    static func isIndexConstraint(_ constraint: TableConstraint) -> Bool {
        switch constraint.kind {
        case .primaryKey, .unique, .exclude: true
        case .check, .foreignKey: false
        }
    }

    /// Adds the constraints of one statement in PostgreSQL's order of naming: checks, then index
    /// constraints (merged where `merging`, as CREATE TABLE does), then foreign keys.
    mutating func addConstraints(_ constraints: [TableConstraint], to t: Int, at: SourceLocation, merging: Bool = true) {
        var checks: [TableConstraint] = []
        var keys: [TableConstraint] = []
        var foreignKeys: [TableConstraint] = []
        for constraint in constraints {
            switch constraint.kind {
            case .check: checks.append(constraint)
            case .primaryKey, .unique, .exclude: keys.append(constraint)
            case .foreignKey: foreignKeys.append(constraint)
            }
        }
        for constraint in checks + (merging ? Self.mergingRedundantKeys(keys) : keys) + foreignKeys {
            addConstraint(constraint, to: t)
        }
    }

    /// PostgreSQL's `transformIndexConstraints`: within one statement, the primary key comes
    /// first, and a primary key or unique constraint on the same columns, in the same order, as
    /// one already kept is merged into it (`id uuid PRIMARY KEY UNIQUE` and
    /// `UNIQUE (a, b), PRIMARY KEY (a, b)` leave only the primary key). When the kept one has no
    /// name, it takes the merged one's. In ALTER TABLE only the constraints of one column
    /// definition are merged (`ADD COLUMN c int PRIMARY KEY UNIQUE`), never separate actions or
    /// a constraint added by a later statement.
    /// INCLUDE columns, deferrability and NULLS NOT DISTINCT must be equal too.
    static func mergingRedundantKeys(_ keys: [TableConstraint]) -> [TableConstraint] {
        func columns(_ constraint: TableConstraint) -> [String]? {
            switch constraint.kind {
            case .primaryKey(let columns), .unique(let columns): columns
            default: nil
            }
        }
        var ordered = keys
        if let primary = ordered.firstIndex(where: { if case .primaryKey = $0.kind { true } else { false } }) {
            ordered.insert(ordered.remove(at: primary), at: 0)
        }
        var kept: [TableConstraint] = []
        for constraint in ordered {
            let isPrimary = if case .primaryKey = constraint.kind { true } else { false }
            // A second primary key is an error, reported when it is added.
            if !isPrimary, let own = columns(constraint), let earlier = kept.firstIndex(where: {
                columns($0) == own && $0.include == constraint.include && $0.isDeferrable == constraint.isDeferrable
                    && $0.isInitiallyDeferred == constraint.isInitiallyDeferred
                    && $0.nullsNotDistinct == constraint.nullsNotDistinct
            }) {
                if kept[earlier].name == nil { kept[earlier].name = constraint.name }
                continue
            }
            kept.append(constraint)
        }
        return kept
    }

    mutating func addConstraint(_ constraint: TableConstraint, to t: Int) {
        let table = schema.tables[t]
        let schemaName = table.name.schema
        func missingColumns(_ columns: [String]) -> Bool {
            var missing = false
            for column in columns where table.column(column) == nil {
                error("column \"\(column)\" named in key does not exist in table \"\(table.name.name)\"", at: constraint.columnLocations[column] ?? constraint.location)
                missing = true
            }
            return missing
        }
        if let name = constraint.name, constraintNameTaken(name, in: schemaName), table.primaryKey?.name == name || table.checks.contains(where: { $0.name == name }) || table.uniqueConstraints.contains(where: { $0.name == name }) || table.foreignKeys.contains(where: { $0.name == name }) {
            return error("constraint \"\(name)\" for relation \"\(table.name.name)\" already exists", at: constraint.location)
        }
        switch constraint.kind {
        case .primaryKey(let columns):
            guard !missingColumns(columns) else { return }
            guard table.primaryKey == nil else {
                return error("multiple primary keys for table \"\(table.name.name)\" are not allowed", at: constraint.location)
            }
            let name = constraint.name ?? GeneratedNames.choose(table.name.name, nil, "pkey") { relationNameTaken($0, in: schemaName) || constraintNameTaken($0, in: schemaName) }
            schema.tables[t].primaryKey = KeyConstraint(
                name: name, columns: columns, include: constraint.include.isEmpty ? nil : constraint.include, location: constraint.location
            )
            relationNames.insert(QualifiedName(schema: schemaName, name))
            constraintNames.insert(QualifiedName(schema: schemaName, name))
            for column in columns {
                if let c = schema.tables[t].columns.firstIndex(where: { $0.name == column }) { schema.tables[t].columns[c].isNotNull = true }
            }
        case .unique(let columns):
            guard !missingColumns(columns) else { return }
            // INCLUDE columns count for the name, as for an index.
            let name = constraint.name ?? GeneratedNames.choose(table.name.name, GeneratedNames.columnPart(GeneratedNames.indexColumnNames(columns + constraint.include)), "key") {
                relationNameTaken($0, in: schemaName) || constraintNameTaken($0, in: schemaName)
            }
            schema.tables[t].uniqueConstraints.append(KeyConstraint(
                name: name, columns: columns, include: constraint.include.isEmpty ? nil : constraint.include, location: constraint.location
            ))
            relationNames.insert(QualifiedName(schema: schemaName, name))
            constraintNames.insert(QualifiedName(schema: schemaName, name))
        case .foreignKey(let columns, let target, let referenced, let onDelete, let onUpdate):
            guard !missingColumns(columns) else { return }
            let targetName = target.qualified()
            guard let r = tableIndex(targetName) else {
                return error("relation \"\(target.name)\" does not exist", at: target.location, note: "create \(target.name) in an earlier migration than this foreign key")
            }
            let targetTable = schema.tables[r]
            var referencedColumns = referenced
            if referencedColumns.isEmpty {
                guard let key = targetTable.primaryKey else {
                    return error("there is no primary key for referenced table \"\(target.name)\"", at: target.location)
                }
                referencedColumns = key.columns
            }
            for column in referencedColumns where targetTable.column(column) == nil {
                return error(
                    "column \"\(column)\" referenced in foreign key constraint does not exist",
                    at: constraint.referencedColumnLocations[column] ?? target.location
                )
            }
            guard referencedColumns.count == columns.count else {
                return error("number of referencing and referenced columns for foreign key disagree", at: constraint.location)
            }
            guard let referencedIndex = Self.uniqueIndex(of: targetTable, covering: referencedColumns) else {
                return error("there is no unique constraint matching given keys for referenced table \"\(target.name)\"", at: target.location)
            }
            let name = constraint.name ?? GeneratedNames.choose(table.name.name, GeneratedNames.columnPart(columns), "fkey") { constraintNameTaken($0, in: schemaName) }
            schema.tables[t].foreignKeys.append(ForeignKey(
                name: name, columns: columns, referencedTable: targetName, referencedColumns: referencedColumns,
                onDelete: onDelete, onUpdate: onUpdate, referencedIndex: referencedIndex, location: constraint.location
            ))
            constraintNames.insert(QualifiedName(schema: schemaName, name))
        case .check(let expression):
            let referenced = referencedColumns(in: expression, of: table)
            let name = constraint.name ?? GeneratedNames.choose(table.name.name, referenced.count == 1 ? referenced[0] : nil, "check") { constraintNameTaken($0, in: schemaName) }
            schema.tables[t].checks.append(CheckConstraint(name: name, expression: expression, location: constraint.location))
            constraintNames.insert(QualifiedName(schema: schemaName, name))
        case .exclude(let elements):
            let name = constraint.name ?? GeneratedNames.choose(table.name.name, GeneratedNames.columnPart(GeneratedNames.indexColumnNames(exclusionColumns(elements) + constraint.include)), "excl") { relationNameTaken($0, in: schemaName) || constraintNameTaken($0, in: schemaName) }
            schema.tables[t].exclusions.append(CheckConstraint(name: name, expression: elements, location: constraint.location))
            relationNames.insert(QualifiedName(schema: schemaName, name))
            constraintNames.insert(QualifiedName(schema: schemaName, name))
        }
    }

    /// The column names PostgreSQL uses to name an exclusion constraint's index: each element's
    /// column, or the name ``GeneratedNames/expressionName(_:)`` gives an expression.
    private func exclusionColumns(_ elements: String) -> [String] {
        let source = SourceFile(path: "", text: elements)
        guard let tokens = Lexer.lex(source).statements.first?.tokens,
              let open = tokens.firstIndex(where: { $0.isSymbol("(") }) else { return [] }
        var names: [String] = []
        var depth = 0
        var elementStart = open + 1
        var withIndex: Int?
        for index in (open + 1)..<tokens.count {
            let token = tokens[index]
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isWord("with"), withIndex == nil { withIndex = index }
            if depth < 0 || (depth == 0 && token.isSymbol(",")) {
                if let withIndex, withIndex > elementStart {
                    let text = source.text(tokens[elementStart].start, tokens[withIndex - 1].end)
                    names.append(indexColumn(text) ?? GeneratedNames.expressionName(text))
                }
                elementStart = index + 1
                withIndex = nil
                if depth < 0 { break }
            }
        }
        return GeneratedNames.indexColumnNames(names)
    }

    /// The table's columns that an expression mentions, each once, in order of first mention.
    private func referencedColumns(in expression: String, of table: Table) -> [String] {
        let lexed = Lexer.lex(SourceFile(path: "", text: expression))
        var names: [String] = []
        for statement in lexed.statements {
            for (index, token) in statement.tokens.enumerated() where token.isIdentifier {
                let isCall = index + 1 < statement.tokens.count && statement.tokens[index + 1].isSymbol("(")
                if !isCall, table.column(token.value) != nil, !names.contains(token.value) { names.append(token.value) }
            }
        }
        return names
    }

    mutating func alterTable(_ name: NameRef, ifExists: Bool, actions: [AlterTableAction], at: SourceLocation) {
        guard var t = tableIndex(name.qualified()) else {
            // ALTER TABLE also takes views and sequences for what they share with tables (pg_dump
            // writes `ALTER TABLE public.v OWNER TO …` and `ALTER TABLE public.t_id_seq OWNER TO …`).
            if alterOtherRelation(name, actions: actions, at: at) { return }
            if !ifExists {
                error("relation \"\(name.name)\" does not exist", at: name.location, note: schema.views.contains { $0.name == name.qualified() } ? "\(name.name) is a view" : nil)
            }
            return
        }
        schema.tables[t].provenance.lastChanged = at
        let before = schema.tables[t]
        var pending: [TableConstraint] = []
        // What PostgreSQL refuses under inheritance (not when a parent's change is passed on).
        let checksInheritance = hasInheritance && !alteringInheritors
        let hasInheritors = checksInheritance && schema.tables.contains { $0.inherits.contains(before.name) }
        // Columns a parent passes on (PostgreSQL's attinhcount > 0), declared here too or not.
        let inherited: Set<String> = checksInheritance
            ? Set(before.inherits.compactMap { tableIndex($0) }.flatMap { schema.tables[$0].columns.map(\.name) }) : []
        for action in Self.inExecutionOrder(actions) {
            let tableName = schema.tables[t].name.name
            if let refusal = Self.inheritanceRefusal(action, only: name.only && hasInheritors, inherited: inherited) {
                error(refusal.message, at: refusal.location)
                continue
            }
            func column(_ columnName: String, _ location: SourceLocation) -> Int? {
                if let c = schema.tables[t].columns.firstIndex(where: { $0.name == columnName }) {
                    schema.tables[t].columns[c].provenance.lastChanged = at
                    return c
                }
                error("column \"\(columnName)\" of relation \"\(tableName)\" does not exist", at: location)
                return nil
            }
            switch action {
            case .addColumn(let definition, let ifNotExists):
                if ifNotExists, schema.tables[t].column(definition.name) != nil { continue }
                // Only the constraints of one column definition are merged in ALTER TABLE.
                var inline: [TableConstraint] = []
                addColumn(definition, to: t, at: definition.nameLocation, pending: &inline)
                checkGenerationExpression(of: definition, in: t)
                pending += inline.filter { !Self.isIndexConstraint($0) } + Self.mergingRedundantKeys(inline.filter(Self.isIndexConstraint))
            case .dropColumn(let columnName, let ifExists, let cascade, let location):
                guard schema.tables[t].column(columnName) != nil else {
                    if !ifExists { error("column \"\(columnName)\" of relation \"\(tableName)\" does not exist", at: location) }
                    continue
                }
                dropColumn(columnName, from: t, cascade: cascade, at: location)
                reindex()
            case .renameColumn(let old, let new, let location):
                guard let c = column(old, location) else { continue }
                guard schema.tables[t].column(new) == nil else {
                    error("column \"\(new)\" of relation \"\(tableName)\" already exists", at: location)
                    continue
                }
                renameColumn(old, to: new, in: t, c: c)
            case .alterColumnType(let columnName, let ref, let collation, let location):
                guard let c = column(columnName, location), let type = resolve(ref) else { continue }
                if let generated = schema.tables[t].columns.first(where: { $0.name != columnName && $0.generatedExpression.map { Self.mentions($0, columnName) } == true }) {
                    error("cannot alter type of a column used by a generated column", at: location, note: "column \"\(columnName)\" is used by generated column \"\(generated.name)\"")
                    continue
                }
                schema.tables[t].columns[c].type = type
                schema.tables[t].columns[c].collation = collation
                // PostgreSQL rebuilds the column's indexes from their definitions; a COLLATE that
                // is now the column's own is no longer printed.
                let altered = schema.tables[t]
                for i in altered.indexes.indices {
                    schema.tables[t].indexes[i].elements = altered.indexes[i].elements.map { Self.withoutOwnCollation($0, in: altered) }
                }
            case .setNotNull(let columnName, let location):
                guard let c = column(columnName, location) else { continue }
                schema.tables[t].columns[c].isNotNull = true
            case .dropNotNull(let columnName, let location):
                guard let c = column(columnName, location) else { continue }
                if schema.tables[t].primaryKey?.columns.contains(columnName) == true {
                    error("column \"\(columnName)\" is in a primary key", at: location)
                    continue
                }
                if schema.tables[t].columns[c].identity != nil {
                    error("column \"\(columnName)\" of relation \"\(tableName)\" is an identity column", at: location)
                    continue
                }
                schema.tables[t].columns[c].isNotNull = false
            case .setDefault(let columnName, let expression, let location):
                guard let c = column(columnName, location) else { continue }
                schema.tables[t].columns[c].defaultExpression = storedDefault(expression, for: schema.tables[t].columns[c].type)
            case .dropDefault(let columnName, let location):
                guard let c = column(columnName, location) else { continue }
                schema.tables[t].columns[c].defaultExpression = nil
            case .setIdentityKind(let columnName, let kind, let location):
                guard let c = column(columnName, location) else { continue }
                guard schema.tables[t].columns[c].identity != nil else {
                    error("column \"\(columnName)\" of relation \"\(tableName)\" is not an identity column", at: location)
                    continue
                }
                schema.tables[t].columns[c].identity = kind
            case .addIdentity(let columnName, let kind, let sequenceName, let location):
                guard let c = column(columnName, location) else { continue }
                guard schema.tables[t].columns[c].isNotNull else {
                    error("column \"\(columnName)\" of relation \"\(tableName)\" must be declared NOT NULL before identity can be added", at: location)
                    continue
                }
                schema.tables[t].columns[c].identity = kind
                schema.tables[t].columns[c].sequence = newSequence(for: tableName, columnName, in: schema.tables[t].name.schema, named: sequenceName)
            case .dropIdentity(let columnName, let ifExists, let location):
                guard let c = column(columnName, location) else { continue }
                if schema.tables[t].columns[c].identity == nil, !ifExists {
                    error("column \"\(columnName)\" of relation \"\(tableName)\" is not an identity column", at: location)
                }
                if schema.tables[t].columns[c].identity != nil { schema.tables[t].columns[c].sequence = nil }
                schema.tables[t].columns[c].identity = nil
                reindex()
            case .dropExpression(let columnName, let location):
                guard let c = column(columnName, location) else { continue }
                schema.tables[t].columns[c].generatedExpression = nil
            case .addConstraint(let constraint):
                pending.append(constraint)
            case .dropConstraint(let constraintName, let ifExists, let cascade, let location):
                if !constraintExists(constraintName, in: t) {
                    if !ifExists { error("constraint \"\(constraintName)\" of relation \"\(tableName)\" does not exist", at: location) }
                    continue
                }
                guard releaseDependentForeignKeys(
                    of: constraintName, in: t, cascade: cascade,
                    what: "constraint \(constraintName) on table \(tableName)", at: location
                ) else { continue }
                dropConstraint(constraintName, from: t)
                reindex()
            case .renameTable(let newName):
                let old = schema.tables[t].name
                let new = QualifiedName(schema: old.schema, newName)
                guard !relationNameTaken(newName, in: old.schema), !typeNameTaken(new) else {
                    error("relation \"\(newName)\" already exists", at: name.location)
                    continue
                }
                moveTable(t, to: new)
            case .renameConstraint(let old, let new, let location):
                if !renameConstraint(old, to: new, in: t) {
                    error("constraint \"\(old)\" for table \"\(tableName)\" does not exist", at: location)
                }
                reindex()
            case .setSchema(let schemaName):
                guard schemaExists(schemaName) else {
                    error("schema \"\(schemaName)\" does not exist", at: name.location)
                    continue
                }
                moveTable(t, to: QualifiedName(schema: schemaName, schema.tables[t].name.name))
            case .addConstraintUsingIndex(let constraintName, let primaryKey, let indexName, let location):
                addConstraint(usingIndex: indexName, name: constraintName, primaryKey: primaryKey, to: t, at: location)
            case .attachPartition(let partition):
                attachPartition(partition, to: t, at: at)
            case .inherit(let parent):
                addInheritance(parent, to: t)
            case .noInherit(let parent):
                removeInheritance(parent, from: t)
            case .detachPartition(let partition):
                guard let c = tableIndex(partition.qualified()), schema.tables[c].partitionOf == schema.tables[t].name else {
                    error("relation \"\(partition.name)\" is not a partition of relation \"\(tableName)\"", at: partition.location)
                    continue
                }
                schema.tables[c].partitionOf = nil
            case .ignored:
                break
            }
            t = tableIndex(schema.tables[t].name) ?? t
        }
        addConstraints(pending, to: t, at: at, merging: false)
        let parent = schema.tables[t].name
        if !name.only, hasPartitions, schema.tables.contains(where: { $0.partitionOf == parent }) {
            alterPartitions(of: parent, like: actions, before: before, at: at)
        }
        // A change passed on to inheritors (`alterInheritors`) goes no further by itself.
        if checksInheritance, schema.tables.contains(where: { $0.inherits.contains(parent) }) {
            if name.only {
                // A column dropped from the parent alone becomes its children's own.
                for case .dropColumn(let column, _, _, _) in actions {
                    for c in schema.tables.indices where schema.tables[c].inherits.contains(parent) {
                        schema.tables[c].inheritedColumns.removeAll { $0 == column }
                    }
                }
            } else {
                alterInheritors(of: parent, like: actions, before: before, at: at)
            }
        }
    }

    /// An action PostgreSQL refuses on a table with children under `ONLY` (the children must
    /// change too), or on a column the table inherited.
    static func inheritanceRefusal(_ action: AlterTableAction, only: Bool, inherited: Set<String>) -> (message: String, location: SourceLocation)? {
        switch action {
        case .addColumn(let definition, _) where only:
            return ("column must be added to child tables too", definition.nameLocation)
        case .renameColumn(let column, _, let location):
            if only { return ("inherited column \"\(column)\" must be renamed in child tables too", location) }
            if inherited.contains(column) { return ("cannot rename inherited column \"\(column)\"", location) }
        case .alterColumnType(let column, _, _, let location):
            if only { return ("type of inherited column \"\(column)\" must be changed in child tables too", location) }
            if inherited.contains(column) { return ("cannot alter inherited column \"\(column)\"", location) }
        case .dropColumn(let column, _, _, let location) where inherited.contains(column):
            return ("cannot drop inherited column \"\(column)\"", location)
        default:
            break
        }
        return nil
    }

    /// PostgreSQL runs the actions of one ALTER TABLE in passes, not as written: all drops first
    /// (DROP DEFAULT included), then type changes, added columns, column attributes, added
    /// indexes and constraints (SET DEFAULT included), then the rest; in writing order within a
    /// pass. `SET DEFAULT 1, DROP DEFAULT` therefore leaves the default set.
    static func inExecutionOrder(_ actions: [AlterTableAction]) -> [AlterTableAction] {
        func pass(_ action: AlterTableAction) -> Int {
            switch action {
            case .dropColumn, .dropDefault, .dropNotNull, .dropIdentity, .dropExpression, .dropConstraint: 0
            case .alterColumnType: 1
            case .addColumn: 4
            case .setNotNull: 5
            case .addConstraint(let constraint):
                switch constraint.kind {
                case .primaryKey, .unique: 6
                default: 7
                }
            case .setDefault, .addIdentity: 7
            default: 8
            }
        }
        return actions.enumerated().sorted { (pass($0.element), $0.offset) < (pass($1.element), $1.offset) }.map(\.element)
    }

    /// A composite type's attribute renamed: expressions select it as `(column).field`, and
    /// PostgreSQL prints the new name there, for the tables' columns of that type.
    mutating func renameField(_ old: String, to new: String, ofType type: QualifiedName) {
        func renamed(_ expression: String, columns: Set<String>) -> String {
            let source = SourceFile(path: "", text: expression)
            guard expression.contains(old) || old.contains("\""), let tokens = Lexer.lex(source).statements.first?.tokens else { return expression }
            var bytes = source.bytes
            for index in tokens.indices.reversed() where index >= 4 && tokens[index].isIdentifier && tokens[index].value == old {
                // `( column ) . field`
                guard tokens[index - 1].isSymbol("."), tokens[index - 2].isSymbol(")"), tokens[index - 3].isIdentifier,
                      columns.contains(tokens[index - 3].value), tokens[index - 4].isSymbol("(") else { continue }
                bytes.replaceSubrange(tokens[index].start..<tokens[index].end, with: Array(Self.quotedIfNeeded(new).utf8))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        for t in schema.tables.indices {
            let columns = Set(schema.tables[t].columns.filter { $0.type.qualifiedName == type }.map(\.name))
            guard !columns.isEmpty else { continue }
            for c in schema.tables[t].columns.indices {
                if let expression = schema.tables[t].columns[c].defaultExpression { schema.tables[t].columns[c].defaultExpression = renamed(expression, columns: columns) }
                if let expression = schema.tables[t].columns[c].generatedExpression { schema.tables[t].columns[c].generatedExpression = renamed(expression, columns: columns) }
            }
            for k in schema.tables[t].checks.indices { schema.tables[t].checks[k].expression = renamed(schema.tables[t].checks[k].expression, columns: columns) }
            for i in schema.tables[t].indexes.indices {
                for e in schema.tables[t].indexes[i].elements.indices {
                    schema.tables[t].indexes[i].elements[e] = renamed(schema.tables[t].indexes[i].elements[e], columns: columns)
                }
                if let predicate = schema.tables[t].indexes[i].predicate { schema.tables[t].indexes[i].predicate = renamed(predicate, columns: columns) }
            }
        }
    }

    /// Defaults name a sequence by its OID: after it is renamed or moved to another schema,
    /// PostgreSQL prints its name as it is now (qualified outside `public`), however the
    /// default was written.
    mutating func renameSequenceInDefaults(_ old: QualifiedName, to new: QualifiedName) {
        func spelled(_ name: QualifiedName, qualified: Bool) -> String {
            "nextval('\(qualified ? Self.quotedIfNeeded(name.schema) + "." : "")\(Self.quotedIfNeeded(name.name))'"
        }
        let newText = spelled(new, qualified: new.schema != "public")
        for t in schema.tables.indices {
            // Unqualified, the name is the sequence's only in a table of its own schema (the one
            // it was most likely written under); a `'name'::text` argument is looked up at each
            // call, not bound, so it is left as written.
            var spellings = [spelled(old, qualified: true), "nextval('\"\(old.schema)\".\"\(old.name)\"'"]
            if schema.tables[t].name.schema == old.schema { spellings += [spelled(old, qualified: false), "nextval('\"\(old.name)\"'"] }
            for c in schema.tables[t].columns.indices {
                guard let expression = schema.tables[t].columns[c].defaultExpression, expression.contains("nextval(") else { continue }
                var changed = expression
                for spelling in spellings {
                    for suffix in ["::regclass", ")"] { changed = changed.replacingOccurrences(of: spelling + suffix, with: newText + suffix) }
                }
                if changed != expression { schema.tables[t].columns[c].defaultExpression = changed }
            }
        }
    }

    mutating func moveTable(_ t: Int, to new: QualifiedName) {
        keepViewSources(ofTable: t)
        let old = schema.tables[t].name
        // Its own sequences (serial columns' and those OWNED BY it) move with it to a new schema.
        if old.schema != new.schema {
            let owned = schema.tables[t].columns.compactMap(\.sequence)
                + schema.sequences.filter { $0.ownerTable == old }.map(\.name.name)
            for sequence in owned {
                renameSequenceInDefaults(QualifiedName(schema: old.schema, sequence), to: QualifiedName(schema: new.schema, sequence))
            }
        }
        schema.tables[t].name = new
        for p in schema.tables.indices where schema.tables[p].partitionOf == old { schema.tables[p].partitionOf = new }
        if hasInheritance {
            for c in schema.tables.indices where schema.tables[c].inherits.contains(old) {
                schema.tables[c].inherits = schema.tables[c].inherits.map { $0 == old ? new : $0 }
            }
        }
        for s in schema.sequences.indices where schema.sequences[s].ownerTable == old {
            schema.sequences[s].ownerTable = new
            schema.sequences[s].name.schema = new.schema
        }
        for other in schema.tables.indices {
            for f in schema.tables[other].foreignKeys.indices where schema.tables[other].foreignKeys[f].referencedTable == old {
                schema.tables[other].foreignKeys[f].referencedTable = new
            }
        }
        retype(from: old, to: new)
        renameDependency(old, to: new)
        reindex()
    }

    private mutating func renameColumn(_ old: String, to new: String, in t: Int, c: Int) {
        keepViewSources(ofTable: t)
        renameViewSourceColumn(old, to: new, of: schema.tables[t].name)
        schema.tables[t].columns[c].name = new
        for s in schema.sequences.indices where schema.sequences[s].ownerTable == schema.tables[t].name && schema.sequences[s].ownerColumn == old {
            schema.sequences[s].ownerColumn = new
        }
        func rename(_ list: inout [String]) { list = list.map { $0 == old ? new : $0 } }
        // Expressions name columns by number in PostgreSQL: they follow the rename.
        func renameIn(_ expression: inout String) { expression = Self.renaming(old, to: new, in: expression) }
        if schema.tables[t].primaryKey != nil {
            rename(&schema.tables[t].primaryKey!.columns)
            if schema.tables[t].primaryKey!.include != nil { rename(&schema.tables[t].primaryKey!.include!) }
        }
        for u in schema.tables[t].uniqueConstraints.indices {
            rename(&schema.tables[t].uniqueConstraints[u].columns)
            if schema.tables[t].uniqueConstraints[u].include != nil { rename(&schema.tables[t].uniqueConstraints[u].include!) }
        }
        for f in schema.tables[t].foreignKeys.indices { rename(&schema.tables[t].foreignKeys[f].columns) }
        for i in schema.tables[t].indexes.indices {
            for e in schema.tables[t].indexes[i].elements.indices { renameIn(&schema.tables[t].indexes[i].elements[e]) }
            rename(&schema.tables[t].indexes[i].include)
            if schema.tables[t].indexes[i].predicate != nil { renameIn(&schema.tables[t].indexes[i].predicate!) }
        }
        for k in schema.tables[t].checks.indices { renameIn(&schema.tables[t].checks[k].expression) }
        for x in schema.tables[t].exclusions.indices { renameIn(&schema.tables[t].exclusions[x].expression) }
        for c in schema.tables[t].columns.indices where schema.tables[t].columns[c].generatedExpression != nil {
            renameIn(&schema.tables[t].columns[c].generatedExpression!)
        }
        let tableName = schema.tables[t].name
        for other in schema.tables.indices {
            for f in schema.tables[other].foreignKeys.indices where schema.tables[other].foreignKeys[f].referencedTable == tableName {
                rename(&schema.tables[other].foreignKeys[f].referencedColumns)
            }
        }
    }

    /// Drops a column and what depends on it in its table: keys, indexes, checks and exclusions
    /// that use it. What depends on it elsewhere (foreign keys to it, generated columns, views)
    /// needs CASCADE, as in PostgreSQL: without it the drop is refused.
    private mutating func dropColumn(_ name: String, from t: Int, cascade: Bool, at location: SourceLocation) {
        let table = schema.tables[t]
        let tableName = table.name
        var blockers: [String] = []
        for other in schema.tables.indices {
            // A key of this table whose own columns include this one goes with the column.
            for key in schema.tables[other].foreignKeys where key.referencedTable == tableName && key.referencedColumns.contains(name)
                && !(other == t && key.columns.contains(name)) {
                blockers.append("constraint \(key.name) on table \(schema.tables[other].name.name)")
            }
        }
        let generated = table.columns.filter { $0.name != name && $0.generatedExpression.map { Self.mentions($0, name) } == true }.map(\.name)
        blockers += generated.map { "column \($0) of table \(tableName.name)" }
        if !blockers.isEmpty, !cascade {
            return error(
                "cannot drop column \(name) of table \(tableName.name) because other objects depend on it", at: location,
                note: "\(blockers.joined(separator: ", ")) depends on column \(name); drop it first, or add CASCADE"
            )
        }
        if cascade {
            dropColumnCascading(name, from: t)
        } else {
            dropColumn(name, from: t)
        }
    }

    /// Drops a column with everything that depends on it: what ``dropColumn(_:from:)`` drops,
    /// and the generated columns and views that use it.
    private mutating func dropColumnCascading(_ name: String, from t: Int) {
        let tableName = schema.tables[t].name
        // Before the column goes: a view that read it since its rename names it as it was.
        let dependentViews = views(mentioning: tableName, column: name)
        let generated = schema.tables[t].columns.filter { $0.name != name && $0.generatedExpression.map { Self.mentions($0, name) } == true }.map(\.name)
        dropColumn(name, from: t)
        for column in generated where schema.tables[t].column(column) != nil { dropColumnCascading(column, from: t) }
        dropViews(dependentViews)
    }

    /// Drops a column with the objects of its own table that need it, and foreign keys to it.
    private mutating func dropColumn(_ name: String, from t: Int) {
        schema.tables[t].columns.removeAll { $0.name == name }
        renameViewSourceColumn(name, to: nil, of: schema.tables[t].name)
        if let key = schema.tables[t].primaryKey, key.columns.contains(name) || key.include?.contains(name) == true { schema.tables[t].primaryKey = nil }
        schema.tables[t].uniqueConstraints.removeAll { $0.columns.contains(name) || $0.include?.contains(name) == true }
        schema.tables[t].foreignKeys.removeAll { $0.columns.contains(name) }
        schema.tables[t].indexes.removeAll { index in
            index.include.contains(name) || index.elements.contains { Self.mentions($0, name) } || index.predicate.map { Self.mentions($0, name) } == true
        }
        schema.tables[t].checks.removeAll { Self.mentions($0.expression, name) }
        schema.tables[t].exclusions.removeAll { Self.mentions($0.expression, name) }
        let tableName = schema.tables[t].name
        // Foreign keys that depended on a key of this table that is now gone.
        let keys = Set((schema.tables[t].primaryKey.map { [$0.name] } ?? []) + schema.tables[t].uniqueConstraints.map(\.name) + schema.tables[t].indexes.map(\.name))
        for other in schema.tables.indices {
            schema.tables[other].foreignKeys.removeAll {
                $0.referencedTable == tableName && ($0.referencedColumns.contains(name) || !keys.contains($0.referencedIndex))
            }
        }
    }

    /// Whether `expression` names `column` as an identifier where a column can stand: not inside
    /// a string, nor a field, function, type or keyword of that name (`columnPositions`).
    static func mentions(_ expression: String, _ column: String) -> Bool {
        Lexer.lex(SourceFile(path: "", text: expression)).statements.contains { statement in
            let tokens = statement.tokens
            guard tokens.contains(where: { $0.isIdentifier && $0.value == column }) else { return false }
            let positions = columnPositions(tokens)
            return tokens.indices.contains { positions[$0] && tokens[$0].value == column }
        }
    }

    private func constraintExists(_ name: String, in t: Int) -> Bool {
        let table = schema.tables[t]
        return table.primaryKey?.name == name || table.uniqueConstraints.contains { $0.name == name }
            || table.foreignKeys.contains { $0.name == name } || table.checks.contains { $0.name == name }
            || table.exclusions.contains { $0.name == name }
    }

    @discardableResult
    mutating func dropConstraint(_ name: String, from t: Int) -> Bool {
        if schema.tables[t].primaryKey?.name == name {
            schema.tables[t].primaryKey = nil
            return true
        }
        let before = constraintCount(t)
        schema.tables[t].uniqueConstraints.removeAll { $0.name == name }
        schema.tables[t].foreignKeys.removeAll { $0.name == name }
        schema.tables[t].checks.removeAll { $0.name == name }
        schema.tables[t].exclusions.removeAll { $0.name == name }
        return constraintCount(t) < before
    }

    private func constraintCount(_ t: Int) -> Int {
        let table = schema.tables[t]
        return table.uniqueConstraints.count + table.foreignKeys.count + table.checks.count + table.exclusions.count
    }

    private func constraintHasIndex(_ name: String, in table: Table) -> Bool {
        table.primaryKey?.name == name || table.uniqueConstraints.contains { $0.name == name } || table.exclusions.contains { $0.name == name }
    }

    /// Foreign keys that depend on a renamed unique index follow the new name.
    private mutating func renameReferencedIndex(_ old: String, to new: String, of t: Int) {
        let target = schema.tables[t].name
        for other in schema.tables.indices {
            for f in schema.tables[other].foreignKeys.indices
            where schema.tables[other].foreignKeys[f].referencedTable == target && schema.tables[other].foreignKeys[f].referencedIndex == old {
                schema.tables[other].foreignKeys[f].referencedIndex = new
            }
        }
    }

    private mutating func renameConstraint(_ old: String, to new: String, in t: Int) -> Bool {
        if constraintHasIndex(old, in: schema.tables[t]) { renameReferencedIndex(old, to: new, of: t) }
        if schema.tables[t].primaryKey?.name == old {
            schema.tables[t].primaryKey?.name = new
            return true
        }
        if let u = schema.tables[t].uniqueConstraints.firstIndex(where: { $0.name == old }) {
            schema.tables[t].uniqueConstraints[u].name = new
            return true
        }
        if let f = schema.tables[t].foreignKeys.firstIndex(where: { $0.name == old }) {
            schema.tables[t].foreignKeys[f].name = new
            return true
        }
        if let c = schema.tables[t].checks.firstIndex(where: { $0.name == old }) {
            schema.tables[t].checks[c].name = new
            return true
        }
        if let e = schema.tables[t].exclusions.firstIndex(where: { $0.name == old }) {
            schema.tables[t].exclusions[e].name = new
            return true
        }
        return false
    }

    // MARK: - Indexes

    func indexPosition(_ name: String, in schemaName: String) -> (Int, Int)? {
        for t in schema.tables.indices where schema.tables[t].name.schema == schemaName {
            if let i = schema.tables[t].indexes.firstIndex(where: { $0.name == name }) { return (t, i) }
        }
        return nil
    }

    mutating func createIndex(
        name: NameRef?, table: NameRef, unique: Bool, ifNotExists: Bool, method: String, elements: [String],
        elementLocations: [SourceLocation], include: [String], predicate: String?, at: SourceLocation
    ) {
        guard let t = tableIndex(table.qualified()) else {
            if let v = schema.views.firstIndex(where: { $0.name == table.qualified() && $0.isMaterialized }) {
                return createViewIndex(name: name, view: v, unique: unique, ifNotExists: ifNotExists, method: method, elements: elements, include: include, predicate: predicate, at: at)
            }
            return error("relation \"\(table.name)\" does not exist", at: table.location)
        }
        let schemaName = schema.tables[t].name.schema
        for (element, location) in zip(elements, elementLocations) {
            if let column = indexColumn(element), schema.tables[t].column(column) == nil {
                return error("column \"\(column)\" does not exist in table \"\(table.name)\"", at: location)
            }
        }
        for column in include where schema.tables[t].column(column) == nil {
            return error("column \"\(column)\" does not exist in table \"\(table.name)\"", at: table.location)
        }
        guard let indexName = newIndexName(name, on: schema.tables[t].name.name, in: schemaName, elements: elements, include: include, ifNotExists: ifNotExists) else {
            return
        }
        // Elements are kept as written, with their order, operator class and collation; names
        // longer than 63 bytes are cut as PostgreSQL cuts them.
        let indexed = schema.tables[t]
        let normalized = elements.map(Self.truncatingLongIdentifiers).map { Self.withoutOwnCollation($0, in: indexed) }
        schema.tables[t].indexes.append(Index(
            name: indexName, isUnique: unique, method: method, elements: normalized, include: include, predicate: predicate, location: at
        ))
        relationNames.insert(QualifiedName(schema: schemaName, indexName))
        // An index on a partitioned table is made on each partition too, named after the partition,
        // unless the partition has an equivalent one already (it is attached) or ONLY was written.
        let parent = schema.tables[t].name
        let made = schema.tables[t].indexes.last!
        let children = hasPartitions && !table.only ? schema.tables.filter { $0.partitionOf == parent && !hasEquivalent(.index(made), in: $0) } : []
        for child in children.map(\.name) {
            createIndex(
                name: nil, table: NameRef(schema: child.schema, name: child.name, location: at), unique: unique, ifNotExists: false,
                method: method, elements: normalized, elementLocations: normalized.map { _ in at }, include: include, predicate: predicate, at: at
            )
        }
    }

    /// An index element `c COLLATE x` whose x is the column's own collation (`"default"` for
    /// one without): PostgreSQL keeps no COLLATE there and prints none.
    static func withoutOwnCollation(_ element: String, in table: Table) -> String {
        guard element.utf8.count > 8, element.lowercased().contains("collate"),
              let tokens = Lexer.lex(SourceFile(path: "", text: element)).statements.first?.tokens,
              tokens.count >= 3, tokens[0].isIdentifier, tokens[1].isWord("collate"),
              let column = table.column(tokens[0].value) else { return element }
        // `COLLATE "C"` or `COLLATE pg_catalog."C"`
        var end = 2
        if tokens.count > 4, tokens[3].isSymbol("."), tokens[2].isIdentifier, tokens[2].value == "pg_catalog" { end = 4 }
        guard tokens[end].isIdentifier else { return element }
        let written = tokens[end].value
        let own = column.collation.map { $0 == "pg_catalog.default" ? "default" : $0 } ?? "default"
        guard written == own || written == "default" && own == "default" else { return element }
        let bytes = Array(element.utf8)
        let before = String(decoding: bytes[..<tokens[1].start], as: UTF8.self)
        let after = String(decoding: bytes[tokens[end].end...], as: UTF8.self)
        return (before.hasSuffix(" ") && after.hasPrefix(" ") ? String(before.dropLast()) : before) + after
    }

    /// The column an index element names, when it is a plain column (with any opclass, order,
    /// nulls order or collation); `nil` for an expression.
    func indexColumn(_ element: String) -> String? { Index.column(of: element) }

    // MARK: - Drop

    private mutating func drop(_ kind: DroppableKind, _ name: NameRef, ifExists: Bool, cascade: Bool) {
        let qualified = name.qualified()
        switch kind {
        case .table:
            guard let t = tableIndex(qualified) else {
                if !ifExists { error("table \"\(name.name)\" does not exist", at: name.location) }
                return
            }
            // Tables dropped by the same statement do not hold the drop back.
            let dependents = schema.tables.indices.filter {
                $0 != t && !droppingTogether.contains(schema.tables[$0].name) && schema.tables[$0].foreignKeys.contains { $0.referencedTable == qualified }
            }
            if !dependents.isEmpty, !cascade {
                return error(
                    "cannot drop table \(name.name) because other objects depend on it", at: name.location,
                    note: "\(dependents.map { schema.tables[$0].name.name }.joined(separator: ", ")) has a foreign key to it; drop that first, or use DROP … CASCADE"
                )
            }
            let inheritors = !hasInheritance ? [] : schema.tables.filter { $0.inherits.contains(qualified) && !droppingTogether.contains($0.name) }.map(\.name)
            if !inheritors.isEmpty, !cascade {
                return error(
                    "cannot drop table \(name.name) because other objects depend on it", at: name.location,
                    note: "\(inheritors.map(\.name).joined(separator: ", ")) inherits from it; drop that first, or use DROP … CASCADE"
                )
            }
            // Its sequences (serials', and those OWNED BY it) go with it, and so do the defaults
            // of other tables that use them (a LIKE … INCLUDING DEFAULTS copy's).
            let owned = schema.tables[t].columns.compactMap(\.sequence) + schema.sequences.filter { $0.ownerTable == qualified }.map(\.name.name)
            let sequenceUsers = owned.flatMap { columnsUsingSequence(QualifiedName(schema: qualified.schema, $0)) }
                .filter { $0.table != t && !droppingTogether.contains(schema.tables[$0.table].name) }
            if !sequenceUsers.isEmpty, !cascade {
                let user = sequenceUsers[0]
                return error(
                    "cannot drop table \(name.name) because other objects depend on it", at: name.location,
                    note: "the default of column \(schema.tables[user.table].columns[user.column].name) of table \(schema.tables[user.table].name.name) uses its sequence; drop that default first, or use DROP … CASCADE"
                )
            }
            for user in sequenceUsers { schema.tables[user.table].columns[user.column].defaultExpression = nil }
            for other in dependents { schema.tables[other].foreignKeys.removeAll { $0.referencedTable == qualified } }
            schema.tables.remove(at: t)
            if hasInheritance {
                for c in schema.tables.indices where schema.tables[c].inherits.contains(qualified) { schema.tables[c].inherits.removeAll { $0 == qualified } }
            }
            if !inheritors.isEmpty { reindex() }
            for child in inheritors {
                drop(.table, NameRef(schema: child.schema, name: child.name, location: name.location), ifExists: true, cascade: true)
            }
            dropPartitions(of: qualified)
            reindex()
            dropColumns(ofType: qualified)
            if cascade { dropViews(views(mentioning: qualified)) }
        case .view, .materializedView:
            guard let v = schema.views.firstIndex(where: { $0.name == qualified }) else {
                if !ifExists { error("view \"\(name.name)\" does not exist", at: name.location) }
                return
            }
            schema.views.remove(at: v)
            if cascade { dropViews(views(mentioning: qualified)) }
        case .index:
            if let v = schema.views.firstIndex(where: { $0.name.schema == qualified.schema && $0.indexes.contains { $0.name == name.name } }) {
                schema.views[v].indexes.removeAll { $0.name == name.name }
                return
            }
            guard let (t, i) = indexPosition(name.name, in: qualified.schema) else {
                if let owner = schema.tables.first(where: { table in
                    table.name.schema == qualified.schema && ((table.primaryKey.map { [$0] } ?? []) + table.uniqueConstraints).contains { $0.name == name.name }
                        || table.name.schema == qualified.schema && table.exclusions.contains { $0.name == name.name }
                }) {
                    return error(
                        "cannot drop index \(name.name) because constraint \(name.name) on table \(owner.name.name) requires it", at: name.location,
                        note: "drop the constraint instead: ALTER TABLE \(owner.name.name) DROP CONSTRAINT \(name.name)"
                    )
                }
                if !ifExists { error("index \"\(name.name)\" does not exist", at: name.location) }
                return
            }
            guard releaseDependentForeignKeys(of: name.name, in: t, cascade: cascade, what: "index \(name.name)", at: name.location) else { return }
            let dropped = schema.tables[t].indexes.remove(at: i)
            // The partitions' copies of a partitioned table's index go with it.
            let parent = schema.tables[t].name
            for p in schema.tables.indices where schema.tables[p].partitionOf == parent {
                schema.tables[p].indexes.removeAll {
                    $0.elements == dropped.elements && $0.method == dropped.method && $0.isUnique == dropped.isUnique && $0.predicate == dropped.predicate
                }
            }
        case .type, .domain:
            let users = columnsUsing(qualified)
            if !users.isEmpty, !cascade {
                return error(
                    "cannot drop type \(name.name) because other objects depend on it", at: name.location,
                    note: "column \(users.joined(separator: ", ")) uses it; drop or retype it first, or use DROP … CASCADE"
                )
            }
            // Views that cast to it (`'happy'::mood`) depend on it too.
            let castingViews = viewsCasting(to: qualified)
            if !castingViews.isEmpty, !cascade {
                return error(
                    "cannot drop type \(name.name) because other objects depend on it", at: name.location,
                    note: "view \(castingViews.map(\.name).joined(separator: ", ")) uses it; drop it first, or use DROP … CASCADE"
                )
            }
            dropViews(castingViews)
            let before = schema.enums.count + schema.composites.count + schema.domains.count
            if kind == .type {
                schema.enums.removeAll { $0.name == qualified }
                schema.composites.removeAll { $0.name == qualified }
            } else {
                schema.domains.removeAll { $0.name == qualified }
            }
            if schema.enums.count + schema.composites.count + schema.domains.count == before {
                if !ifExists { error("type \"\(name.name)\" does not exist", at: name.location) }
                return
            }
            dropColumns(ofType: qualified)
        case .schema:
            guard let s = schema.schemas.firstIndex(of: name.name) else {
                if !ifExists { error("schema \"\(name.name)\" does not exist", at: name.location) }
                return
            }
            let holdsObjects = schema.tables.contains { $0.name.schema == name.name } || schema.enums.contains { $0.name.schema == name.name }
                || schema.domains.contains { $0.name.schema == name.name } || schema.composites.contains { $0.name.schema == name.name }
                || schema.views.contains { $0.name.schema == name.name }
            if holdsObjects, !cascade {
                return error("cannot drop schema \(name.name) because other objects depend on it", at: name.location)
            }
            schema.schemas.remove(at: s)
            let dropped = schema.tables.filter { $0.name.schema == name.name }.map(\.name)
            let droppedTypes = (schema.enums.map(\.name) + schema.composites.map(\.name) + schema.domains.map(\.name)).filter { $0.schema == name.name }
            let droppedViews = schema.views.filter { $0.name.schema == name.name }.map(\.name)
            schema.tables.removeAll { $0.name.schema == name.name }
            schema.enums.removeAll { $0.name.schema == name.name }
            schema.domains.removeAll { $0.name.schema == name.name }
            schema.composites.removeAll { $0.name.schema == name.name }
            schema.views.removeAll { $0.name.schema == name.name }
            schema.sequences.removeAll { $0.name.schema == name.name }
            // What other schemas had that depends on them goes too: foreign keys, columns, views.
            for t in schema.tables.indices { schema.tables[t].foreignKeys.removeAll { dropped.contains($0.referencedTable) } }
            reindex()
            for type in droppedTypes + dropped { dropColumns(ofType: type) }
            dropViews((dropped + droppedViews).flatMap { views(mentioning: $0) })
        case .sequence:
            dropSequence(name, ifExists: ifExists, cascade: cascade)
        case .extension:
            guard let e = schema.extensions.firstIndex(of: name.name) else {
                if !ifExists { error("extension \"\(name.name)\" does not exist", at: name.location) }
                return
            }
            schema.extensions.remove(at: e)
            if cascade {
                // Columns of the extension's types, and what calls its functions, go with it.
                for type in Self.extensionTypes[name.name] ?? [] {
                    for t in schema.tables.indices {
                        for column in schema.tables[t].columns where column.type.schema == nil && column.type.name == type {
                            dropColumnCascading(column.name, from: t)
                        }
                    }
                }
                for function in Self.extensionFunctions[name.name] ?? [] { dropUses(ofFunction: function) }
                reindex()
            }
        }
    }

    /// Functions of common extensions that defaults and checks call.
    static let extensionFunctions: [String: [String]] = [
        "uuid-ossp": ["uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v3", "uuid_generate_v4", "uuid_generate_v5", "uuid_nil"],
        "pgcrypto": ["crypt", "gen_salt", "digest", "hmac", "encrypt", "decrypt", "pgp_sym_encrypt", "pgp_sym_decrypt"],
        "pg_trgm": ["similarity", "word_similarity", "show_trgm"],
        "unaccent": ["unaccent"],
    ]

    /// What dropping a function with CASCADE takes along: the defaults that call it are removed,
    /// and the checks, indexes and generated columns that call it are dropped.
    mutating func dropUses(ofFunction name: String) {
        func calls(_ expression: String) -> Bool {
            guard expression.contains(name) else { return false }
            guard let tokens = Lexer.lex(SourceFile(path: "", text: expression)).statements.first?.tokens else { return false }
            return tokens.indices.dropLast().contains { tokens[$0].isIdentifier && tokens[$0].value == name && tokens[$0 + 1].isSymbol("(") }
        }
        for t in schema.tables.indices {
            for c in schema.tables[t].columns.indices where schema.tables[t].columns[c].defaultExpression.map(calls) == true {
                schema.tables[t].columns[c].defaultExpression = nil
            }
            schema.tables[t].checks.removeAll { calls($0.expression) }
            schema.tables[t].indexes.removeAll { index in index.elements.contains(where: calls) || index.predicate.map(calls) == true }
            for column in schema.tables[t].columns where column.generatedExpression.map(calls) == true { dropColumn(column.name, from: t) }
        }
        reindex()
    }

    private func columnsUsing(_ type: QualifiedName) -> [String] {
        var users: [String] = []
        for table in schema.tables {
            for column in table.columns where column.type.qualifiedName == type { users.append("\(table.name.name).\(column.name)") }
        }
        for composite in schema.composites {
            for attribute in composite.attributes where attribute.type.qualifiedName == type { users.append("\(composite.name.name).\(attribute.name)") }
        }
        for domain in schema.domains where domain.baseType.qualifiedName == type { users.append(domain.name.name) }
        return users
    }

    /// DROP … CASCADE of a type drops the columns that have it.
    /// It also drops the domains over that type, and their columns in turn.
    /// DROP TYPE … CASCADE: the columns of the type go, with what uses them (views too).
    private mutating func dropColumns(ofType type: QualifiedName) {
        for t in schema.tables.indices {
            for column in schema.tables[t].columns where column.type.qualifiedName == type { dropColumnCascading(column.name, from: t) }
        }
        for c in schema.composites.indices { schema.composites[c].attributes.removeAll { $0.type.qualifiedName == type } }
        let domains = schema.domains.filter { $0.baseType.qualifiedName == type }.map(\.name)
        schema.domains.removeAll { $0.baseType.qualifiedName == type }
        for domain in domains { dropColumns(ofType: domain) }
    }

    // MARK: - Types

    private mutating func alterType(_ name: NameRef, _ action: AlterTypeAction, at: SourceLocation) {
        let qualified = name.qualified()
        if let e = schema.enums.firstIndex(where: { $0.name == qualified }) {
            schema.enums[e].provenance.lastChanged = at
            switch action {
            case .addValue(let label, let ifNotExists, let before, let after):
                if schema.enums[e].labels.contains(label) {
                    if !ifNotExists { error("enum label \"\(label)\" already exists", at: name.location) }
                    return
                }
                if let neighbour = before ?? after {
                    guard let position = schema.enums[e].labels.firstIndex(of: neighbour) else {
                        return error("\"\(neighbour)\" is not an existing enum label", at: name.location)
                    }
                    schema.enums[e].labels.insert(label, at: before != nil ? position : position + 1)
                } else {
                    schema.enums[e].labels.append(label)
                }
            case .renameValue(let old, let new):
                guard let position = schema.enums[e].labels.firstIndex(of: old) else {
                    return error("\"\(old)\" is not an existing enum label", at: name.location)
                }
                guard !schema.enums[e].labels.contains(new) else { return error("enum label \"\(new)\" already exists", at: name.location) }
                schema.enums[e].labels[position] = new
                renameEnumLabel(old, to: new, of: qualified)
            case .renameTo(let newName):
                let new = QualifiedName(schema: qualified.schema, newName)
                guard !typeNameTaken(new) else { return error("type \"\(newName)\" already exists", at: name.location) }
                schema.enums[e].name = new
                retype(from: qualified, to: new)
            case .setSchema(let schemaName):
                guard schemaExists(schemaName) else { return error("schema \"\(schemaName)\" does not exist", at: name.location) }
                let new = QualifiedName(schema: schemaName, qualified.name)
                schema.enums[e].name = new
                retype(from: qualified, to: new)
            case .addAttribute, .dropAttribute, .alterAttributeType, .renameAttribute, .attributes:
                error("\(name.name) is an enum type, not a composite type", at: name.location)
            case .ignored:
                break
            }
        } else if let c = schema.composites.firstIndex(where: { $0.name == qualified }) {
            schema.composites[c].provenance.lastChanged = at
            switch action {
            case .addAttribute(let definition):
                guard let type = resolve(definition.type) else { return }
                guard !schema.composites[c].attributes.contains(where: { $0.name == definition.name }) else {
                    return error("column \"\(definition.name)\" of relation \"\(name.name)\" already exists", at: definition.nameLocation)
                }
                schema.composites[c].attributes.append(Column(name: definition.name, type: type, provenance: Provenance(created: definition.nameLocation)))
            case .dropAttribute(let attribute, let ifExists):
                let before = schema.composites[c].attributes.count
                schema.composites[c].attributes.removeAll { $0.name == attribute }
                if before == schema.composites[c].attributes.count, !ifExists {
                    error("column \"\(attribute)\" of relation \"\(name.name)\" does not exist", at: name.location)
                }
            case .alterAttributeType(let attribute, let typeRef, let collation, let location):
                guard let a = schema.composites[c].attributes.firstIndex(where: { $0.name == attribute }) else {
                    return error("column \"\(attribute)\" of relation \"\(name.name)\" does not exist", at: location)
                }
                if let user = schema.tables.first(where: { $0.columns.contains { $0.type.qualifiedName == qualified } }),
                   let column = user.columns.first(where: { $0.type.qualifiedName == qualified }) {
                    return error("cannot alter type \"\(name.name)\" because column \"\(user.name.name).\(column.name)\" uses it", at: location)
                }
                guard let type = resolve(typeRef) else { return }
                schema.composites[c].attributes[a].type = type
                schema.composites[c].attributes[a].collation = collation
                schema.composites[c].attributes[a].provenance.lastChanged = location
            case .renameAttribute(let old, let new, let location):
                guard let a = schema.composites[c].attributes.firstIndex(where: { $0.name == old }) else {
                    return error("column \"\(old)\" does not exist", at: location)
                }
                guard !schema.composites[c].attributes.contains(where: { $0.name == new }) else {
                    return error("column \"\(new)\" of relation \"\(name.name)\" already exists", at: location)
                }
                schema.composites[c].attributes[a].name = new
                schema.composites[c].attributes[a].provenance.lastChanged = location
                renameField(old, to: new, ofType: qualified)
            case .attributes(let actions):
                // In ALTER TABLE's passes: drops, then type changes, then additions.
                func pass(_ action: AlterTypeAction) -> Int {
                    switch action {
                    case .dropAttribute: 0
                    case .alterAttributeType: 1
                    default: 2
                    }
                }
                for action in actions.enumerated().sorted(by: { (pass($0.element), $0.offset) < (pass($1.element), $1.offset) }) {
                    alterType(name, action.element, at: at)
                }
            case .renameTo(let newName):
                let new = QualifiedName(schema: qualified.schema, newName)
                guard !typeNameTaken(new) else { return error("type \"\(newName)\" already exists", at: name.location) }
                schema.composites[c].name = new
                retype(from: qualified, to: new)
            case .setSchema(let schemaName):
                let new = QualifiedName(schema: schemaName, qualified.name)
                schema.composites[c].name = new
                retype(from: qualified, to: new)
            case .addValue, .renameValue:
                error("\(name.name) is not an enum", at: name.location)
            case .ignored:
                break
            }
        } else if let d = schema.domains.firstIndex(where: { $0.name == qualified }) {
            if case .renameTo(let newName) = action {
                alterDomain(name, .renameTo(newName), at: at)
            } else if case .setSchema(let schemaName) = action {
                guard schemaExists(schemaName) else { return error("schema \"\(schemaName)\" does not exist", at: name.location) }
                let new = QualifiedName(schema: schemaName, qualified.name)
                schema.domains[d].name = new
                retype(from: qualified, to: new)
            }
        } else {
            error("type \"\(name.name)\" does not exist", at: name.location)
        }
    }

    mutating func retype(from old: QualifiedName, to new: QualifiedName) {
        func update(_ type: inout ColumnType) {
            if type.qualifiedName == old {
                type.schema = new.schema
                type.name = new.name
            }
        }
        for t in schema.tables.indices {
            for c in schema.tables[t].columns.indices { update(&schema.tables[t].columns[c].type) }
        }
        for c in schema.composites.indices {
            for a in schema.composites[c].attributes.indices { update(&schema.composites[c].attributes[a].type) }
        }
        for d in schema.domains.indices { update(&schema.domains[d].baseType) }
    }

    private mutating func alterDomain(_ name: NameRef, _ action: AlterDomainAction, at: SourceLocation) {
        let qualified = name.qualified()
        guard let d = schema.domains.firstIndex(where: { $0.name == qualified }) else {
            return error("type \"\(name.name)\" does not exist", at: name.location)
        }
        schema.domains[d].provenance.lastChanged = at
        switch action {
        case .setNotNull: schema.domains[d].isNotNull = true
        case .dropNotNull: schema.domains[d].isNotNull = false
        case .setDefault(let expression): schema.domains[d].defaultExpression = storedDefault(expression, for: schema.domains[d].baseType)
        case .dropDefault: schema.domains[d].defaultExpression = nil
        case .renameConstraint(let old, let new):
            guard let k = schema.domains[d].checks.firstIndex(where: { $0.name == old }) else {
                return error("constraint \"\(old)\" for domain \"\(name.name)\" does not exist", at: name.location)
            }
            schema.domains[d].checks[k].name = new
        case .addCheck(let constraintName, let expression):
            let domain = schema.domains[d]
            let chosen = constraintName ?? GeneratedNames.choose(qualified.name, nil, "check") { candidate in domain.checks.contains { $0.name == candidate } }
            schema.domains[d].checks.append(CheckConstraint(name: chosen, expression: expression, location: at))
        case .dropConstraint(let constraintName, let ifExists):
            let before = schema.domains[d].checks.count
            schema.domains[d].checks.removeAll { $0.name == constraintName }
            if before == schema.domains[d].checks.count, !ifExists {
                error("constraint \"\(constraintName)\" of domain \"\(name.name)\" does not exist", at: name.location)
            }
        case .renameTo(let newName):
            let new = QualifiedName(schema: qualified.schema, newName)
            guard !typeNameTaken(new) else { return error("type \"\(newName)\" already exists", at: name.location) }
            schema.domains[d].name = new
            retype(from: qualified, to: new)
        case .ignored:
            break
        }
    }

    // MARK: - Comments

    private mutating func comment(_ target: CommentTarget, text: String?, at: SourceLocation) {
        switch target {
        case .table(let name):
            if let t = tableIndex(name.qualified()) {
                schema.tables[t].comment = text
            } else if let v = schema.views.firstIndex(where: { $0.name == name.qualified() }) {
                schema.views[v].comment = text
            } else {
                error("relation \"\(name.name)\" does not exist", at: name.location)
            }
        case .column(let table, let columnName):
            if let t = tableIndex(table.qualified()) {
                guard let c = schema.tables[t].columns.firstIndex(where: { $0.name == columnName }) else {
                    return error("column \"\(columnName)\" of relation \"\(table.name)\" does not exist", at: table.location)
                }
                schema.tables[t].columns[c].comment = text
            } else if let c = schema.composites.firstIndex(where: { $0.name == table.qualified() }) {
                guard let a = schema.composites[c].attributes.firstIndex(where: { $0.name == columnName }) else {
                    return error("column \"\(columnName)\" of relation \"\(table.name)\" does not exist", at: table.location)
                }
                schema.composites[c].attributes[a].comment = text
            } else if let v = schema.views.firstIndex(where: { $0.name == table.qualified() }) {
                schema.views[v].columnComments[columnName] = text
            } else {
                error("relation \"\(table.name)\" does not exist", at: table.location)
            }
        case .type(let name):
            let qualified = name.qualified()
            if let e = schema.enums.firstIndex(where: { $0.name == qualified }) {
                schema.enums[e].comment = text
            } else if let c = schema.composites.firstIndex(where: { $0.name == qualified }) {
                schema.composites[c].comment = text
            } else if let d = schema.domains.firstIndex(where: { $0.name == qualified }) {
                schema.domains[d].comment = text
            } else {
                error("type \"\(name.name)\" does not exist", at: name.location)
            }
        case .view(let name):
            guard let v = schema.views.firstIndex(where: { $0.name == name.qualified() }) else {
                return error("view \"\(name.name)\" does not exist", at: name.location)
            }
            schema.views[v].comment = text
        case .index(let name):
            // Primary keys, unique and exclusion constraints have indexes of their names too, and
            // materialized views have indexes.
            let schemaName = name.schema ?? "public"
            let exists = indexPosition(name.name, in: schemaName) != nil
                || schema.tables.contains { table in
                    table.name.schema == schemaName && (table.primaryKey?.name == name.name
                        || table.uniqueConstraints.contains { $0.name == name.name } || table.exclusions.contains { $0.name == name.name })
                }
                || schema.views.contains { $0.name.schema == schemaName && $0.indexes.contains { $0.name == name.name } }
            if !exists {
                let other = relationNameTaken(name.name, in: schemaName)
                error(other ? "\"\(name.name)\" is not an index" : "relation \"\(name.name)\" does not exist", at: name.location)
            }
        case .constraint(let constraintName, let table):
            guard let t = tableIndex(table.qualified()) else {
                return error("relation \"\(table.name)\" does not exist", at: table.location)
            }
            let exists = schema.tables[t].primaryKey?.name == constraintName
                || schema.tables[t].uniqueConstraints.contains { $0.name == constraintName }
                || schema.tables[t].foreignKeys.contains { $0.name == constraintName }
                || schema.tables[t].checks.contains { $0.name == constraintName }
            if !exists { error("constraint \"\(constraintName)\" for table \"\(table.name)\" does not exist", at: table.location) }
        case .other:
            break
        }
    }
}
