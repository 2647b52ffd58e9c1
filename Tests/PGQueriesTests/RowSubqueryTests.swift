import PGClient
import PGQueries
import PGSchema
import PGTestSupport
import Testing

/// A row compared with a subquery's row: typed field by field, and refused where PostgreSQL
/// refuses it (a parameter the subquery selects is text by the time it is compared).
@Suite struct RowSubqueryTests {
    static let refused = [
        "SELECT id FROM saas_messages WHERE (conversation_id, direction) = (SELECT id, $1 FROM saas_conversations WHERE id = $2)",
        "SELECT id FROM saas_messages WHERE (conversation_id, client_id) = (SELECT id FROM saas_conversations)",
        "SELECT id FROM saas_messages WHERE (conversation_id, client_id) = (SELECT id, client_id, status FROM saas_conversations)",
    ]

    @Test func refusedOfflineAndByPostgreSQL() throws {
        for sql in Self.refused {
            #expect(!analyze(sql).diagnostics.isEmpty, "\(sql)")
        }
        #expect(analyze(Self.refused[1]).diagnostics.first?.message == "subquery has too few columns")
        #expect(analyze(Self.refused[2]).diagnostics.first?.message == "subquery has too many columns")
        try QueryOracleTests.withSaasDatabase { connection in
            for sql in Self.refused {
                #expect(throws: PGError.self, "\(sql)") { try connection.describe(sql) }
            }
        }
    }
}
