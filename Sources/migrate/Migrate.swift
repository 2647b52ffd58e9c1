import ArgumentParser
import Foundation
import PGClient
import PGMigrate

/// `migrate`: golang-migrate's command line for PostgreSQL, with each migration in a transaction.
///
/// Flags take one dash, as golang-migrate's do (`-path`, `-database`); two dashes work too.
@main
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply PostgreSQL migrations, compatible with golang-migrate's schema_migrations table.",
        discussion: """
            The database comes from -database, else the DATABASE_URL environment variable, else a .env \
            file in the working directory (DATABASE_URL, or DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, \
            DB_NAME, DB_SSLMODE). A password in -database is visible to every user of the machine in \
            the process list while migrate runs; DATABASE_URL and .env are not. URL options: \
            x-migrations-table (default schema_migrations) and x-statement-timeout (milliseconds).

            Each migration file runs in one transaction together with its version update, so a \
            failure leaves the database as it was. A file whose first line is \
            `-- migrate:no-transaction` runs outside a transaction and marks the database dirty \
            while it runs.

            Each file run is recorded with its checksum in <table>_history beside the version \
            table; `up` refuses while an applied file was edited (-ignore-changed runs it anyway, \
            `baseline -accept-changed` accepts the edit). `status`, `lint` and `verify` check a \
            module before it runs; `-databases FILE` runs `up` or `status` on many databases.

            The form of the project's old Go entry point works too:
              migrate -module=saas -cmd=up [-steps N]
              migrate -module=saas -cmd=force -target V
              migrate -module=saas -cmd=status [-json]
              migrate -module=saas -cmd=lint
              migrate -module=saas -cmd=verify
            """,
        subcommands: [Up.self, Down.self, Goto.self, Force.self, Version.self, Drop.self, Create.self, Status.self, Baseline.self, Lint.self, Verify.self]
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .singleDash("cmd"), help: ArgumentHelp("Old entry point: the command to run (up, down, goto, force, version, drop).", valueName: "command"))
    var cmd: String?

    @Option(name: .singleDash("steps"), parsing: .unconditional, help: ArgumentHelp("Old entry point: how many migrations up or down (default: all).", valueName: "N"))
    var steps: String?

    @Option(name: .singleDash("target"), parsing: .unconditional, help: ArgumentHelp("Old entry point: the version for goto and force.", valueName: "V"))
    var target: String?

    @Flag(name: .singleDash("json"), help: "Old entry point: status as JSON.")
    var json = false

    mutating func run() throws {
        if cmd == "lint" {
            // Offline: no database is needed.
            try Lint.lint(path: try options.migrationsPath(), settings: try LintFlags.parse(json ? ["-json"] : []))
            return
        }
        guard let cmd else {
            print(Self.helpMessage())
            return
        }
        try runOldEntryPoint(cmd)
    }

    private func runOldEntryPoint(_ cmd: String) throws {
        let runner = try Runner(options: options)
        switch cmd {
        case "up" where options.isFleet:
            guard steps == nil else { throw ValidationError("-steps cannot be used with -databases") }
            try runner.fleetUp()
        case "up":
            let limit = try parseLimit(steps)
            try runner.run { migrator throws(MigrateError) in try migrator.up(limit: limit) }
        case "down":
            let limit = steps == "all" ? nil : try parseLimit(steps ?? "1")
            try runner.run { migrator throws(MigrateError) in try migrator.down(limit: limit) }
        case "goto":
            let version = try parseVersion(target, allowNone: false)
            try runner.run { migrator throws(MigrateError) in try migrator.goto(version) }
        case "force":
            let version = try parseVersion(target, allowNone: true)
            try runner.run { migrator throws(MigrateError) in try migrator.force(version) }
        case "version":
            try runner.printVersion()
        case "drop":
            try runner.run { migrator throws(MigrateError) in try migrator.drop() }
        case "status" where options.isFleet:
            try runner.fleetStatus(json: json)
        case "status":
            try runner.printStatus(json: json)
        case "baseline":
            try runner.baseline(acceptChanged: false)
        case "verify":
            try runner.verify()
        default:
            throw ValidationError("-cmd=\(cmd) is not a command; use up, down, goto, force, version, drop, status, baseline, lint or verify")
        }
    }
}

/// The flags that come before the command, as in `migrate -path DIR -database URL up`.
struct GlobalOptions: ParsableArguments {
    @Option(name: [.singleDash("path"), .long], help: ArgumentHelp("The migrations folder.", valueName: "dir"))
    var path: String?

    @Option(name: [.singleDash("source"), .long], help: ArgumentHelp("The migrations folder as file://DIR.", valueName: "url"))
    var source: String?

    @Option(name: [.singleDash("module"), .long], help: ArgumentHelp("Shorthand for -path migrations/NAME.", valueName: "name"))
    var module: String?

    @Option(name: [.singleDash("database"), .long], help: ArgumentHelp("The database URL (postgresql://user:pass@host:port/db); shows the password in the process list: prefer DATABASE_URL or .env.", valueName: "url"))
    var database: String?

    @Option(name: [.singleDash("lock-timeout"), .long], help: ArgumentHelp("Seconds to wait for another migrator's lock.", valueName: "N"))
    var lockTimeout: Int = 15

    @Flag(name: [.singleDash("verbose"), .long], help: "Print server notices and timings.")
    var verbose = false

    @Flag(name: [.singleDash("show-database"), .long], help: "Print the database (password hidden) and where it was configured, on standard error, before running.")
    var showDatabase = false

    @Flag(name: [.singleDash("ignore-changed"), .long], help: "Run up even though an applied migration file was changed afterwards.")
    var ignoreChanged = false

    @Option(name: [.singleDash("databases"), .long], help: ArgumentHelp("up on many databases: a file with one URL (or database name on the -database server) per line.", valueName: "file"))
    var databases: String?

    @Option(name: [.singleDash("databases-query"), .long], help: ArgumentHelp("up on many databases: a query, run on the -database database, whose first column lists URLs or database names.", valueName: "sql"))
    var databasesQuery: String?

    @Option(name: [.singleDash("parallel"), .long], help: ArgumentHelp("With -databases: how many databases to migrate at once.", valueName: "N"))
    var parallel: Int = 4

    var isFleet: Bool { databases != nil || databasesQuery != nil }

    /// The migrations folder from -path, -source or -module.
    func migrationsPath() throws -> String {
        if let path { return path }
        if let source {
            guard source.hasPrefix("file://") else {
                throw ValidationError("-source \(source): only file:// sources are supported; or use -path DIR")
            }
            return String(source.dropFirst("file://".count))
        }
        if let module {
            guard !module.isEmpty, !module.contains("/") else { throw ValidationError("-module \(module) is not a module name") }
            return "migrations/\(module)"
        }
        throw ValidationError("no migrations folder: pass -path DIR (for example -path migrations/saas) or -module NAME")
    }
}

extension NameSpecification.Element {
    /// A golang-migrate style flag: one dash and a long name (`-path`).
    static func singleDash(_ name: String) -> Self { .customLong(name, withSingleDash: true) }
}

extension NameSpecification {
    static func singleDash(_ name: String) -> Self { [.customLong(name, withSingleDash: true)] }
}

func parseLimit(_ text: String?) throws -> Int? {
    guard let text else { return nil }
    guard let value = Int(text), value >= 0 else { throw ValidationError("can't read limit argument N: \(text)") }
    return value
}

func parseVersion(_ text: String?, allowNone: Bool) throws -> Int64 {
    guard let text else { throw ValidationError("please specify version argument V") }
    guard let value = Int64(text) else { throw ValidationError("can't read version argument V: \(text)") }
    if value < (allowNone ? -1 : 0) { throw ValidationError("argument V must be >= \(allowNone ? -1 : 0)") }
    return value
}
