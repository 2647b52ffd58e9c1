/// DO blocks: their DDL is folded where the fold can follow it, and a warning names what it
/// cannot see.
extension Folder {
    static let doBlockNote = """
        if it changes the schema, describe the change to the generator in a `/* pg-codegen:assume … */` comment \
        in the same file: the DDL in it is folded as if written there, PostgreSQL never runs it, and the file's DO blocks \
        are then taken as described
        """

    mutating func doBlock(_ steps: [ProceduralStep]) {
        for step in steps { perform(step) }
    }

    private mutating func perform(_ step: ProceduralStep) {
        switch step {
        case .statement(let statement):
            apply(statement)
        case .conditional(let branches):
            for branch in branches {
                guard let condition = branch.condition else {
                    doBlock(branch.steps)
                    return
                }
                switch evaluate(condition) {
                case .some(true):
                    doBlock(branch.steps)
                    return
                case .some(false):
                    continue
                case .none:
                    let changes = branches.flatMap { Self.describe($0.steps) }
                    if case .unknown(let location) = condition, !changes.isEmpty {
                        diagnostics.append(Diagnostic(
                            .warning,
                            "this DO block \(changes.joined(separator: ", ")) under a condition the fold cannot evaluate; the model cannot see its effect",
                            at: location, note: Self.doBlockNote
                        ))
                    }
                    return
                }
            }
        case .guarded(let steps):
            // PostgreSQL rolls a block with an exception handler back when it fails.
            let saved = self
            let errors = diagnostics.count { $0.severity == .error }
            doBlock(steps)
            if diagnostics.count(where: { $0.severity == .error }) > errors { self = saved }
        case .opaque(let what, let location):
            diagnostics.append(Diagnostic(.warning, "this DO block runs \(what); the model cannot see its effect", at: location, note: Self.doBlockNote))
        }
    }

    /// Whether a catalog test holds in the schema folded so far; `nil` when it cannot tell.
    private func evaluate(_ condition: CatalogCondition) -> Bool? {
        guard case .exists(let object, let negated) = condition else { return nil }
        let exists: Bool
        // The schemas a test looks in: the one named, every one ("*": no schema filter), or the path.
        func schemas(_ name: String?) -> [String] {
            switch name {
            case "*": ["public"] + schema.schemas
            case let name?: [name]
            case nil: searchPath
            }
        }
        switch object {
        case .type(let name, let schemaName):
            exists = schemas(schemaName).contains { typeNameTaken(QualifiedName(schema: $0, name)) }
        case .relation(let name, let schemaName):
            exists = schemas(schemaName).contains { relationNameTaken(name, in: $0) }
        case .column(let table, let column, let schemaName):
            exists = schemas(schemaName).contains { s in tableIndex(QualifiedName(schema: s, table)).map { schema.tables[$0].column(column) != nil } ?? false }
        case .constraint(let name, _):
            exists = schema.tables.contains { table in
                table.primaryKey?.name == name || table.uniqueConstraints.contains { $0.name == name } || table.foreignKeys.contains { $0.name == name }
                    || table.checks.contains { $0.name == name } || table.exclusions.contains { $0.name == name }
            }
        case .schema(let name):
            exists = schemaExists(name)
        case .enumLabel(let label, let type):
            exists = schema.enums.contains { ($0.name.name == type || type == nil) && $0.labels.contains(label) }
        case .extension(let name):
            exists = schema.extensions.contains(name)
        }
        return exists != negated
    }

    /// What steps would change, in words: `alters table t`, `creates type mood`.
    private static func describe(_ steps: [ProceduralStep]) -> [String] {
        steps.flatMap { step -> [String] in
            switch step {
            case .statement(let located):
                switch located.statement {
                case .createTable(let name, _, _): ["creates table \(name.name)"]
                case .alterTable(let name, _, _): ["alters table \(name.name)"]
                case .drop(let kind, let names, _, _): names.map { "drops \(kind.rawValue) \($0.name)" }
                case .createEnum(let name, _), .createComposite(let name, _), .createDomain(let name, _, _): ["creates type \(name.name)"]
                case .alterType(let name, _), .alterDomain(let name, _): ["alters type \(name.name)"]
                case .createIndex(_, let table, _, _, _, _, _, _, _): ["creates an index on \(table.name)"]
                case .createView(let name, _, _, _, _): ["creates view \(name.name)"]
                case .renameIndex(let name, let newName, _): ["renames index \(name.name) to \(newName)"]
                case .renameView(let name, let newName): ["renames view \(name.name) to \(newName)"]
                case .renameViewColumn(let name, let old, let new, _, _): ["renames column \(old) of view \(name.name) to \(new)"]
                case .createSequence(let name, _, _, _), .renameSequence(let name, _, _), .sequenceOwner(let name, _, _, _): ["changes sequence \(name.name)"]
                case .skipped, .comment, .createRoutine, .calls: []
                default: ["changes the schema"]
                }
            case .conditional(let branches): branches.flatMap { describe($0.steps) }
            case .guarded(let steps): describe(steps)
            case .opaque(let what, _): ["runs \(what)"]
            }
        }
    }
}
