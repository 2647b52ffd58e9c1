import Foundation
import PGClient
import PGSchema
import Synchronization

/// One database of a fleet (a tenant, a shard), as the list names it.
public struct FleetDatabase: Sendable {
    /// How the summary names it: its URL with the password shown as `***`, or the list's line.
    public var label: String
    /// Where to connect; `nil` when the entry could not be read (see `problem`).
    public var config: PGConfig?
    /// Why the list's entry cannot be used (a URL that does not parse).
    public var problem: String?

    /// A database of the fleet, shown as `label` in reports.
    public init(label: String, config: PGConfig?, problem: String? = nil) {
        self.label = label
        self.config = config
        self.problem = problem
    }
}

/// Why a fleet database's status could not be read.
public struct FleetStatusError: Error, Sendable, Equatable {
    /// What went wrong, without a password.
    public var message: String
}

/// What happened to one database of the fleet.
public enum FleetOutcome: Sendable, Equatable {
    case migrated(from: Int64?, to: Int64?, files: Int)
    case current(version: Int64?)
    case failed(String)
}

/// One database of a fleet and what happened to it.
public struct FleetResult: Sendable {
    /// The database.
    public var database: FleetDatabase
    /// What happened to it.
    public var outcome: FleetOutcome
}

/// `migrate up -databases FILE`: the same migrations on many databases, a few at a time, each
/// under its own lock and in its own transactions. A database that fails is reported and never
/// stops or touches the others; a rerun continues each database from its own version.
public enum Fleet {
    /// Reads a list: one database per line, as a URL or as a bare database name on the server of
    /// `base`; blank lines and `#` comments are skipped.
    public static func parse(list text: String, base: PGConfig?) -> [FleetDatabase] {
        var result: [FleetDatabase] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            result.append(entry(line, base: base, where: "line \(offset + 1)"))
        }
        return result
    }

    /// One entry: a URL, or a database name on `base`'s server.
    public static func entry(_ text: String, base: PGConfig?, where place: String) -> FleetDatabase {
        if text.contains("://") {
            do {
                let config = try PGConfig(url: text)
                return FleetDatabase(label: config.description, config: config)
            } catch {
                // The message of a URL that does not parse may hold the URL: show neither.
                return FleetDatabase(label: "\(place) (a URL that does not parse)", config: nil, problem: "\(place) is not a database URL")
            }
        }
        guard var config = base else {
            return FleetDatabase(label: "\(place): \(text)", config: nil, problem: "\(place) names database \(text), but no server is configured to find it on (-database, DATABASE_URL or .env)")
        }
        config.database = text
        config.urlPath = "/" + text
        return FleetDatabase(label: config.description, config: config)
    }

    /// Runs `up` on every database, `parallelism` at a time; results in the list's order.
    public static func up(
        _ databases: [FleetDatabase], directory: MigrationDirectory, parallelism: Int, lockTimeoutSeconds: Int = 15,
        ignoreChanged: Bool = false, progress: @escaping @Sendable (FleetResult) -> Void = { _ in }
    ) -> [FleetResult] {
        each(databases, parallelism: parallelism) { database in
            let result = FleetResult(
                database: database,
                outcome: migrate(database, directory: directory, lockTimeoutSeconds: lockTimeoutSeconds, ignoreChanged: ignoreChanged)
            )
            progress(result)
            return result
        }
    }

    /// `status` of every database: its report, or why it could not be read.
    public static func status(_ databases: [FleetDatabase], directory: MigrationDirectory, parallelism: Int) -> [(database: FleetDatabase, report: Result<StatusReport, FleetStatusError>)] {
        each(databases, parallelism: parallelism) { database in
            if let problem = database.problem { return (database, .failure(FleetStatusError(message: problem))) }
            guard let config = database.config else { return (database, .failure(FleetStatusError(message: "no database"))) }
            do {
                let connection = try PGConnection(config: config)
                let migrator = Migrator(connection: connection, directory: directory, options: try MigratorOptions(config: config))
                return (database, .success(try migrator.status()))
            } catch let error as PGError {
                return (database, .failure(FleetStatusError(message: "cannot connect: \(error.message)")))
            } catch {
                return (database, .failure(FleetStatusError(message: "\(error)")))
            }
        }
    }

    /// One line per database, then the counts.
    public static func statusSummary(_ results: [(database: FleetDatabase, report: Result<StatusReport, FleetStatusError>)]) -> String {
        var lines: [String] = []
        var behind = 0
        var current = 0
        var attention = 0
        var failed = 0
        for (database, result) in results {
            switch result {
            case .success(let report):
                let version = report.currentVersion.map(String.init) ?? "none"
                var text = "\(database.label): at \(version)\(report.dirty ? " (dirty)" : ""), \(report.count(.pending)) pending"
                for state in [MigrationStatus.State.changed, .missing, .skipped] where report.count(state) > 0 {
                    text += ", \(report.count(state)) \(state.rawValue)"
                }
                lines.append(text)
                if report.dirty || report.count(.changed) > 0 || report.count(.missing) > 0 { attention += 1 }
                if report.count(.pending) > 0 { behind += 1 } else { current += 1 }
            case .failure(let error):
                failed += 1
                lines.append("\(database.label): FAILED: \(error.message)")
            }
        }
        lines.append("")
        lines.append("\(results.count) database\(results.count == 1 ? "" : "s"): \(current) current, \(behind) with pending migrations, \(attention) dirty or with changed or missing files, \(failed) unreadable")
        return lines.joined(separator: "\n")
    }

    /// Runs `body` for every database, `parallelism` at a time, on threads of its own (each
    /// database holds a blocking connection); results in the list's order.
    static func each<T: Sendable>(_ databases: [FleetDatabase], parallelism: Int, _ body: @escaping @Sendable (FleetDatabase) -> T) -> [T] {
        let next = Mutex(0)
        let results = Mutex([T?](repeating: nil, count: databases.count))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(parallelism, databases.count)) {
            group.enter()
            let thread = Thread {
                while true {
                    let index: Int = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard index < databases.count else { break }
                    let result = body(databases[index])
                    results.withLock { $0[index] = result }
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return results.withLock { $0.compactMap { $0 } }
    }

    static func migrate(_ database: FleetDatabase, directory: MigrationDirectory, lockTimeoutSeconds: Int, ignoreChanged: Bool) -> FleetOutcome {
        if let problem = database.problem { return .failed(problem) }
        guard let config = database.config else { return .failed("no database") }
        let connection: PGConnection
        do {
            connection = try PGConnection(config: config)
        } catch {
            return .failed("cannot connect: \(error.message)")
        }
        var options: MigratorOptions
        do {
            options = try MigratorOptions(config: config, lockTimeoutSeconds: lockTimeoutSeconds)
        } catch {
            return .failed("\(error)")
        }
        options.ignoreChanged = ignoreChanged
        let applied = Mutex(0)
        let migrator = Migrator(connection: connection, directory: directory, options: options) { event in
            if case .applied = event { applied.withLock { $0 += 1 } }
        }
        do {
            let before = try migrator.version()
            try migrator.up()
            let after = try migrator.version()
            let files = applied.withLock { $0 }
            return files == 0 ? .current(version: after?.version) : .migrated(from: before?.version, to: after?.version, files: files)
        } catch {
            let files = applied.withLock { $0 }
            var reason = error.description
            if files > 0 { reason += " (after \(files) file\(files == 1 ? "" : "s") applied)" }
            return .failed(reason)
        }
    }

    /// The summary for people: a line per database, then the counts and the failures again.
    public static func summary(_ results: [FleetResult]) -> String {
        var lines: [String] = []
        var migrated = 0
        var current = 0
        var failed: [FleetResult] = []
        for result in results {
            switch result.outcome {
            case .migrated(let from, let to, let files):
                migrated += 1
                lines.append("\(result.database.label): migrated \(from.map(String.init) ?? "none") → \(to.map(String.init) ?? "none") (\(files) file\(files == 1 ? "" : "s"))")
            case .current(let version):
                current += 1
                lines.append("\(result.database.label): already current (\(version.map(String.init) ?? "no migration"))")
            case .failed(let reason):
                failed.append(result)
                lines.append("\(result.database.label): FAILED: \(reason.split(separator: "\n").first ?? "")")
            }
        }
        lines.append("")
        lines.append("\(results.count) database\(results.count == 1 ? "" : "s"): \(migrated) migrated, \(current) already current, \(failed.count) failed")
        if !failed.isEmpty {
            lines.append("failed (fix these and run the same command again; the others are done):")
            for result in failed {
                if case .failed(let reason) = result.outcome {
                    lines.append("  \(result.database.label):\n    " + reason.replacingOccurrences(of: "\n", with: "\n    "))
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
