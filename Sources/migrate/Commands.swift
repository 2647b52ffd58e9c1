import ArgumentParser
import Foundation
import PGLint
import PGMigrate
import PGSchema

struct Up: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply all pending migrations, or the next N.")
    @ParentCommand var parent: Migrate
    @Argument(help: "How many migrations to apply (default: all).") var n: Int?

    func validate() throws {
        if let n, n < 0 { throw ValidationError("N must be positive") }
    }

    func run() throws {
        if parent.options.isFleet {
            guard n == nil else { throw ValidationError("N cannot be used with -databases: each database is migrated to the latest version") }
            return try Runner(options: parent.options).fleetUp()
        }
        try Runner(options: parent.options).run { migrator throws(MigrateError) in try migrator.up(limit: n) }
    }
}

struct Down: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Roll back the last N migrations, or all of them.",
        discussion: "Without N it asks before rolling back everything; -all skips the question."
    )
    @ParentCommand var parent: Migrate
    @Flag(name: .singleDash("all"), help: "Roll back all migrations without asking.") var all = false
    @Argument(help: "How many migrations to roll back.") var n: Int?

    func validate() throws {
        if all, n != nil { throw ValidationError("-all cannot be used with other arguments") }
        if let n, n < 0 { throw ValidationError("N must be positive") }
    }

    func run() throws {
        if n == nil, !all {
            guard confirm("Are you sure you want to apply all down migrations? [y/N]") else {
                printError("Not applying all down migrations (answer y, or pass -all)")
                throw ExitCode.failure
            }
            print("Applying all down migrations")
        }
        try Runner(options: parent.options).run { migrator throws(MigrateError) in try migrator.down(limit: n) }
    }
}

struct Goto: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate up or down to version V.")
    @ParentCommand var parent: Migrate
    @Argument(help: "The version to migrate to.") var version: String

    func run() throws {
        let target = try parseVersion(version, allowNone: false)
        try Runner(options: parent.options).run { migrator throws(MigrateError) in try migrator.goto(target) }
    }
}

struct Force: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record version V (or -1 for none) as clean without running anything.",
        discussion: "The way out of a dirty database, after repairing it by hand."
    )
    @ParentCommand var parent: Migrate
    // Captured raw, so that `force -1` is a version and not an unknown flag.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The version.", valueName: "V")) var version: [String] = []

    func run() throws {
        guard version.count <= 1 else { throw ValidationError("too many arguments: \(version.joined(separator: " "))") }
        let target = try parseVersion(version.first, allowNone: true)
        try Runner(options: parent.options).run { migrator throws(MigrateError) in try migrator.force(target) }
    }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the current version (`N (dirty)` when dirty).")
    @ParentCommand var parent: Migrate

    func run() throws {
        try Runner(options: parent.options).printVersion()
    }
}

struct Drop: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drop everything in the current schema: tables, views, sequences, types, functions.",
        discussion: "Asks first unless -f is given."
    )
    @ParentCommand var parent: Migrate
    @Flag(name: .customShort("f"), help: "Do not ask for confirmation.") var force = false

    func run() throws {
        if !force {
            guard confirm("Are you sure you want to drop the entire database schema? [y/N]") else {
                printError("Not dropping anything (answer y, or pass -f)")
                throw ExitCode.failure
            }
        }
        try Runner(options: parent.options).run { migrator throws(MigrateError) in try migrator.drop() }
    }
}

struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the up and down files of a new migration.",
        discussion: "Example: migrate create -ext sql -dir migrations/saas -seq add_new_field"
    )
    @ParentCommand var parent: Migrate
    @Option(name: .singleDash("ext"), help: "The file extension.") var ext = "sql"
    @Option(name: .singleDash("dir"), help: "The folder (default: -path or -module's folder, else the working directory).") var dir: String?
    @Flag(name: .singleDash("seq"), help: "Number sequentially instead of by timestamp.") var seq = false
    @Option(name: .singleDash("digits"), help: "Digits of a sequential number.") var digits = 6
    @Option(name: .singleDash("format"), help: "Timestamp format: the default (yyyyMMddHHmmss, UTC), unix or unixNano.") var format: String?
    @Argument(help: "The migration's name, such as add_new_field.") var name: String

    func run() throws {
        let numbering: MigrationCreator.Numbering
        switch (seq, format) {
        case (true, nil): numbering = .sequential(digits: digits)
        case (true, _): throw ValidationError("The seq and format options are mutually exclusive")
        case (false, nil), (false, "20060102150405"): numbering = .timestamp
        case (false, "unix"): numbering = .unix
        case (false, "unixNano"): numbering = .unixNano
        case (false, let other?): throw ValidationError("-format \(other): only unix, unixNano and the default timestamp are supported")
        }
        let folder = dir ?? (try? parent.options.migrationsPath()) ?? "."
        do {
            for path in try MigrationCreator.create(name: name, in: folder, fileExtension: ext, numbering: numbering) {
                print(path)
            }
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }
}

/// Asks a yes/no question on the terminal; no input (a script, CI) counts as no.
func confirm(_ question: String) -> Bool {
    print(question, terminator: " ")
    fflush(nil)
    guard let answer = readLine() else {
        print("")
        return false
    }
    return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every migration: applied, pending, missing (applied, no file), changed (edited after it was applied), skipped.",
        discussion: "Reads only: takes no lock and creates nothing. Exits with 3 when a file changed or is missing, or the database is dirty."
    )
    @ParentCommand var parent: Migrate
    @Flag(name: .singleDash("json"), help: "Print JSON instead of a table.") var json = false

    func run() throws {
        // `-json` after the command may be taken by the old entry point's flag of the same name.
        if parent.options.isFleet { return try Runner(options: parent.options).fleetStatus(json: json || parent.json) }
        try Runner(options: parent.options).printStatus(json: json || parent.json)
    }
}

struct Baseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record the checksums of applied migrations that have none (a database migrated by golang-migrate).",
        discussion: "`up` does this by itself on first sight; with -accept-changed it also accepts files changed after they were applied."
    )
    @ParentCommand var parent: Migrate
    @Flag(name: .singleDash("accept-changed"), help: "Also record the current checksums of changed files.") var acceptChanged = false

    func run() throws {
        try Runner(options: parent.options).baseline(acceptChanged: acceptChanged)
    }
}

/// The flags of `lint`, also used by `-cmd=lint`.
struct LintFlags: ParsableArguments {
    @Option(name: .singleDash("disable"), help: ArgumentHelp("Rules not to run, comma-separated.", valueName: "rules")) var disable: String = ""
    @Option(name: .singleDash("error"), help: ArgumentHelp("Rules whose findings are errors, comma-separated.", valueName: "rules")) var error: String = ""
    @Option(name: .singleDash("warning"), help: ArgumentHelp("Rules whose findings are warnings, comma-separated.", valueName: "rules")) var warning: String = ""
    @Option(name: .singleDash("since"), help: ArgumentHelp("Report only on migrations above this version (the one production is at).", valueName: "V")) var since: Int64?
    @Flag(name: .singleDash("strict"), help: "Fail on warnings too.") var strict = false
    @Flag(name: .singleDash("json"), help: "Print the findings as JSON.") var json = false
    @Flag(name: .singleDash("rules"), help: "List the rules and exit.") var listRules = false

    init() {}
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the migrations offline for statements that lock or rewrite busy tables, break rolling deploys, or that a down file does not undo.",
        discussion: """
            Knows from the fold which tables exist before each migration: nothing fires for a table \
            created earlier in the same file. Silence one finding with a comment above (or inside) \
            the statement: `-- migrate:lint-ignore RULE[, RULE] -- why`, or a whole file with \
            `-- migrate:lint-ignore-file RULE`. Exits with 1 when there is an error (with -strict, \
            also a warning).
            """
    )
    @ParentCommand var parent: Migrate
    @OptionGroup var flags: LintFlags

    func run() throws {
        var flags = flags
        // `-json` after the command may be taken by the old entry point's flag of the same name.
        flags.json = flags.json || parent.json
        if flags.listRules { return try Self.lint(path: "", settings: flags) }
        try Self.lint(path: try parent.options.migrationsPath(), settings: flags)
    }

    static func lint(path: String, settings: LintFlags) throws {
        if settings.listRules {
            for rule in LintRule.all { print("\(rule.id) (\(rule.severity.rawValue)): \(rule.summary)") }
            return
        }
        var options = LintOptions()
        do {
            try options.load(configIn: path)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        func list(_ text: String) throws -> Set<String> {
            let names = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            for name in names where LintRule.named(name) == nil {
                throw ValidationError("\(name) is not a lint rule; `migrate lint -rules` lists them")
            }
            return names
        }
        // Flags add to the module's .migrate-lint settings; a flag's severity wins over the file's.
        options.disabled.formUnion(try list(settings.disable))
        let errors = try list(settings.error)
        let warnings = try list(settings.warning)
        options.errors = options.errors.subtracting(warnings).union(errors)
        options.warnings = options.warnings.subtracting(errors).union(warnings)
        if let since = settings.since { options.since = since }
        let report = Linter.lint(path: path, options: options)
        if settings.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report.findings), as: UTF8.self))
        } else {
            for finding in report.findings { print(finding.description) }
            var summary = "\(report.files) migration\(report.files == 1 ? "" : "s") checked: \(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")"
            if report.suppressed > 0 { summary += ", \(report.suppressed) silenced by lint-ignore comments" }
            fflush(nil)
            printError(summary)
        }
        if report.errors > 0 || (settings.strict && report.warnings > 0) { throw ExitCode.failure }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every down file on a throwaway database: up, snapshot the catalog, down, compare, up again.",
        discussion: """
            Creates a database of its own on the server of -database (or DATABASE_URL, .env, the \
            development PostgreSQL) and drops it afterwards, so the user needs CREATEDB; your \
            database is not touched. Stops at the first down file that does not give back the \
            catalog as it was before its up file, and prints what differs.
            """
    )
    @ParentCommand var parent: Migrate

    func run() throws {
        try Runner(options: parent.options).verify()
    }
}
