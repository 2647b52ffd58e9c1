import PGRecord

/// An error from the database or from libpq, with the fields PostgreSQL reports.
///
/// `description` is safe to log: it holds no password and no bind values. The statement's text is
/// kept in ``query`` for callers that want it (it is the caller's own SQL, with `$n` placeholders).
public struct PGError: Error, Sendable, CustomStringConvertible {
    /// Where the error came from.
    public enum Kind: Sendable, Equatable {
        /// Connecting failed, or the connection was lost.
        case connection
        /// The server rejected a statement.
        case server
        /// The client could not send or read a statement.
        case client
    }

    /// Where the error came from: the connection, the server or the client.
    public var kind: Kind
    /// The five-character SQLSTATE code (`23505` for a unique violation), when the server sent one.
    public var sqlState: String?
    /// `ERROR`, `FATAL`, …
    public var severity: String?
    /// The primary message, in the server's words.
    public var message: String
    /// The server's `DETAIL`: more about the failure (which key was duplicated).
    public var detail: String?
    /// The server's `HINT`: what might fix it.
    public var hint: String?
    /// The 1-based character position in the statement the error points at.
    public var position: Int?
    /// The schema of the object concerned, when the error is about one.
    public var schema: String?
    /// The table concerned (a constraint violation names it).
    public var table: String?
    /// The column concerned (a not-null violation names it).
    public var column: String?
    /// The constraint violated, by name: map it to a message for your users.
    public var constraint: String?
    /// The statement that failed, when there was one.
    public var query: String?
    /// The server's `CONTEXT`: the function or nested statement the error arose in (none for an
    /// error in the statement as sent).
    public var context: String?
    /// The routine of the server's source that reported the error (`scanner_yyerror` for a syntax
    /// error found while parsing what was sent), to tell apart errors of one SQLSTATE.
    public var routine: String?

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
    /// Whether a foreign key refused the statement (SQLSTATE `23503`).
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// Whether the statement named a table that does not exist (SQLSTATE `42P01`).
    public var isUndefinedTable: Bool { sqlState == "42P01" }
}

/// A message the server sent that is not an error: `NOTICE`, `WARNING`, `INFO`, `DEBUG`.
public struct PGNotice: Sendable, CustomStringConvertible {
    /// `NOTICE`, `WARNING`, `INFO`, `DEBUG` or `LOG`.
    public var severity: String
    public var sqlState: String?
    /// The primary message, in the server's words.
    public var message: String
    /// The server's `DETAIL`: more about the failure (which key was duplicated).
    public var detail: String?
    /// The server's `HINT`: what might fix it.
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
