import Foundation
import PGClient
import PGMigrate
import PGSchema
import PGTestSupport
import SaasModels
import Testing

/// Every generated helper of every saas table, against the saas schema migrated by the migrator.
@Suite struct QueryHelperTests {
    func withSaas(_ body: (PGConnection) async throws -> Void) async throws {
        try await withSaasLikeDatabase(migrations: saasMigrationsPath, body)
    }

    func client(_ slug: String, whatsapp: String? = nil) -> SaasClient.Draft {
        SaasClient.Draft(name: "Toko \(slug)", slug: slug, email: "\(slug)@example.com", whatsappNumber: whatsapp)
    }

    @Test func clientsInsertFindUpdateUpsertDelete() async throws {
        try await withSaas { db in
            let before = Date()
            let inserted = try await SaasClient.insert(client("toko-maju", whatsapp: "+6281234567890"), on: db)
            // Defaults come back from the database.
            #expect(inserted.timezone == "Asia/Jakarta")
            #expect(inserted.subscriptionPlan == .free)
            #expect(inserted.subscriptionStatus == .trialing)
            #expect(inserted.monthlyMessageQuota == 1000)
            #expect(inserted.settings == .object([:]))
            #expect(inserted.isActive)
            #expect(abs(inserted.createdAt.timeIntervalSince(before)) < 60)

            #expect(try await SaasClient.find(id: inserted.id, on: db) == inserted)
            #expect(try await SaasClient.find(slug: "toko-maju", on: db) == inserted)
            #expect(try await SaasClient.find(email: "toko-maju@example.com", on: db) == inserted)
            #expect(try await SaasClient.find(whatsappNumber: "+6281234567890", on: db) == inserted)
            #expect(try await SaasClient.find(id: UUID(), on: db) == nil)
            #expect(try await SaasClient.find(slug: "x'; DROP TABLE saas_clients; --", on: db) == nil)

            var changed = inserted
            changed.name = "Toko Maju Jaya"
            changed.settings = ["greeting": "Halo, kak!", "hours": ["open": 9, "close": 21], "ai": ["tone": "ramah", "temperature": 0.4]]
            changed.subscriptionPlan = .business
            let updated = try #require(try await changed.update(on: db))
            #expect(updated.name == "Toko Maju Jaya")
            #expect(updated.settings == changed.settings)
            #expect(updated.updatedAt > inserted.updatedAt || updated.updatedAt == inserted.updatedAt)

            let partial = try #require(try await SaasClient.update(id: inserted.id, set: [.phone("+62215550000"), .isActive(false)], on: db))
            #expect(partial.phone == "+62215550000")
            #expect(!partial.isActive)
            #expect(partial.name == "Toko Maju Jaya")
            #expect(try await SaasClient.update(id: UUID(), set: [.phone(nil)], on: db) == nil)
            // NULL is a value a change can set; a generated column has no case at all.
            #expect(try await SaasClient.update(id: inserted.id, set: [.phone(nil)], on: db)?.phone == nil)

            var fresh = inserted
            fresh.id = UUID()
            fresh.slug = "toko-baru"
            fresh.email = "baru@example.com"
            fresh.whatsappNumber = nil
            #expect(try await fresh.upsert(on: db).slug == "toko-baru")
            fresh.name = "Toko Baru Sekali"
            #expect(try await fresh.upsert(on: db).name == "Toko Baru Sekali")
            #expect(try await SaasClient.count(on: db) == 2)

            #expect(try await SaasClient.delete(id: fresh.id, on: db))
            #expect(try await !SaasClient.delete(id: fresh.id, on: db))
            #expect(try await SaasClient.find(id: fresh.id, on: db) == nil)
            #expect(try await SaasClient.count(on: db) == 1)
        }
    }

    @Test func fetchAllOrdersAndPages() async throws {
        try await withSaas { db in
            let slugs = ["c-toko", "a-toko", "d-toko", "b-toko"]
            let inserted = try await SaasClient.insert(slugs.map { client($0) }, on: db)
            #expect(inserted.map(\.slug) == slugs)
            #expect(try await SaasClient.fetchAll(orderBy: .slug, on: db).map(\.slug) == ["a-toko", "b-toko", "c-toko", "d-toko"])
            #expect(try await SaasClient.fetchAll(orderBy: .slug, descending: true, limit: 2, on: db).map(\.slug) == ["d-toko", "c-toko"])
            #expect(try await SaasClient.fetchAll(orderBy: .slug, limit: 2, offset: 1, on: db).map(\.slug) == ["b-toko", "c-toko"])
            #expect(Set(try await SaasClient.fetchAll(on: db).map(\.id)) == Set(inserted.map(\.id)))
            // Loading without reading back: only the count returns, the rows are there.
            #expect(try await SaasClient.insertMany(["e-toko", "f-toko"].map { client($0) }, on: db) == 2)
            #expect(try await SaasClient.find(slug: "f-toko", on: db)?.email == client("f-toko").email)
            #expect(try await SaasClient.count(on: db) == 6)
        }
    }

    @Test func violationsAreErrorsWithSQLSTATE() async throws {
        try await withSaas { db in
            _ = try await SaasClient.insert(client("sama", whatsapp: "+6281111111111"), on: db)
            await #expect {
                try await SaasClient.insert(client("sama"), on: db)
            } throws: { error in
                (error as? PGError)?.sqlState == "23505" && (error as? PGError)?.constraint == "saas_clients_slug_key"
            }
            await #expect {
                try await SaasKnowledgeBase.insert(.init(clientID: UUID(), entryType: .faq, title: "Orphan"), on: db)
            } throws: { error in
                (error as? PGError)?.sqlState == "23503" && (error as? PGError)?.isForeignKeyViolation == true
            }
            await #expect {
                try await SaasClient.insert(.init(name: "x", slug: "Not A Slug!", email: "x@example.com"), on: db)
            } throws: { ($0 as? PGError)?.sqlState == "23514" }
        }
    }

    @Test func knowledgeBaseByClientTagsAndFullTextSearch() async throws {
        try await withSaas { db in
            let toko = try await SaasClient.insert(client("toko"), on: db)
            let other = try await SaasClient.insert(client("lain"), on: db)
            let entries = try await SaasKnowledgeBase.insert([
                .init(clientID: toko.id, entryType: .policy, title: "Kebijakan pengembalian barang",
                      content: ["effective_date": "2026-01-01"], plainText: "Barang dapat dikembalikan dalam 7 hari dengan struk pembelian.",
                      tags: ["pengembalian", "kebijakan"]),
                .init(clientID: toko.id, entryType: .faq, title: "Jam buka toko", content: ["answer": "09.00-21.00"],
                      plainText: "Toko buka setiap hari pukul 09.00 sampai 21.00.", tags: ["jam", "toko"]),
                .init(clientID: toko.id, entryType: .product, title: "Kopi susu gula aren",
                      content: ["price": 25000, "currency": "IDR", "sku": "KSG-01", "stock": 12],
                      richContent: ["type": "doc", "content": [["type": "paragraph", "text": "Kopi susu \"favorit\"\nbaris kedua"]]],
                      plainText: "Kopi susu dengan gula aren asli. Bisa pengembalian jika salah pesanan.", tags: ["minuman", "kopi"]),
                .init(clientID: other.id, entryType: .faq, title: "Info toko lain", plainText: "Tanya soal pengembalian ke toko.", tags: ["pengembalian"]),
            ], on: db)
            #expect(entries.count == 4)
            #expect(entries[2].content["price"] == .integer(25000))
            #expect(entries[2].richContent == ["type": "doc", "content": [["type": "paragraph", "text": "Kopi susu \"favorit\"\nbaris kedua"]]])
            // The generated tsvector is searched, never selected: it is not in the model.
            #expect(!SaasKnowledgeBase.SQL.columns.contains("search_vector") && !SaasKnowledgeBase.columnNames.contains("search_vector"))
            #expect(SaasKnowledgeBase.SQL.search.sql.contains("\"search_vector\" @@"))
            #expect(entries.allSatisfy { $0.language == "id" && $0.isPublished && $0.sortOrder == 0 })

            let ofToko = try await SaasKnowledgeBase.fetch(clientID: toko.id, on: db)
            #expect(ofToko.map(\.title) == entries.prefix(3).sorted { $0.id.uuidString.lowercased() < $1.id.uuidString.lowercased() }.map(\.title))
            // A foreign-key fetch orders and pages like fetchAll, the primary key breaking ties.
            let byTitle = try await SaasKnowledgeBase.fetch(clientID: toko.id, orderBy: .title, on: db).map(\.title)
            #expect(byTitle == entries.prefix(3).map(\.title).sorted())
            let secondPage = try await SaasKnowledgeBase.fetch(clientID: toko.id, orderBy: .title, descending: true, limit: 2, offset: 1, on: db)
            #expect(secondPage.map(\.title) == Array(entries.prefix(3).map(\.title).sorted().reversed().dropFirst().prefix(2)))
            // Equal values of the order column (every row has this client) come back by primary key,
            // so pages never overlap.
            let sameOrder = try await SaasKnowledgeBase.fetch(clientID: toko.id, orderBy: .clientID, descending: true, limit: 10, on: db)
            #expect(sameOrder.map(\.id) == entries.prefix(3).map(\.id).sorted { $0.uuidString.lowercased() < $1.uuidString.lowercased() })
            #expect(try await SaasKnowledgeBase.fetch(tagsContaining: ["pengembalian"], on: db).count == 2)
            #expect(try await SaasKnowledgeBase.fetch(tagsContaining: ["pengembalian", "kebijakan"], on: db).map(\.title) == ["Kebijakan pengembalian barang"])
            #expect(try await SaasKnowledgeBase.fetch(tagsContaining: ["tidak-ada"], on: db).isEmpty)

            // The title weighs more than the body: the policy ranks above the product that mentions it in passing.
            let found = try await SaasKnowledgeBase.search("pengembalian", on: db)
            #expect(found.first?.title == "Kebijakan pengembalian barang")
            #expect(Set(found.map(\.title)) == ["Kebijakan pengembalian barang", "Kopi susu gula aren", "Info toko lain"])
            #expect(try await SaasKnowledgeBase.search("kopi -teh", limit: 5, on: db).map(\.title) == ["Kopi susu gula aren"])
            #expect(try await SaasKnowledgeBase.search("\"jam buka\"", on: db).map(\.title) == ["Jam buka toko"])
            #expect(try await SaasKnowledgeBase.search("'); DROP TABLE saas_clients; --", on: db).isEmpty)
            // Within one client's knowledge base, the other client's entry is not found.
            #expect(try await SaasKnowledgeBase.search("pengembalian", clientID: toko.id, on: db).map(\.title)
                == ["Kebijakan pengembalian barang", "Kopi susu gula aren"])
            #expect(try await SaasKnowledgeBase.search("pengembalian", clientID: other.id, on: db).map(\.title) == ["Info toko lain"])
            #expect(try await SaasKnowledgeBase.search("pengembalian", clientID: toko.id, limit: 1, on: db).count == 1)
        }
    }

    @Test func conversationsMessagesCreditsAndTransactions() async throws {
        try await withSaas { db in
            let toko = try await SaasClient.insert(client("toko"), on: db)
            let conversation = try await SaasConversation.insert(.init(clientID: toko.id, customerPhone: "+6289876543210", customerName: "Budi"), on: db)
            #expect(conversation.status == .open)
            #expect(conversation.aiEnabled)
            #expect(try await SaasConversation.fetch(clientID: toko.id, on: db).map(\.id) == [conversation.id])

            let question = try await SaasMessage.insert(.init(conversationID: conversation.id, clientID: toko.id, direction: .inbound, sender: .customer, body: "Jam berapa buka?", whatsappMessageID: "wamid.1"), on: db)
            let answer = try await SaasMessage.insert(.init(
                conversationID: conversation.id, clientID: toko.id, direction: .outbound, sender: .ai, body: "Kami buka pukul 09.00.",
                whatsappMessageID: "wamid.2", status: .sent, aiModel: "gpt-x", aiPromptTokens: 812, aiCompletionTokens: 24,
                aiLatencyMs: 950, aiConfidence: 0.875, aiKnowledgeEntryIDs: [UUID(), UUID()], aiMetadata: ["temperature": 0.2]
            ), on: db)
            #expect(answer.aiConfidence == 0.875)
            #expect(answer.aiKnowledgeEntryIDs.count == 2)
            #expect(try await SaasMessage.find(whatsappMessageID: "wamid.2", on: db) == answer)
            #expect(Set(try await SaasMessage.fetch(conversationID: conversation.id, on: db).map(\.id)) == [question.id, answer.id])
            #expect(try await SaasMessage.fetch(clientID: toko.id, on: db).count == 2)

            let period = try await SaasCredit.insert(.init(
                clientID: toko.id, periodStart: PGDate(year: 2026, month: 11, day: 1), periodEnd: PGDate(year: 2026, month: 12, day: 1),
                creditsGranted: Decimal(string: "1000.5")!
            ), on: db)
            #expect(period.creditsUsed == 0)
            #expect(try await SaasCredit.find(clientID: toko.id, periodStart: PGDate(year: 2026, month: 11, day: 1), on: db) == period)
            #expect(try await SaasCredit.fetch(clientID: toko.id, on: db) == [period])

            let usage = try await SaasCreditTransaction.insert(.init(
                creditID: period.id, clientID: toko.id, messageID: answer.id, transactionType: .usage,
                amount: Decimal(string: "-1.2500")!, balanceAfter: Decimal(string: "999.2500")!, description: "AI reply"
            ), on: db)
            #expect(usage.id > 0)
            #expect(usage.amount == Decimal(string: "-1.25"))
            #expect(try await SaasCreditTransaction.find(id: usage.id, on: db) == usage)
            #expect(try await SaasCreditTransaction.fetch(creditID: period.id, on: db) == [usage])
            #expect(try await SaasCreditTransaction.fetch(messageID: answer.id, on: db) == [usage])
            // The ledger's sign rule: usage must be negative.
            await #expect {
                try await SaasCreditTransaction.insert(.init(creditID: period.id, clientID: toko.id, transactionType: .usage, amount: 5, balanceAfter: 1), on: db)
            } throws: { ($0 as? PGError)?.constraint == "saas_credit_transactions_sign" }

            // Deleting the message keeps the ledger entry (ON DELETE SET NULL).
            #expect(try await SaasMessage.delete(id: answer.id, on: db))
            #expect(try await SaasCreditTransaction.find(id: usage.id, on: db)?.messageID == nil)
            // Deleting the client cascades.
            #expect(try await SaasClient.delete(id: toko.id, on: db))
            #expect(try await SaasCreditTransaction.count(on: db) == 0)
            #expect(try await SaasConversation.count(on: db) == 0)
        }
    }
}
