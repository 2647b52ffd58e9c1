import Foundation
import PGClient
import PGSchema

/// Where one migration stands in one database.
public struct MigrationStatus: Sendable, Equatable, Codable {
    /// Where a migration stands.
    public enum State: String, Sendable, Codable {
        /// Applied, and its file is as it was then (or was applied before checksums were kept).
        case applied
        /// Not applied yet.
        case pending
        /// Applied, but the folder has no file for it.
        case missing
        /// Applied, and its file was edited afterwards.
        case changed
        /// At or below the current version but never applied: the file was added after later
        /// versions had run. Neither this tool nor golang-migrate will run it.
        case skipped
    }

    /// The migration's version.
    public var version: Int64
    /// The migration's name.
    public var name: String
    /// Applied, pending, missing or changed.
    public var state: State
    /// The up file's path, when there is one.
    public var file: String?
    /// The checksum of the file as it is now.
    public var checksum: String?
    /// The checksum it was applied (or adopted) with; `nil` when not recorded yet.
    public var appliedChecksum: String?
    /// When it was applied or adopted (UTC, ISO 8601), as recorded.
    public var appliedAt: String?
    /// `up` when this tool applied it, `baseline` when it was adopted.
    public var recordedAs: String?
    public var durationMilliseconds: Double?
    public var toolVersion: String?
}

/// Every migration of a folder against one database: `migrate status`.
public struct StatusReport: Sendable, Equatable, Codable {
    /// The version the database is at; `nil` when none is applied.
    public var currentVersion: Int64?
    /// Whether the database is marked dirty (a no-transaction migration failed halfway).
    public var dirty: Bool
    /// Whether the database has the tool's history table (checksums).
    public var historyKept: Bool
    /// Every migration, of the folder and of the database, by version.
    public var migrations: [MigrationStatus]

    /// How many migrations are in `state`.
    public func count(_ state: MigrationStatus.State) -> Int { migrations.filter { $0.state == state }.count }

    /// A table for people.
    public var table: String {
        var rows: [[String]] = [["VERSION", "NAME", "STATE", "APPLIED AT", "CHECKSUM"]]
        for item in migrations {
            var state = item.state.rawValue
            if item.state == .applied, item.appliedChecksum == nil { state += " (no checksum yet)" }
            if item.recordedAs == "baseline", item.state == .applied { state += " (adopted)" }
            rows.append([
                String(item.version), item.name, state, item.appliedAt ?? "",
                String((item.checksum ?? item.appliedChecksum ?? "").prefix(12)),
            ])
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { $0.offset == 4 ? $0.element : $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let current = currentVersion.map { "\($0)\(dirty ? " (dirty)" : "")" } ?? (dirty ? "-1 (dirty)" : "none")
        var summary = "current version: \(current); \(count(.applied)) applied, \(count(.pending)) pending"
        for state in [MigrationStatus.State.changed, .missing, .skipped] where count(state) > 0 {
            summary += ", \(count(state)) \(state.rawValue)"
        }
        if !historyKept { summary += "; no history table yet (checksums are recorded from the next up)" }
        lines.append("")
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// Stable JSON: sorted keys, two-space indent.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// What the history says about the applied versions, with the files as they are now.
struct HistoryEvaluation {
    var report: StatusReport
    var changed: [ChangedFile]
    /// Applied versions with a file and no checksum yet, to adopt.
    var unrecorded: [Migration]
    var skipped: [Int64]
}

extension Migrator {
    /// Every migration with its state, the current version and the dirty flag. Reads only: takes
    /// no lock and creates no table, so it works for a read-only user and while a migrator runs.
    public func status() throws(MigrateError) -> StatusReport {
        let session = try Session(connection: connection, options: options)
        let version = try session.versionTableExists() ? try session.readVersion() : nil
        return try evaluate(session, current: version).report
    }

    /// Records the checksums of applied versions that have none (and, with `acceptChanged`, the
    /// new checksums of changed files): `migrate baseline`. Returns the versions recorded.
    @discardableResult
    public func baseline(acceptChanged: Bool = false) throws(MigrateError) -> [Int64] {
        try locked { session throws(MigrateError) -> [Int64] in
            let current = try session.checkedVersion()
            try session.ensureHistoryTable()
            let evaluation = try self.evaluate(session, current: current)
            var versions = evaluation.unrecorded.map(\.version)
            var statements = try evaluation.unrecorded.map { migration throws(MigrateError) in try self.baselineRow(session, migration) }
            if acceptChanged {
                for changed in evaluation.changed {
                    guard let migration = self.directory.migration(version: changed.file.version) else { continue }
                    statements.append(try self.baselineRow(session, migration))
                    versions.append(changed.file.version)
                }
            }
            if !statements.isEmpty {
                try Session.database("recording checksums") { () throws(PGError) in
                    try self.connection.execute("BEGIN; " + statements.joined(separator: " ") + " COMMIT")
                }
            }
            return versions.sorted()
        }
    }

    private func baselineRow(_ session: Session, _ migration: Migration) throws(MigrateError) -> String {
        guard let up = migration.up else { return "" }
        let text: String
        text = try self.text(of: up)
        return session.historyInsert(version: migration.version, direction: "baseline", name: up.name, text: text, duration: nil)
    }

    /// Before a run that writes: creates the history table, adopts applied versions without a
    /// checksum, and (for a run up) refuses changed files unless told to ignore them.
    func guardHistory(_ session: Session, current: DatabaseVersion?, checkChanged: Bool) throws(MigrateError) {
        try session.ensureHistoryTable()
        let evaluation = try evaluate(session, current: current)
        if !evaluation.unrecorded.isEmpty {
            let statements = try evaluation.unrecorded.map { migration throws(MigrateError) in try baselineRow(session, migration) }
            try Session.database("recording the checksums of migrations applied before") { () throws(PGError) in
                try connection.execute("BEGIN; " + statements.joined(separator: " ") + " COMMIT")
            }
            log(.adopted(versions: evaluation.unrecorded.map(\.version)))
        }
        if !evaluation.skipped.isEmpty { log(.skipped(versions: evaluation.skipped)) }
        guard checkChanged, !evaluation.changed.isEmpty else { return }
        if options.ignoreChanged {
            log(.ignoredChanges(evaluation.changed))
        } else {
            throw .changedFiles(evaluation.changed)
        }
    }

    func evaluate(_ session: Session, current: DatabaseVersion?) throws(MigrateError) -> HistoryEvaluation {
        let history = try session.readHistory()
        let records = appliedRecords(history)
        // The newest version this tool ran or adopted: an unrecorded version below it was added
        // out of order; one above it was applied by another tool since (adopted on first sight).
        let newestRecorded = history.filter { $0.direction != "down" }.map(\.version).max()
        let currentVersion = current.map(\.version).flatMap { $0 >= 0 ? $0 : nil }
        var items: [MigrationStatus] = []
        var changed: [ChangedFile] = []
        var unrecorded: [Migration] = []
        var skipped: [Int64] = []
        for migration in directory.migrations {
            var item = MigrationStatus(version: migration.version, name: migration.name, state: .pending, file: migration.up?.path)
            var text: String?
            if let up = migration.up {
                text = try self.text(of: up)
                item.checksum = text.map(MigrationChecksum.of)
            }
            if let currentVersion, migration.version <= currentVersion {
                if let record = records[migration.version] {
                    item.state = .applied
                    item.appliedChecksum = record.checksum
                    item.appliedAt = record.appliedAt
                    item.recordedAs = record.direction
                    item.durationMilliseconds = record.durationMilliseconds
                    item.toolVersion = record.toolVersion
                    if let up = migration.up, let text, let checksum = item.checksum, checksum != record.checksum {
                        item.state = .changed
                        changed.append(ChangedFile(
                            file: up, recorded: record, currentChecksum: checksum,
                            diff: try session.appliedScript(version: migration.version).map { LineDiff.lines(old: $0, new: text) } ?? []
                        ))
                    }
                } else if let newestRecorded, migration.version < newestRecorded {
                    item.state = .skipped
                    skipped.append(migration.version)
                } else {
                    item.state = .applied
                    if migration.up != nil { unrecorded.append(migration) }
                }
            }
            items.append(item)
        }
        if let currentVersion {
            var missing = Set(records.keys.filter { $0 <= currentVersion && directory.migration(version: $0) == nil })
            if directory.migration(version: currentVersion) == nil { missing.insert(currentVersion) }
            for version in missing {
                let record = records[version]
                items.append(MigrationStatus(
                    version: version, name: record?.name ?? "", state: .missing, appliedChecksum: record?.checksum,
                    appliedAt: record?.appliedAt, recordedAs: record?.direction, durationMilliseconds: record?.durationMilliseconds,
                    toolVersion: record?.toolVersion
                ))
            }
        }
        items.sort { $0.version < $1.version }
        var historyKept = !history.isEmpty
        if !historyKept { historyKept = try session.historyTableExists() }
        let report = StatusReport(
            currentVersion: currentVersion, dirty: current?.dirty ?? false, historyKept: historyKept,
            migrations: items
        )
        return HistoryEvaluation(report: report, changed: changed, unrecorded: unrecorded, skipped: skipped)
    }
}
