import Foundation
import PGClient
import PGCodegen
import PGRecord
import PGTestSupport
import SaasModels
import Testing

/// The functions generated at `swift build` from queries/saas, run on a real database.
@Suite struct GeneratedQueryTests {
    @Test func saasQueriesRunEndToEnd() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            let db = try PGConnection(config: config)
            defer { db.close() }
            let folder = URL(fileURLWithPath: saasMigrationsPath)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".up.sql") }).sorted() {
                try db.execute(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            }

            // INSERT … RETURNING * gives the table's model; a NULL narg takes the coalesce default.
            let client = try #require(try await SaasQueries.createClient(
                SaasQueries.CreateClient.Params(name: "Toko Maju", slug: "toko-maju", email: "owner@tokomaju.id", phone: nil, businessCategory: "retail", timezone: nil),
                on: db
            ))
            #expect(client.timezone == "Asia/Jakarta")
            #expect(client.businessCategory == "retail")
            #expect(try await SaasQueries.clientBySlug(slug: "toko-maju", on: db) == client)
            #expect(try await SaasQueries.clientBySlug(slug: "nobody", on: db) == nil)

            #expect(try await SaasQueries.changeSubscription(plan: .business, status: .active, id: client.id, on: db) == 1)
            let listed = try await SaasQueries.listClientsByPlan(plan: .business, pageSize: 10, pageOffset: 0, on: db)
            #expect(listed.map(\.slug) == ["toko-maju"])
            #expect(listed.first?.subscriptionStatus == .active)

            // A billing period, usage recorded through a data-modifying CTE, and the report.
            let period = try #require(try await SaasQueries.openPeriod(
                clientID: client.id, periodStart: PGDate(year: 2026, month: 11, day: 1), periodEnd: PGDate(year: 2026, month: 12, day: 1),
                creditsGranted: Decimal(100), on: db
            ))
            #expect(period.creditsGranted == Decimal(100))
            let usage = try #require(try await SaasQueries.recordUsage(amount: Decimal(string: "2.5")!, creditID: period.id, messageID: nil, description: "AI reply", on: db))
            #expect(usage.amount == Decimal(string: "-2.5")!)
            #expect(usage.transactionType == .usage)

            let report = try #require(try await SaasQueries.clientUsage(at: PGDate(year: 2026, month: 11, day: 15), clientID: client.id, on: db))
            #expect(report.messages == 0)
            #expect(report.aiTokens == 0)
            #expect(report.averageLatencyMs == nil)
            #expect(report.creditsLeft == Decimal(string: "97.5")!)
            #expect(try await SaasQueries.clientUsage(at: PGDate(year: 2025, month: 1, day: 1), clientID: client.id, on: db) == nil)

            // Conversations: a slice parameter, a lateral join, a message added through a CTE.
            let rows = try await db.query(
                "INSERT INTO saas_conversations (client_id, customer_phone) VALUES ($1, '+6281100000001') RETURNING id", [client.id.pgBind]
            )
            let conversation = try #require(rows.first.map { try $0.decode(UUID.self, at: 0) })
            let inbox = try await SaasQueries.inboxWithLastMessage(clientID: client.id, statuses: [.open], maxRows: 10, on: db)
            #expect(inbox.count == 1)
            #expect(inbox.first?.lastBody == nil)
            let added = try #require(try await SaasQueries.addMessage(
                SaasQueries.AddMessage.Params(conversationID: conversation, clientID: client.id, direction: .inbound, sender: .customer, body: "Halo, kak!"),
                on: db
            ))
            #expect(added.conversationsTouched == 1)
            let after = try await SaasQueries.inboxWithLastMessage(clientID: client.id, statuses: [.open, .waitingForAgent], maxRows: 10, on: db)
            #expect(after.first?.lastBody == "Halo, kak!")
            #expect(after.first?.lastSender == .customer)
            #expect(try await SaasQueries.inboxWithLastMessage(clientID: client.id, statuses: [.closed], maxRows: 10, on: db).isEmpty)
            #expect(try await SaasQueries.conversationMessages(conversationID: conversation, on: db).map(\.body) == ["Halo, kak!"])

            // Knowledge base: tags, counts, search.
            _ = try await db.execute("""
                INSERT INTO saas_knowledge_base (client_id, entry_type, title, plain_text, tags, content) VALUES
                  ('\(client.id.uuidString.lowercased())', 'faq', 'Jam buka toko', 'Kami buka setiap hari jam sembilan', '{jam,toko}', '{}'),
                  ('\(client.id.uuidString.lowercased())', 'product', 'Kopi susu', 'Kopi susu gula aren', '{minuman}', '{"price": 18000, "currency": "IDR"}')
                """, [])
            #expect(try await SaasQueries.entriesByTag(clientID: client.id, tag: "jam", on: db).map(\.title) == ["Jam buka toko"])
            let tags = try await SaasQueries.tagCounts(clientID: client.id, on: db)
            #expect(Set(tags.compactMap(\.tag)) == ["jam", "toko", "minuman"])
            let prices = try await SaasQueries.productPrices(clientID: client.id, on: db)
            #expect(prices.first?.price == Decimal(18000))
            #expect(prices.first?.currency == "IDR")
            #expect(try await SaasQueries.softDeleteClients(ids: [client.id, UUID()], on: db) == 1)
            #expect(try await SaasQueries.clientBySlug(slug: "toko-maju", on: db) == nil)
        }
    }
}

extension GeneratedQueryTests {
    /// Generated/Saas/Queries+SQL.swift is what the plugin writes at `swift build`.
    @Test func committedQueriesFileIsCurrent() throws {
        let models = PGCodegen.Generator.generate(migrations: saasMigrationsPath, moduleName: "Saas")
        let schema = try #require(models.schema)
        let fresh = QueryFileGenerator.generate(queries: saasQueriesPath, schema: schema, moduleName: "Saas", tableTypeNames: models.tableTypeNames)
        let file = try #require(fresh.file, "\(fresh.diagnostics)")
        let committed = try? String(contentsOfFile: "\(repositoryRoot)/Generated/Saas/\(file.name)", encoding: .utf8)
        #expect(committed == file.contents, "Generated/Saas/\(file.name) is stale: run `make generate` and commit the result")
    }
}
