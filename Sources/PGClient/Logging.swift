import Logging

/// What the runtime tells a server operator through swift-log, and when a statement counts as slow.
///
/// Logged: connections opened (info), lost or closed because unusable (warning), the pool's
/// connections all in use (notice, when callers start to wait) and an acquire that timed out
/// (warning), statements slower than ``slowStatementThreshold`` (warning, with the SQL text and
/// the time), every statement's time (debug), failed statements (debug, SQLSTATE and constraint
/// only), and server notices (`WARNING` as warning, `NOTICE` as notice, others at debug).
///
/// Never logged: bind values, nor the server's error messages, which may quote a bound value
/// (`invalid input syntax for type integer: "…"`), nor a password.
public struct PGLogging: Sendable {
    public var logger: Logger
    /// A statement that takes longer is logged as a warning; `nil` never.
    public var slowStatementThreshold: Duration?

    public init(logger: Logger, slowStatementThreshold: Duration? = .seconds(1)) {
        self.logger = logger
        self.slowStatementThreshold = slowStatementThreshold
    }

    /// Logs nothing: the default.
    public static let disabled = PGLogging(
        logger: Logger(label: "pg-models", factory: { _ in SwiftLogNoOpLogHandler() }), slowStatementThreshold: nil
    )

    /// Runs one statement, timing it.
    func timed<T>(_ sql: String, _ body: () async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        do {
            let value = try await body()
            finished(sql, after: ContinuousClock.now - start, failure: nil)
            return value
        } catch {
            finished(sql, after: ContinuousClock.now - start, failure: error)
            throw error
        }
    }

    private func finished(_ sql: String, after duration: Duration, failure: (any Error)?) {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        if let threshold = slowStatementThreshold, duration >= threshold {
            logger.warning("slow statement", metadata: [
                "sql": "\(sql)", "duration_ms": "\(Self.rounded(milliseconds))", "threshold_ms": "\(threshold)",
            ])
        }
        guard logger.logLevel <= .debug else { return }
        var metadata: Logger.Metadata = ["sql": "\(sql)", "duration_ms": "\(Self.rounded(milliseconds))"]
        if let failure {
            let error = failure as? PGError
            metadata["sqlstate"] = "\(error?.sqlState ?? "none")"
            if let constraint = error?.constraint { metadata["constraint"] = "\(constraint)" }
            logger.debug("statement failed", metadata: metadata)
        } else {
            logger.debug("statement", metadata: metadata)
        }
    }

    private static func rounded(_ milliseconds: Double) -> String {
        String(Double(Int(milliseconds * 1000)) / 1000)
    }

    /// A server notice, at the level its severity calls for (its text is the server's own).
    func notice(_ notice: PGNotice) {
        let level: Logger.Level = switch notice.severity {
        case "WARNING": .warning
        case "NOTICE": .notice
        default: .debug
        }
        logger.log(level: level, "server \(notice.severity.lowercased()): \(notice.message)", metadata: [
            "sqlstate": "\(notice.sqlState ?? "none")",
        ])
    }

    /// Where a connection goes: never the password.
    static func metadata(_ config: PGConfig) -> Logger.Metadata {
        [
            "host": "\(config.host ?? "localhost")", "port": "\(config.port ?? 5432)",
            "database": "\(config.database ?? config.user ?? "")", "user": "\(config.user ?? "")",
        ]
    }
}
