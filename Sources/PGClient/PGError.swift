import PGRecord

/// An error from the database or from libpq, with the fields PostgreSQL reports.
///
/// `description` is safe to log: it holds no password and no bind values. The statement's text is
/// kept in ``query`` for callers that want it (it is the caller's own SQL, with `$n` placeholders).
public struct PGError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Connecting failed, or the connection was lost.
        case connection
        /// The server rejected a statement.
        case server
        /// The client could not send or read a statement.
        case client
    }

    public var kind: Kind
    /// The five-character SQLSTATE code (`23505` for a unique violation), when the server sent one.
    public var sqlState: String?
    /// `ERROR`, `FATAL`, …
    public var severity: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    /// The 1-based character position in the statement the error points at.
    public var position: Int?
    public var schema: String?
    public var table: String?
    public var column: String?
    public var constraint: String?
    /// The statement that failed, when there was one.
    public var query: String?

    public init(
        kind: Kind, sqlState: String? = nil, severity: String? = nil, message: String,
        detail: String? = nil, hint: String? = nil, position: Int? = nil, query: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
        self.query = query
    }

    public var description: String {
        var text = "\(severity ?? "ERROR"): \(message)"
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let detail { text += "\nDETAIL: \(detail)" }
        if let hint { text += "\nHINT: \(hint)" }
        return text
    }

    /// The class-level name of the SQLSTATE, for the common cases a caller reacts to.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    public var isUndefinedTable: Bool { sqlState == "42P01" }
}

/// A message the server sent that is not an error: `NOTICE`, `WARNING`, `INFO`, `DEBUG`.
public struct PGNotice: Sendable, CustomStringConvertible {
    public var severity: String
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?

    public var description: String {
        var text = "\(severity): \(message)"
        if let detail { text += "\nDETAIL: \(detail)" }
        if let hint { text += "\nHINT: \(hint)" }
        return text
    }
}

/// A transaction (``PGRecord/PGExecutor/withTransaction(_:_:)``) reads the SQLSTATE to retry
/// serialization failures and deadlocks.
extension PGError: PGSQLStateError {}
