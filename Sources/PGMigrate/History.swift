import Foundation
import PGClient
import PGRecord
import PGSchema

/// The tool's name and version, recorded with every migration it applies.
public enum MigrateTool {
    /// The name and version recorded in the history table's `tool` column.
    public static let version = "swift-pg-models migrate 0.2"
}

/// The checksum of a migration file: SHA-256 of its text with a byte order mark dropped and CRLF
/// line ends read as LF, so that a checkout with `core.autocrlf` is not an edit.
public enum MigrationChecksum {
    /// The checksum of a file's text, as lowercase hex.
    public static func of(_ text: String) -> String {
        var normalized = text
        if normalized.hasPrefix("\u{FEFF}") { normalized.removeFirst() }
        // "\r\n" is one Character in Swift; compare on the scalars.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(normalized.utf8.count)
        var previousCR = false
        for byte in normalized.utf8 {
            if previousCR, byte == 0x0A { bytes.removeLast() }
            previousCR = byte == 0x0D
            bytes.append(byte)
        }
        return SHA256.hex(bytes)
    }
}

/// One row of the history table: a file applied (`up`, `down`), or adopted without running
/// (`baseline`: a version applied before this table kept checksums, by golang-migrate or by an
/// older version of this tool).
public struct HistoryEntry: Sendable, Equatable, Codable {
    /// The migration's version.
    public var version: Int64
    /// `up`, `down` or `baseline`.
    public var direction: String
    /// The migration's name.
    public var name: String
    /// The checksum of the file as it was applied (``MigrationChecksum``).
    public var checksum: String
    /// The file's text as it was applied: what `up` shows a diff against when the file changed.
    public var script: String?
    public var appliedAt: String
    public var durationMilliseconds: Double?
    /// The tool that applied it (``MigrateTool/version``).
    public var toolVersion: String
}

/// The history table beside golang-migrate's version table: `<table>_history` in the same schema.
///
/// golang-migrate's `schema_migrations` is never changed in shape; this table is the tool's own.
/// It is a log: a row per file applied up or down, or per version adopted. The checksum that a
/// version was applied with is that of its last `up` or `baseline` row, unless a `down` row
/// follows it.
extension Session {
    var historyTableName: String { options.migrationsTable + "_history" }
    var historyTable: String { quoteIdentifier(schema) + "." + quoteIdentifier(historyTableName) }

    func historyTableExists() throws(MigrateError) -> Bool {
        if let known = historyExistsKnown { return known }
        let rows = try Self.database("looking for the history table") { () throws(PGError) in
            try connection.query(
                "SELECT count(1) FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2",
                [schema.pgBind, historyTableName.pgBind]
            )
        }
        let exists = (rows.first?[0] ?? "0") != "0"
        // Only a table seen is remembered: one that is missing may be created by another migrator.
        if exists { historyExistsKnown = true }
        return exists
    }

    func versionTableExists() throws(MigrateError) -> Bool {
        let rows = try Self.database("looking for the version table") { () throws(PGError) in
            try connection.query(
                "SELECT count(1) FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2",
                [schema.pgBind, options.migrationsTable.pgBind]
            )
        }
        return (rows.first?[0] ?? "0") != "0"
    }

    /// Creates the history table when it is missing; returns whether it had to.
    @discardableResult
    func ensureHistoryTable() throws(MigrateError) -> Bool {
        guard try !historyTableExists() else { return false }
        try Self.database("creating the history table") { () throws(PGError) in
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS \(historyTable) (
                    version bigint NOT NULL,
                    direction text NOT NULL CHECK (direction IN ('up', 'down', 'baseline')),
                    name text NOT NULL,
                    checksum text NOT NULL,
                    script text,
                    applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    duration_ms double precision,
                    tool_version text NOT NULL
                )
                """)
        }
        historyExistsKnown = true
        return true
    }

    /// Every row, oldest first, without the scripts (``appliedScript(version:)`` reads one);
    /// empty when there is no history table.
    func readHistory() throws(MigrateError) -> [HistoryEntry] {
        guard try historyTableExists() else { return [] }
        return try Self.database("reading the history table") { () throws(PGError) -> [HistoryEntry] in
            let rows = try connection.query("""
                SELECT version, direction, name, checksum, NULL::text,
                       to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), duration_ms, tool_version
                FROM \(historyTable) ORDER BY applied_at, ctid
                """)
            return rows.map { row in
                HistoryEntry(
                    version: Int64(row[0] ?? "") ?? -1, direction: row[1] ?? "", name: row[2] ?? "", checksum: row[3] ?? "",
                    script: row[4], appliedAt: row[5] ?? "", durationMilliseconds: row[6].flatMap(Double.init),
                    toolVersion: row[7] ?? ""
                )
            }
        }
    }

    /// The text a version was last applied (or adopted) with.
    func appliedScript(version: Int64) throws(MigrateError) -> String? {
        try Self.database("reading the history table") { () throws(PGError) -> String? in
            try connection.query(
                "SELECT script FROM \(historyTable) WHERE version = $1 AND direction <> 'down' ORDER BY applied_at DESC, ctid DESC LIMIT 1",
                [String(version).pgBind]
            ).first?[0]
        }
    }

    /// The statement that appends one row (for the caller's transaction).
    func historyInsert(version: Int64, direction: String, name: String, text: String, duration: Duration?) -> String {
        let milliseconds = duration.map { Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15 }
        return """
            INSERT INTO \(historyTable) (version, direction, name, checksum, script, duration_ms, tool_version) VALUES (\
            \(version), \(literal(direction)), \(literal(name)), \(literal(MigrationChecksum.of(text))), \(literal(text)), \
            \(milliseconds.map { String(format: "%.3f", $0) } ?? "NULL"), \(literal(MigrateTool.version)));
            """
    }
}

/// A string constant that reads the same whatever `standard_conforming_strings` says.
func literal(_ text: String) -> String {
    "E'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
}

/// The checksum each version was applied with, from the history's rows in order.
func appliedRecords(_ history: [HistoryEntry]) -> [Int64: HistoryEntry] {
    var records: [Int64: HistoryEntry] = [:]
    for entry in history {
        if entry.direction == "down" { records[entry.version] = nil } else { records[entry.version] = entry }
    }
    return records
}

/// A file that changed after it was applied.
public struct ChangedFile: Sendable, Equatable {
    /// The file as it is now.
    public var file: MigrationFile
    /// The history row of when it was applied.
    public var recorded: HistoryEntry
    /// The checksum of the file as it is now.
    public var currentChecksum: String
    /// The changed lines, `-` for the applied text and `+` for the file's, with line numbers.
    public var diff: [String]

    public var description: String {
        var text = "\(file.path):1:1: error: \(file.fileName) was changed after it was applied "
            + "(\(recorded.direction == "baseline" ? "adopted" : "applied") \(recorded.appliedAt), checksum \(recorded.checksum.prefix(12)) then, \(currentChecksum.prefix(12)) now)"
        if diff.isEmpty {
            text += "\n  (the applied text was not kept, so what changed cannot be shown)"
        } else {
            text += "\n" + diff.map { "  " + $0 }.joined(separator: "\n")
        }
        return text
    }
}

/// A line diff, short enough to read in an error message.
enum LineDiff {
    static func lines(old: String, new: String, limit: Int = 30) -> [String] {
        let a = old.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let b = new.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        // Common head and tail first; the middle by longest common subsequence when it is small.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let midA = Array(a[head..<(a.count - tail)])
        let midB = Array(b[head..<(b.count - tail)])
        var out: [String] = []
        if midA.count * midB.count <= 4_000_000 {
            var table = [[Int]](repeating: [Int](repeating: 0, count: midB.count + 1), count: midA.count + 1)
            for i in stride(from: midA.count - 1, through: 0, by: -1) {
                for j in stride(from: midB.count - 1, through: 0, by: -1) {
                    table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < midA.count || j < midB.count {
                if i < midA.count, j < midB.count, midA[i] == midB[j] {
                    i += 1
                    j += 1
                } else if j < midB.count, i == midA.count || table[i][j + 1] >= table[i + 1][j] {
                    out.append("+ \(head + j + 1): \(midB[j])")
                    j += 1
                } else {
                    out.append("- \(head + i + 1): \(midA[i])")
                    i += 1
                }
            }
        } else {
            out = midA.enumerated().map { "- \(head + $0.offset + 1): \($0.element)" }
                + midB.enumerated().map { "+ \(head + $0.offset + 1): \($0.element)" }
        }
        if out.count > limit {
            let more = out.count - limit
            out = Array(out.prefix(limit)) + ["… and \(more) more changed line\(more == 1 ? "" : "s")"]
        }
        return out
    }
}
