import ArgumentParser
import Foundation
import PGCatalog
import PGCodegen
import PGSchema
import PGSettings

/// `pg-codegen`: the generator's command line (the build plugins run `pg-codegen-generate`, the
/// same `generate` without the rest).
@main
struct PGCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pg-codegen",
        abstract: "Generate Swift models from PostgreSQL migrations.",
        subcommands: [Generate.self, SchemaDump.self, Verify.self, CheckQueries.self]
    )
}

struct SchemaDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the schema folded from a module's up migrations as JSON.",
        discussion: """
            Objects appear in the order the migrations created them (tables, then enums, composite \
            types, domains, views); columns in table order; object keys sorted. Errors are printed \
            as path:line:column: error: message, and the exit status is non-zero.
            """
    )

    @Option(help: ArgumentHelp("The module's migrations folder.", valueName: "dir"))
    var migrations: String

    @Option(help: ArgumentHelp("Write the JSON here instead of standard output (`-`: standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let result = SchemaLoader.load(migrations: GenerateRun.editablePath(migrations))
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard !result.hasErrors else { throw ExitCode.failure }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(result.schema)
        data.append(0x0A)
        try Self.write(data, to: output)
    }

    /// Writes `data` to `path` (standard output for `nil` or `-`). A regular file is replaced
    /// whole and only when its contents change; anything else that exists there (`/dev/null`, a
    /// FIFO, a terminal) is written in place, since replacing it would put a file in its place.
    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else { return FileHandle.standardOutput.write(data) }
        // Through symbolic links: the file they name is written, and they stay (a link to a
        // file not there yet makes it).
        var url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
        if type == .typeSymbolicLink, let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
            url = URL(fileURLWithPath: destination, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
            type = nil
        }
        if let type, type != .typeRegular {
            guard type != .typeDirectory, let handle = FileHandle(forWritingAtPath: url.path) else {
                FileHandle.standardError.write(Data("error: cannot write \(path)\(type == .typeDirectory ? ": it is a directory" : "")\n".utf8))
                throw ExitCode.failure
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            return
        }
        if (try? Data(contentsOf: url)) != data { try data.write(to: url, options: .atomic) }
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the Swift models of a module's migrations.",
        discussion: """
            Writes \(Generator.outputFileNames.joined(separator: ", ")) into the output folder, each only \
            when its contents change; a module of 32 migrations or more is written in shards instead \
            (Enums.swift, CompositeTypes.swift and Tables+NN.swift, each table with its queries). \
            Versions.swift embeds the migrations themselves (<Module>Migrations.all), and \
            Queries+SQL.swift the typed queries and the views' models. On \
            any error nothing is written, the errors are printed as path:line:column: error: message, \
            and the exit status is non-zero.
            """
    )

    @Option(help: ArgumentHelp("The module's migrations folder.", valueName: "dir"))
    var migrations: String

    @Option(help: ArgumentHelp("The folder to write the Swift files into.", valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp("The module's name, for the generated files' header (default: the folder's name, capitalised).", valueName: "name"))
    var moduleName: String?

    @Option(help: ArgumentHelp("A pg-codegen.json with renames and type overrides (default: pg-codegen.json in the migrations folder, if there).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("How many Tables+NN.swift files to write (default: from the number of up migrations; the build plugin passes it).", valueName: "n"))
    var shards: Int?

    @Option(help: ArgumentHelp("A folder of sqlc-style query files (queries/<module>): typed functions for them go into Queries+SQL.swift.", valueName: "dir"))
    var queries: String?

    func run() throws {
        let run = GenerateRun(migrations: migrations, output: output, moduleName: moduleName, config: config, shards: shards, queries: queries)
        guard try run.run() else { throw ExitCode.failure }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare a database migrated to the latest version with the model folded from the migrations.",
        discussion: """
            Reads the database's catalog and compares it with the folded model item by item: tables, \
            columns and their order, types, nullability, defaults, identity and generated columns, keys, \
            foreign keys, checks, indexes, enums, domains, composite types, views and comments. \
            Expressions are compared the way PostgreSQL prints them, so spelling alone is no difference. \
            The database must be at the migrations' latest version and not dirty; golang-migrate's \
            version table (schema_migrations, or the URL's x-migrations-table) is not compared.

            The database comes from --database, else DATABASE_URL, else a .env file in the working \
            directory (DATABASE_URL, or DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME, DB_SSLMODE), \
            as for migrate. PostgreSQL's client library \
            (libpq5 on Debian and Ubuntu, libpq on Homebrew) is loaded when verify runs; generating \
            models never needs it. PG_CODEGEN_LIBPQ names the library file to load instead.

            Exit status: 0 when equal (one summary line), 1 when there are differences (one line \
            each, then a summary), 2 when the database cannot be verified (cannot connect, not \
            migrated to the latest version, dirty, or the migrations do not fold).
            """
    )

    @Option(help: ArgumentHelp("The module's migrations folder.", valueName: "dir"))
    var migrations: String

    @Option(help: ArgumentHelp("postgresql://user:password@host:port/database (default: DATABASE_URL, else .env).", valueName: "url"))
    var database: String?

    @Flag(help: "Print the database (password hidden) and where it was configured, on standard error, before verifying.")
    var showDatabase = false

    func run() throws {
        let report: VerifyReport
        do {
            // The migrations first: their errors need no database.
            let folded = try Verifier.fold(migrations: migrations)
            let config = try databaseConfig()
            let library = ProcessInfo.processInfo.environment["PG_CODEGEN_LIBPQ"].flatMap { $0.isEmpty ? nil : [$0] }
            let connection = try LibPQConnection(config: config, libraries: library ?? LibPQConnection.libraryNames)
            let table = config.toolOptions["x-migrations-table"].flatMap { $0.isEmpty ? nil : $0 } ?? "schema_migrations"
            report = try Verifier.verify(folded, source: connection, migrationsTable: table)
        } catch {
            // Exit status 1 means differences: anything that stops the comparison is 2.
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        for difference in report.differences {
            print(difference)
        }
        print(report.summary)
        if !report.isEqual { throw ExitCode.failure }
    }

    /// `--database`, else `DATABASE_URL`, else `.env`: the rules `migrate` follows (PGSettings).
    func databaseConfig() throws(VerifyError) -> PGConfig {
        do {
            if let database { return shown(try PGConfig(url: database), from: .explicit) }
            if let (config, source) = try PGConfig.fromEnvironment() { return shown(config, from: source) }
        } catch {
            throw VerifyError(error.description)
        }
        throw VerifyError("""
            no database configured: pass --database URL, set DATABASE_URL, or put DATABASE_URL \
            (or DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME) in a .env file here
            """)
    }

    /// `--show-database`: the settings as `PGConfig.description` rebuilds them, the password `***`.
    private func shown(_ config: PGConfig, from source: PGConfig.Source) -> PGConfig {
        if showDatabase { FileHandle.standardError.write(Data("database: \(config) (from \(source))\n".utf8)) }
        return config
    }
}
