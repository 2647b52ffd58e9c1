import Foundation
import PGSchema

/// Why a database cannot be verified: it is not where the migrations end, it is dirty, the
/// migrations do not fold, or the database cannot be read. Never holds a password.
public struct VerifyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The outcome of comparing a migrated database with the folded model.
public struct VerifyReport: Sendable {
    public var differences: [SchemaDifference]
    /// The version the database and the migrations are at.
    public var version: Int64
    /// What the migrations say.
    public var model: SchemaSnapshot
    /// What the database's catalog says.
    public var database: SchemaSnapshot

    public var isEqual: Bool { differences.isEmpty }

    /// One line: what was compared and the verdict.
    public var summary: String {
        if isEqual {
            func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
            var parts = [count(model.tables.count, "table")]
            if !model.enums.isEmpty { parts.append(count(model.enums.count, "enum")) }
            if !model.domains.isEmpty { parts.append(count(model.domains.count, "domain")) }
            if !model.composites.isEmpty { parts.append(count(model.composites.count, "composite type")) }
            if !model.views.isEmpty { parts.append(count(model.views.count, "view")) }
            return "verify: the database at version \(version) matches the migrations (\(parts.joined(separator: ", ")))"
        }
        let count = differences.count
        return "verify: \(count) difference\(count == 1 ? "" : "s") between the database at version \(version) and the migrations"
    }
}

/// `pg-codegen verify`: is a database, migrated to the latest version, what the migrations say?
/// The model folded from a module's migrations, ready to be compared with databases.
public struct FoldedMigrations: Sendable {
    public var path: String
    /// The version of the last up migration: where a migrated database must be.
    public var latestVersion: Int64
    public var model: SchemaSnapshot
}

public enum Verifier {
    /// Reads and folds the migrations in `path`; fails with every error diagnostic when they do
    /// not fold. Needs no database.
    public static func fold(migrations path: String) throws(VerifyError) -> FoldedMigrations {
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory(path: path)
        } catch {
            throw VerifyError(error.description)
        }
        let folded = SchemaLoader.load(migrations: path)
        if folded.hasErrors {
            throw VerifyError(folded.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))
        }
        guard let latest = directory.migrations.last(where: { $0.up != nil })?.version else {
            throw VerifyError("\(path): no up migrations")
        }
        return FoldedMigrations(path: path, latestVersion: latest, model: SchemaSnapshot(model: folded.schema))
    }

    /// Folds the migrations in `path`, checks that the database's version table says the latest
    /// version and is not dirty, reads the catalog, and compares.
    public static func verify(migrations path: String, source: any CatalogSource, migrationsTable: String = "schema_migrations") throws -> VerifyReport {
        try verify(try fold(migrations: path), source: source, migrationsTable: migrationsTable)
    }

    /// Checks that the database's version table says the migrations' latest version and is not
    /// dirty, reads the catalog, and compares it with the folded model.
    public static func verify(_ folded: FoldedMigrations, source: any CatalogSource, migrationsTable: String = "schema_migrations") throws -> VerifyReport {
        let latest = folded.latestVersion
        let version = try databaseVersion(source: source, migrationsTable: migrationsTable)
        guard let (current, dirty) = version else {
            throw VerifyError("the database has no migration applied (no \(migrationsTable) table or an empty one); migrate it up to version \(latest) first")
        }
        if dirty {
            throw VerifyError("the database is dirty at version \(current): a migration failed halfway; fix it and force the version before verifying")
        }
        guard current == latest else {
            throw VerifyError("the database is at version \(current), the migrations end at version \(latest); migrate it up first")
        }
        let database = try CatalogReader(source: source, migrationsTable: migrationsTable).read()
        let differences = SchemaComparison.differences(model: folded.model, database: database)
        return VerifyReport(differences: differences, version: current, model: folded.model, database: database)
    }

    /// The version and dirty flag in golang-migrate's table in `current_schema()`; `nil` when
    /// there is no table or no row.
    public static func databaseVersion(source: any CatalogSource, migrationsTable: String) throws -> (version: Int64, dirty: Bool)? {
        let table = CatalogReader.literal(migrationsTable)
        let exists = try source.rows("SELECT to_regclass(quote_ident(current_schema()) || '.' || quote_ident(\(table))) IS NOT NULL")
        guard exists.first?.first == "t" else { return nil }
        let quoted = "\"" + migrationsTable.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        guard let row = try source.rows("SELECT version, dirty FROM \(quoted) LIMIT 1").first,
              let text = row[0], let version = Int64(text) else { return nil }
        return (version, row[1] == "t")
    }
}
