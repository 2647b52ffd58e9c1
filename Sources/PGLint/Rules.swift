import Foundation
import PGSchema

/// A lint rule: a stable id (what suppression comments and flags name), its default severity and
/// what it is about.
public struct LintRule: Sendable, Hashable {
    public var id: String
    public var severity: Diagnostic.Severity
    public var summary: String

    /// Every rule, in the order `migrate lint -rules` lists them.
    public static let all: [LintRule] = [
        LintRule(id: "create-index-not-concurrently", severity: .warning,
                 summary: "CREATE INDEX without CONCURRENTLY on a table that exists before the migration blocks its writes while the index builds"),
        LintRule(id: "drop-index-not-concurrently", severity: .warning,
                 summary: "DROP INDEX without CONCURRENTLY on a table that exists before the migration waits for, then blocks, every query of the table"),
        LintRule(id: "constraint-not-valid", severity: .warning,
                 summary: "ADD CONSTRAINT … FOREIGN KEY or CHECK without NOT VALID on an existing table scans it under a lock that blocks writes"),
        LintRule(id: "add-constraint-builds-index", severity: .warning,
                 summary: "ADD PRIMARY KEY or UNIQUE on an existing table builds the index under an ACCESS EXCLUSIVE lock"),
        LintRule(id: "add-column-not-null-without-default", severity: .error,
                 summary: "ADD COLUMN … NOT NULL without a default fails on an existing table that has rows"),
        LintRule(id: "add-column-rewrites-table", severity: .warning,
                 summary: "ADD COLUMN with a volatile default, serial, identity or stored generated column rewrites the whole table"),
        LintRule(id: "alter-column-type-rewrites-table", severity: .warning,
                 summary: "ALTER COLUMN TYPE that is not a binary-compatible widening rewrites the table under an ACCESS EXCLUSIVE lock"),
        LintRule(id: "set-not-null-scans-table", severity: .warning,
                 summary: "SET NOT NULL on an existing table without a validated CHECK (column IS NOT NULL) scans it under an ACCESS EXCLUSIVE lock"),
        LintRule(id: "breaking-drop-column", severity: .warning,
                 summary: "dropping a column that the running version of the application still reads breaks a rolling deploy"),
        LintRule(id: "breaking-rename-column", severity: .warning,
                 summary: "renaming a column that the running version of the application still reads breaks a rolling deploy"),
        LintRule(id: "breaking-drop-table", severity: .warning,
                 summary: "dropping a table that the running version of the application still reads breaks a rolling deploy"),
        LintRule(id: "breaking-rename-table", severity: .warning,
                 summary: "renaming a table that the running version of the application still reads breaks a rolling deploy"),
        LintRule(id: "concurrently-in-transaction", severity: .warning,
                 summary: "a CONCURRENTLY statement in a file that would run in a transaction"),
        LintRule(id: "foreign-key-without-index", severity: .warning,
                 summary: "a foreign key whose columns lead no index: deletes and updates of the referenced rows scan the table"),
        LintRule(id: "opaque-statement", severity: .warning,
                 summary: "a DO block or a call whose dynamic SQL the fold cannot see, so no rule can check it"),
        LintRule(id: "missing-down-file", severity: .warning,
                 summary: "an up file without a down file cannot be rolled back"),
        LintRule(id: "down-does-not-undo-up", severity: .error,
                 summary: "folding the up file then the down file does not give back the schema before the up file"),
        LintRule(id: "unreadable-statement", severity: .error,
                 summary: "a statement the fold cannot read (the same error the generator reports)"),
    ]

    public static func named(_ id: String) -> LintRule? { all.first { $0.id == id } }
}

/// One finding, printed as `path:line:col: warning: [rule] message`, with a fix on a `note:` line.
public struct LintFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    public var rule: String
    public var severity: Diagnostic.Severity
    public var message: String
    public var fix: String?
    public var location: SourceLocation

    public var description: String {
        var text = "\(location): \(severity.rawValue): [\(rule)] \(message)"
        if let fix { text += "\n\(location): note: \(fix)" }
        return text
    }
}

/// Which rules run and how severe each is.
public struct LintOptions: Sendable {
    /// Rules that do not run at all.
    public var disabled: Set<String> = []
    /// Rules whose findings are errors, whatever their default.
    public var errors: Set<String> = []
    /// Rules whose findings are warnings, whatever their default.
    public var warnings: Set<String> = []
    /// Report only on migrations above this version (those not applied anywhere yet: `lint -since
    /// $(migrate version)`); the fold still reads every file. Applied files are not edited, not
    /// even for a suppression comment: that changes their checksum.
    public var since: Int64?
    /// The version table's name (`x-migrations-table`).
    public var migrationsTable = "schema_migrations"

    public init() {}

    func severity(_ rule: String) -> Diagnostic.Severity {
        if errors.contains(rule) { return .error }
        if warnings.contains(rule) { return .warning }
        return LintRule.named(rule)?.severity ?? .warning
    }
}

extension LintOptions {
    /// The name of a module's lint settings file, beside its migrations (passed over by the
    /// migrator, like every dot file).
    public static let configFileName = ".migrate-lint"

    /// Reads `<folder>/.migrate-lint` when there is one: lines `disable RULE[, RULE]`,
    /// `error RULE…`, `warning RULE…`, `since VERSION`; `#` starts a comment. Unknown rules and
    /// words are errors naming the line.
    public mutating func load(configIn folder: String) throws(MigrationSourceError) {
        let path = (folder as NSString).appendingPathComponent(Self.configFileName)
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MigrationSourceError(path: path, message: "cannot read the lint settings")
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = (rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            let words = line.split { $0 == " " || $0 == "\t" || $0 == "," }.map(String.init)
            let keyword = words[0].lowercased()
            let values = Array(words.dropFirst())
            let fail = { (message: String) in MigrationSourceError(path: path, line: offset + 1, column: 1, message: message) }
            switch keyword {
            case "since":
                guard values.count == 1, let version = Int64(values[0]) else { throw fail("since takes one version number") }
                since = version
            case "disable", "error", "warning":
                guard !values.isEmpty else { throw fail("\(keyword) takes rule names") }
                for rule in values where LintRule.named(rule) == nil {
                    throw fail("\(rule) is not a lint rule; `migrate lint -rules` lists them")
                }
                switch keyword {
                case "disable": disabled.formUnion(values)
                case "error": errors.formUnion(values)
                default: warnings.formUnion(values)
                }
            default:
                throw fail("\(words[0]) is not a setting: use disable, error, warning or since")
            }
        }
    }
}
