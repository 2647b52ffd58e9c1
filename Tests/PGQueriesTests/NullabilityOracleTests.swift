import Foundation
import PGClient
import PGQueries
import PGRecord
import PGSchema
import PGTestSupport
import Testing

/// Nullability against data: every query of the corpus and of queries/saas runs over rows made to
/// produce NULLs (nullable columns left NULL, clients with no messages, periods with no
/// transactions, arrays with NULL elements), and a column the analyser calls NOT NULL must never
/// come back NULL. Each query runs in a savepoint that is rolled back, so writes leave no trace.
@Suite struct NullabilityOracleTests {
    static let clientWithAll = "11111111-1111-4111-8111-111111111111"
    static let clientWithNone = "22222222-2222-4222-8222-222222222222"

    static let seed = """
        INSERT INTO saas_clients (id, name, slug, email, phone, business_category, trial_ends_at, settings) VALUES
          ('\(clientWithAll)', 'Toko A', 'toko-a', 'a@example.com', '+62215550001', 'retail', now() + interval '3 days', '{"greeting": "Halo", "hours": {"open": 9}, "ai": {"tone": "ramah"}, "away": null}'),
          ('\(clientWithNone)', 'Toko B', 'toko-b', 'b@example.com', NULL, NULL, NULL, '{}');
        INSERT INTO saas_conversations (id, client_id, customer_phone, customer_name, last_message_at) VALUES
          ('33333333-3333-4333-8333-333333333333', '\(clientWithAll)', '+6281100000001', 'Budi', now()),
          ('44444444-4444-4444-8444-444444444444', '\(clientWithAll)', '+6281100000002', NULL, NULL);
        INSERT INTO saas_messages (conversation_id, client_id, direction, sender, body, ai_model, ai_prompt_tokens, ai_completion_tokens, ai_latency_ms, ai_confidence, sent_at) VALUES
          ('33333333-3333-4333-8333-333333333333', '\(clientWithAll)', 'inbound', 'customer', 'Halo', NULL, NULL, NULL, NULL, NULL, now() - interval '1 hour'),
          ('33333333-3333-4333-8333-333333333333', '\(clientWithAll)', 'outbound', 'ai', 'Halo, kak', 'gpt', 10, 20, 300, 0.9, now());
        INSERT INTO saas_credits (id, client_id, period_start, period_end, credits_granted) VALUES
          ('55555555-5555-4555-8555-555555555555', '\(clientWithAll)', '2026-11-01', '2026-12-01', 100),
          ('66666666-6666-4666-8666-666666666666', '\(clientWithNone)', '2026-11-01', '2026-12-01', 0);
        INSERT INTO saas_credit_transactions (credit_id, client_id, transaction_type, amount, balance_after) VALUES
          ('55555555-5555-4555-8555-555555555555', '\(clientWithAll)', 'grant', 100, 100);
        INSERT INTO saas_knowledge_base (client_id, entry_type, title, plain_text, tags, content, rich_content) VALUES
          ('\(clientWithAll)', 'faq', 'Jam buka', 'Buka jam sembilan', '{jam,NULL}', '{}', NULL),
          ('\(clientWithAll)', 'product', 'Kopi', 'Kopi susu', '{}', '{"price": 18000}', '[{"type": "p"}]');
        """

    /// A value of the parameter's type that finds the seeded rows where it can.
    static func sample(_ parameter: QueryParameter, schema: Schema) -> PGBind {
        let type = parameter.type
        if type.arrayDimensions > 0 {
            var element = parameter
            element.type = type.element
            guard let text = sample(element, schema: schema).text else { return "{}" }
            return PGBind(text: "{\"\(text.replacingOccurrences(of: "\"", with: "\\\""))\"}")
        }
        if let name = type.qualifiedName, let enumType = schema.enumType(name) { return PGBind(text: enumType.labels[0]) }
        switch type.name {
        case "uuid": return PGBind(text: parameter.name.contains("credit") ? "55555555-5555-4555-8555-555555555555" : parameter.name.contains("conversation") ? "33333333-3333-4333-8333-333333333333" : clientWithAll)
        case "integer", "smallint": return "1"
        case "bigint": return "10"
        case "numeric", "real", "double precision": return "0.5"
        case "boolean": return "true"
        case "timestamp with time zone", "timestamp without time zone": return "2000-01-01 00:00:00+00"
        case "date": return "2026-11-15"
        case "interval": return "1 day"
        case "jsonb", "json": return "{}"
        default: return PGBind(text: parameter.name == "slug" ? "toko-a" : "x")
        }
    }

    @Test func notNullColumnsAreNeverNull() throws {
        var queries: [AnalyzedQuery] = []
        for (index, item) in corpus.enumerated() {
            queries += QueryAnalyzer.analyze(sql: "-- name: Corpus\(index) :many\n" + item.sql, schema: saasSchema).queries
        }
        queries += QueryAnalyzer.analyze(directory: saasQueriesPath, schema: saasSchema).queries
        try QueryOracleTests.withSaasDatabase { connection in
            try connection.execute(Self.seed)
            try connection.execute("BEGIN")
            var ran = 0
            var rows = 0
            var nullsSeen = 0
            var violations: [String] = []
            var refused: [String] = []
            for query in queries {
                try connection.execute("SAVEPOINT q")
                defer { _ = try? connection.execute("ROLLBACK TO SAVEPOINT q") }
                let result: PGRows
                do {
                    result = try connection.query(query.sql, query.parameters.map { Self.sample($0, schema: saasSchema) })
                } catch {
                    refused.append("\(query.name): \(error)")
                    continue
                }
                ran += 1
                for row in result {
                    rows += 1
                    for (index, column) in query.columns.enumerated() where row[index] == nil {
                        if column.isNotNull {
                            violations.append("\(query.name) (\(query.location)): column \(column.name) is NULL, the analyser says NOT NULL\n  \(query.sql)")
                        } else {
                            nullsSeen += 1
                        }
                    }
                }
            }
            try connection.execute("ROLLBACK")
            #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
            // Most queries run on the seeded data (a few writes may hit a constraint with sample values).
            #expect(ran * 10 >= queries.count * 9, "only \(ran) of \(queries.count) ran:\n\(refused.joined(separator: "\n"))")
            #expect(rows > 100)
            #expect(nullsSeen > 20)
        }
    }
}
