import Foundation
import PGSchema

/// A module's migration files in, `Versions.swift` out: the enum `<Module>Migrations` whose
/// `all` holds every migration as a `PGMigration` (version, name, up and down SQL, whether each
/// runs outside a transaction), so a server applies its migrations from the binary.
///
/// The enum is not named after the module itself: a type `SaasModels` in the module `SaasModels`
/// would shadow the module's name, and `SaasModels.SaasClient` would stop compiling in every file
/// that imports it. `<Module>Migrations` sits beside `<Module>Queries`.
public enum MigrationsTranslator {
    /// The file the generator always writes beside the models.
    /// Named to sort after the `Tables+NN.swift` shards: a new migration changes this file and one
    /// shard, and the Swift driver compiles the first of two changed files beside the module's
    /// interface step and the second only after it, so the small file goes second (issue 14).
    public static let outputFileName = "Versions.swift"

    /// The type that holds the migrations of `moduleName` (`SaasMigrations` for `Saas`).
    public static func typeName(moduleName: String) -> String {
        Naming.typeName(for: moduleName, kind: .table) + "Migrations"
    }

    /// The files for the migrations of `directory`: with one shard, ``outputFileName`` alone; with
    /// more, ``outputFileName`` holds the enum and `all`, and each migration's `PGMigration` is in
    /// the shard its version hashes to (`Versions+NN.swift`, in an extension), so that a new
    /// migration recompiles one small shard and the list, not the text of every migration (issue 14).
    /// A file that cannot be read is a diagnostic: an error for an up file (the schema is folded
    /// from it, so it was readable a moment ago), a warning for a down file, which is then left out
    /// (the binary cannot roll that version back).
    public static func files(_ directory: MigrationDirectory, moduleName: String, shards: Int) -> (files: [(name: String, file: FileDescription)], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var members: [Declaration] = []
        var byShard = [[Declaration]](repeating: [], count: max(shards, 1))
        var names: [Expression] = []
        for migration in directory.migrations {
            var arguments: [Expression.Argument] = [
                .init("version", .identifier(String(migration.version))),
                .init("name", .stringLiteral(migration.name)),
            ]
            for direction in MigrationDirection.allCases {
                guard let file = migration.file(direction) else {
                    arguments.append(.init(direction.rawValue, .nil))
                    continue
                }
                do {
                    let text = try file.read()
                    arguments.append(.init(direction.rawValue, .call("PGMigration.Script", [
                        .init("fileName", .stringLiteral(file.fileName)),
                        .init("runsOutsideTransaction", .identifier(MigrationTransaction.runsOutside(text) ? "true" : "false")),
                        .init("sql", .multilineString(text)),
                    ])))
                } catch {
                    var diagnostic = error.diagnostic
                    if direction == .down {
                        diagnostic.severity = .warning
                        diagnostic.message += " (left out of \(typeName(moduleName: moduleName)): version \(migration.version) cannot be rolled back from the binary)"
                    }
                    diagnostics.append(diagnostic)
                    arguments.append(.init(direction.rawValue, .nil))
                }
            }
            // The version as the file name spells it (`v000001`): a valid, unique identifier.
            let spelled = migration.file(.up).map(\.fileName) ?? migration.file(.down).map(\.fileName) ?? String(migration.version)
            let name = "v" + spelled.prefix { $0.isASCII && $0.isNumber }
            names.append(.identifier(name))
            // Computed, not a stored `let`: the compiler's interface step (run over every file of
            // the module whenever one changes) skips a getter's body but type-checks a stored
            // property's initial value, which for a thousand migrations is most of that step
            // (0.66 s against 0.17 s for 1,000 migrations, issue 14). `all` is still built once.
            let member = Declaration.property(PropertyDescription(
                doc: DocComment(["`\(spelled.prefix { $0 != "." })`"]),
                isStatic: true, name: name, type: "PGMigration",
                value: .call("PGMigration", arguments), isComputed: true
            ))
            if shards > 1 {
                byShard[Generator.shard(of: name, shards: shards)].append(member)
            } else {
                members.append(member)
            }
        }
        let typeName = typeName(moduleName: moduleName)
        let all = Declaration.property(PropertyDescription(
            doc: DocComment(["Every migration of the module, in version order."]),
            isStatic: true, isLet: true, name: "all", type: "[PGMigration]", value: .arrayLiteral(names)
        ))
        let files = directory.migrations.compactMap { $0.up?.fileName ?? $0.down?.fileName }
        var header = ["Generated by pg-codegen from the \(moduleName) migrations. Do not edit: change the migrations and build again."]
        if let first = files.first, let last = files.last {
            header.append(first == last ? "Source: \(first)" : "Source: \(directory.migrations.count) migrations, \(first) to \(last)")
        }
        let declaration = Declaration.enumeration(EnumDescription(
            doc: DocComment([
                "The \(moduleName) migrations, embedded in the binary: a server applies them at start-up with no SQL",
                "files beside it, `try await AsyncMigrator(migrations: \(typeName).all, on: pool).up()` (PGMigrate),",
                "keeping golang-migrate's `schema_migrations` as the `migrate` command does.",
            ]),
            name: typeName, conformances: [], cases: [], members: shards > 1 ? [] : [all] + members
        ))
        // With shards, `all` is in an extension: a change to the enum's own body would make the
        // compiler recompile every file that extends it, every shard.
        let declarations = shards > 1 ? [declaration, .extension_(ExtensionDescription(extendedType: typeName, members: [all]))] : [declaration]
        var result = [(name: outputFileName, file: FileDescription(header: header, imports: ["PGRecord"], declarations: declarations))]
        if shards > 1 {
            // No header names the migration files, so a shard that a new migration misses keeps its bytes.
            let shardHeader = ["Generated by pg-codegen from the \(moduleName) migrations. Do not edit: change the migrations and build again."]
            for (shard, members) in byShard.enumerated() {
                let declarations: [Declaration] = members.isEmpty ? [] : [.extension_(ExtensionDescription(extendedType: typeName, members: members))]
                result.append((Generator.shardFileName("Versions", shard), FileDescription(header: shardHeader, imports: members.isEmpty ? [] : ["PGRecord"], declarations: declarations)))
            }
        }
        return (result, diagnostics)
    }
}
