import ArgumentParser
import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGSchema

/// Resolves the folder and the database, connects, runs one migrator call and prints what happened.
struct Runner {
    let options: GlobalOptions

    init(options: GlobalOptions) throws {
        self.options = options
    }

    func run(_ body: (Migrator) throws(MigrateError) -> Void) throws {
        let migrator = try makeMigrator()
        let start = ContinuousClock.now
        do {
            try body(migrator)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        if options.verbose {
            printError("Finished after \(format(ContinuousClock.now - start)) (\(migrator.connection.roundTrips) statements sent)")
        }
    }

    func printVersion() throws {
        let migrator = try makeMigrator(needsFiles: false)
        let version: DatabaseVersion?
        do {
            version = try migrator.version()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        guard let version else {
            printError(MigrateError.noMigration.description)
            throw ExitCode.failure
        }
        print(version.description)
    }

    /// `status -databases FILE` / `-databases-query SQL`: where each database of a fleet stands.
    func fleetStatus(json: Bool) throws {
        let (directory, databases) = try fleet()
        let results = Fleet.status(databases, directory: directory, parallelism: options.parallel)
        if json {
            struct Entry: Encodable {
                var database: String
                var status: StatusReport?
                var error: String?
            }
            let entries = results.map { item -> Entry in
                switch item.report {
                case .success(let report): Entry(database: item.database.label, status: report)
                case .failure(let error): Entry(database: item.database.label, error: error.message)
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        } else {
            print(Fleet.statusSummary(results))
        }
        if results.contains(where: { if case .failure = $0.report { true } else { false } }) { throw ExitCode.failure }
        let attention = results.contains { item in
            guard case .success(let report) = item.report else { return false }
            return report.dirty || report.count(.changed) > 0 || report.count(.missing) > 0
        }
        if attention { throw ExitCode(3) }
    }

    /// `up -databases FILE` / `-databases-query SQL`: every database of a fleet, a few at a time.
    func fleetUp() throws {
        let (directory, databases) = try fleet()
        let verbose = options.verbose
        let results = Fleet.up(
            databases, directory: directory, parallelism: options.parallel, lockTimeoutSeconds: options.lockTimeout,
            ignoreChanged: options.ignoreChanged
        ) { result in
            if verbose { printError("done: \(result.database.label)") }
        }
        print(Fleet.summary(results))
        if results.contains(where: { if case .failed = $0.outcome { true } else { false } }) { throw ExitCode.failure }
    }

    /// The folder and the list of databases from -databases and -databases-query.
    private func fleet() throws -> (MigrationDirectory, [FleetDatabase]) {
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory(path: try options.migrationsPath())
        } catch let error as MigrationSourceError {
            printError(error.description)
            throw ExitCode.failure
        }
        guard options.parallel >= 1 else { throw ValidationError("-parallel must be at least 1") }
        // The configured database, when there is one: the server that bare names are on, and
        // where -databases-query runs.
        var base: PGConfig?
        do {
            if let url = options.database {
                let config = try PGConfig(url: url)
                base = config
                showDatabase(config, from: .explicit, label: "server")
            } else if let (config, source) = try PGConfig.fromEnvironment() {
                base = config
                showDatabase(config, from: source, label: "server")
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        var databases: [FleetDatabase] = []
        if let file = options.databases {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                printError("\(file): error: cannot read the list of databases: \((error as NSError).localizedDescription)")
                throw ExitCode.failure
            }
            databases += Fleet.parse(list: text, base: base)
        }
        if let query = options.databasesQuery {
            guard let base else {
                printError("error: -databases-query runs on the configured database: pass -database URL or set DATABASE_URL")
                throw ExitCode.failure
            }
            do {
                let connection = try PGConnection(config: base)
                for (index, row) in try connection.query(query).enumerated() {
                    if let value = row[0] { databases.append(Fleet.entry(value, base: base, where: "row \(index + 1)")) }
                }
            } catch {
                printError("error: -databases-query on \(base): \(error.message)")
                throw ExitCode.failure
            }
        }
        guard !databases.isEmpty else {
            printError("error: the list of databases is empty")
            throw ExitCode.failure
        }
        return (directory, databases)
    }

    private func makeMigrator(needsFiles: Bool = true, config override: PGConfig? = nil, quiet: Bool = false) throws -> Migrator {
        if options.isFleet { throw ValidationError("-databases and -databases-query work with up and status only") }
        let directory: MigrationDirectory
        do {
            let path = try options.migrationsPath()
            directory = try MigrationDirectory(path: path)
        } catch let error as MigrationSourceError {
            if needsFiles {
                printError(error.description)
                throw ExitCode.failure
            }
            directory = MigrationDirectory.empty
        } catch where !needsFiles {
            directory = MigrationDirectory.empty
        }
        let config = try override ?? databaseConfig()
        let verbose = options.verbose
        let connection: PGConnection
        do {
            connection = try PGConnection(config: config) { notice in
                if verbose { printError(notice.description) }
            }
        } catch {
            printError("error: cannot connect to \(config): \(error.message)")
            throw ExitCode.failure
        }
        var migratorOptions: MigratorOptions
        do {
            migratorOptions = try MigratorOptions(config: config, lockTimeoutSeconds: options.lockTimeout)
            migratorOptions.ignoreChanged = options.ignoreChanged
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        return Migrator(connection: connection, directory: directory, options: migratorOptions) { event in
            if quiet, case .applied = event { return }
            if quiet, case .noChange = event { return }
            switch event {
            case .applied(let version, let name, let direction, let duration):
                print("\(version)/\(direction == .up ? "u" : "d") \(name) (\(format(duration)))")
            case .noChange:
                print("no change")
            case .outsideTransaction(let version, let name, let statement):
                print("\(version) \(name): \(statement) cannot run inside a transaction block, so this file runs outside one (marked dirty until it completes)")
            case .ownTransaction(let version, let name, let statement):
                print("\(version) \(name): the file ends its transaction itself (\(statement)), so it runs as golang-migrate runs files: sent whole, marked dirty until it completes")
            case .dropped(let count):
                print("dropped \(count) objects")
            case .forced:
                break
            case .adopted(let versions):
                print("adopted \(versions.count) migration\(versions.count == 1 ? "" : "s") applied before checksums were kept (\(Self.range(versions))): their files' checksums are recorded as they are now")
            case .skipped(let versions):
                printError("warning: version\(versions.count == 1 ? "" : "s") \(versions.map(String.init).joined(separator: ", ")) \(versions.count == 1 ? "is" : "are") below the current version but never applied here (added out of order); neither this tool nor golang-migrate will run \(versions.count == 1 ? "it" : "them"): renumber above the current version")
            case .ignoredChanges(let files):
                for file in files { printError("warning: " + file.description.replacingOccurrences(of: ": error: ", with: ": warning: ")) }
                printError("warning: running up over \(files.count) changed file\(files.count == 1 ? "" : "s") (-ignore-changed)")
            case .notice(let notice):
                if verbose { printError(notice.description) }
            }
            fflush(nil)
        }
    }

    static func range(_ versions: [Int64]) -> String {
        guard let first = versions.first, let last = versions.last else { return "" }
        return versions.count == 1 ? "\(first)" : "\(first) to \(last)"
    }

    func printStatus(json: Bool) throws {
        let migrator = try makeMigrator()
        let report: StatusReport
        do {
            report = try migrator.status()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        print(json ? report.json : report.table)
        // Like `git status`, the report is the answer; changed or missing files make it fail, so a
        // deploy script can stop on them.
        if report.count(.changed) > 0 || report.count(.missing) > 0 || report.dirty { throw ExitCode(3) }
    }

    func baseline(acceptChanged: Bool) throws {
        let migrator = try makeMigrator()
        do {
            let versions = try migrator.baseline(acceptChanged: acceptChanged)
            print(versions.isEmpty ? "nothing to record: every applied migration has its checksum" : "recorded the checksums of \(versions.count) migration\(versions.count == 1 ? "" : "s") (\(Self.range(versions)))")
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }

    /// `verify`: runs every up and down file on a database of its own, created on the configured
    /// server and dropped afterwards.
    func verify() throws {
        let server = try databaseConfig()
        let admin: PGConnection
        do {
            admin = try PGConnection(config: server)
        } catch {
            printError("error: cannot connect to \(server): \(error.message)")
            throw ExitCode.failure
        }
        let name = "migrate_verify_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        do {
            try admin.execute("CREATE DATABASE \(name)")
        } catch {
            printError("error: verify needs a throwaway database and could not create one (\(name)) on \(server): \(error.message)")
            throw ExitCode.failure
        }
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        var config = server
        config.database = String(name)
        config.urlPath = "/\(name)"
        let migrator = try makeMigrator(config: config, quiet: true)
        let checks: [DownFileCheck]
        do {
            checks = try migrator.verifyDownFiles { check in
                if check.noDownFile {
                    print("\(check.version) \(check.name): no down file, not checked")
                } else if check.differences.isEmpty {
                    print("\(check.version) \(check.name): down undoes up")
                }
                fflush(nil)
            }
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        if let failed = checks.last, !failed.differences.isEmpty {
            let file = migrator.directory.migration(version: failed.version)?.down?.path ?? "\(failed.version)"
            printError("\(file):1:1: error: the down file does not give back the database as it was before the up file:")
            for difference in failed.differences { printError("  " + difference) }
            throw ExitCode.failure
        }
        print("verified \(checks.filter { !$0.noDownFile }.count) down files on a throwaway database")
    }

    private func databaseConfig() throws -> PGConfig {
        do {
            if let url = options.database {
                let config = try PGConfig(url: url)
                showDatabase(config, from: .explicit)
                return config
            }
            if let (config, source) = try PGConfig.fromEnvironment() {
                showDatabase(config, from: source)
                return config
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        var message = """
            error: no database configured: pass -database URL, set DATABASE_URL, or put DATABASE_URL \
            (or DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME) in a .env file in \(FileManager.default.currentDirectoryPath)
            """
        // Only a package with the Makefile of this repository has the development database.
        if Self.hasDevelopmentDatabaseTarget {
            message += "; or run `make migrate-up MODULE=<module>`, which starts a local development PostgreSQL when none is configured"
        }
        printError(message)
        throw ExitCode.failure
    }

    /// `-show-database`: the settings as a URL whose password is `***` (`PGConfig.description`
    /// rebuilds the URL from its parts, so the password is never in the text to begin with).
    private func showDatabase(_ config: PGConfig, from source: PGConfig.Source, label: String = "database") {
        guard options.showDatabase else { return }
        printError("\(label): \(config) (from \(source))")
    }

    /// Whether the working directory has a Makefile with the development-database targets (this
    /// repository's, or one copied from it).
    static var hasDevelopmentDatabaseTarget: Bool {
        guard let text = try? String(contentsOfFile: "Makefile", encoding: .utf8) else { return false }
        return text.contains("\nmigrate-up:") && text.contains("dev-db-start")
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func format(_ duration: Duration) -> String {
    let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    if milliseconds >= 1000 { return String(format: "%.3fs", milliseconds / 1000) }
    return String(format: "%.3fms", milliseconds)
}
