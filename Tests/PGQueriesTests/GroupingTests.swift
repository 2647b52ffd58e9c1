import Foundation
import PGClient
import PGQueries
import PGSchema
import PGTestSupport
import Testing

/// GROUP BY's rule, offline and as PostgreSQL applies it.
@Suite struct GroupingTests {
    /// Queries PostgreSQL refuses because a column is neither grouped nor aggregated, with the column named.
    static let refused: [(String, String)] = [
        ("SELECT name, count(*) FROM saas_clients", "saas_clients.name"),
        ("SELECT c.name, count(m.id) FROM saas_clients c LEFT JOIN saas_messages m ON m.client_id = c.id GROUP BY c.slug", "c.name"),
        ("SELECT m.body, count(*) FROM saas_clients c JOIN saas_messages m ON m.client_id = c.id GROUP BY c.id", "m.body"),
        ("SELECT client_id FROM saas_messages GROUP BY client_id HAVING max(sent_at) > now() ORDER BY sent_at", "saas_messages.sent_at"),
        ("SELECT date_trunc('day', sent_at), count(*) FROM saas_messages GROUP BY date_trunc('hour', sent_at)", "saas_messages.sent_at"),
        ("SELECT sender, body FROM saas_messages GROUP BY sender", "saas_messages.body"),
    ]

    /// Grouped queries PostgreSQL accepts: grouped expressions, positions, aliases, a primary key
    /// standing for its table's columns, aggregates, windows over grouped values, outer references.
    static let accepted: [String] = [
        "SELECT c.id, c.name, c.email, count(m.id) FROM saas_clients c LEFT JOIN saas_messages m ON m.client_id = c.id GROUP BY c.id",
        "SELECT date_trunc('day', sent_at) AS day, count(*) FROM saas_messages GROUP BY date_trunc('day', sent_at)",
        "SELECT date_trunc('day', sent_at) AS day, count(*) FROM saas_messages GROUP BY day ORDER BY day",
        "SELECT sender, direction, count(*) FROM saas_messages GROUP BY 1, 2 ORDER BY 3 DESC",
        "SELECT sender, count(*) * 2 + 1 AS n, rank() OVER (ORDER BY count(*) DESC) FROM saas_messages GROUP BY sender HAVING count(*) > 1",
        "SELECT upper(sender::text) FROM saas_messages GROUP BY sender",
        "SELECT c.name, (SELECT count(*) FROM saas_messages m WHERE m.client_id = c.id) FROM saas_clients c GROUP BY c.id",
        "SELECT count(*), max(sent_at) FROM saas_messages",
        "SELECT client_id, count(*) FROM saas_messages GROUP BY client_id ORDER BY count(*) DESC",
    ]

    @Test func ungroupedColumnsAreErrorsAtTheColumn() throws {
        for (sql, column) in Self.refused {
            let error = try #require(analyze(sql).diagnostics.first, "\(sql)")
            #expect(error.message == "column \"\(column)\" must appear in the GROUP BY clause or be used in an aggregate function", "\(sql)")
        }
        for sql in Self.accepted {
            #expect(analyze(sql).diagnostics.isEmpty, "\(sql): \(analyze(sql).diagnostics)")
        }
    }

    @Test func postgreSQLAgrees() throws {
        try QueryOracleTests.withSaasDatabase { connection in
            for (sql, _) in Self.refused {
                #expect(throws: PGError.self, "\(sql)") { try connection.describe(sql) }
            }
            for sql in Self.accepted {
                #expect(throws: Never.self, "\(sql)") { try connection.describe(sql) }
            }
        }
    }
}
