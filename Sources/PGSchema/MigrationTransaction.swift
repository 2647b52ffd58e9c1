import Foundation

/// How a migration file runs with respect to the migrator's transaction: the rules shared by the
/// migrator (which decides) and the generator (which records the decision beside the embedded
/// text, for reading).
public enum MigrationTransaction {
    /// A file opts out of the transaction when its first line is `-- migrate:no-transaction`.
    public static func isMarkedNoTransaction(_ text: String) -> Bool {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let words = firstLine.drop { $0 == "\u{FEFF}" }.trimmingCharacters(in: .whitespaces)
        guard words.hasPrefix("--") else { return false }
        return words.dropFirst(2).trimmingCharacters(in: .whitespaces).lowercased() == "migrate:no-transaction"
    }

    /// The transaction-control statement that a statement starting with `words` is (`COMMIT`,
    /// `BEGIN`, …), or `nil`.
    public static func control(_ words: [String]) -> String? {
        guard let first = words.first else { return nil }
        let second = words.dropFirst().first
        switch first {
        case "begin": return "BEGIN"
        case "start" where second == "transaction": return "START TRANSACTION"
        case "commit": return "COMMIT"
        case "end": return "END"
        case "prepare" where second == "transaction": return "PREPARE TRANSACTION"
        case "rollback" where second != "to": return second == "prepared" ? "ROLLBACK PREPARED" : "ROLLBACK"
        case "abort": return "ABORT"
        default: return nil
        }
    }

    /// Whether the migrator runs `text` outside the one transaction it wraps a file in: the file
    /// is marked `-- migrate:no-transaction`, holds a statement PostgreSQL refuses in a
    /// transaction block, or controls its transaction itself.
    public static func runsOutside(_ text: String) -> Bool {
        if isMarkedNoTransaction(text) { return true }
        // One lexing pass answers both questions (the generator asks this of every embedded
        // file), a statement at a time: a data migration's tokens are never all in memory, and
        // the first statement that decides ends it.
        let source = SourceFile(path: "", text: text)
        var lexer = Lexer(source: source, bytes: source.bytes)
        while let statement = lexer.nextStatement() {
            if TransactionBlock.refusedStatement(statement) != nil
                || control(statement.tokens.prefix(2).map { $0.kind == .word ? $0.value : "" }) != nil {
                return true
            }
        }
        return false
    }
}
