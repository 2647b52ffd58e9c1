import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGSchema
import PGTestSupport
import SaasModels
import Testing

/// The generated helpers of the saas models, unchanged, on a pool, in transactions and streamed.
@Suite struct GeneratedHelpersOnPoolTests {
    @Test func helpersRunOnThePoolAndInTransactions() async throws {
        try await withTestDatabase { config in
            let db = try PGConnection(config: config)
            try Migrator(connection: db, directory: MigrationDirectory(path: saasMigrationsPath), options: MigratorOptions(lockDatabaseName: config.urlPath)).up()
            db.close()
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 4))
            defer { pool.close() }

            let client = try await pool.withTransaction { tx in
                let client = try await SaasClient.insert(.init(name: "Toko Maju", slug: "toko-maju", email: "owner@tokomaju.id"), on: tx)
                try await tx.withTransaction { savepoint in
                    _ = try await SaasClient.update(id: client.id, set: [.name("Toko Baru")], on: savepoint)
                }
                // Inside the transaction, before COMMIT, another connection sees nothing yet.
                #expect(try await SaasClient.find(id: client.id, on: pool) == nil)
                return client
            }
            #expect(try await SaasClient.find(id: client.id, on: pool)?.name == "Toko Baru")

            await #expect(throws: PGError.self) {
                try await pool.withTransaction { tx in
                    _ = try await SaasClient.insert(.init(name: "Dua", slug: "dua", email: "dua@example.com"), on: tx)
                    _ = try await SaasClient.insert(.init(name: "Lagi", slug: "toko-maju", email: "lagi@example.com"), on: tx)
                }
            }
            #expect(try await SaasClient.find(slug: "dua", on: pool) == nil)

            let drafts = (0..<2000).map { SaasClient.Draft(name: "Toko \($0)", slug: "toko-\($0)", email: "o\($0)@example.com") }
            #expect(try await SaasClient.insertMany(drafts, on: pool) == 2000)
            var slugs = Set<String>()
            for try await row in try SaasClient.SQL.selectAll.stream(on: pool) { slugs.insert(row.slug) }
            #expect(slugs.count == 2001)
            #expect(slugs.contains("toko-maju"))
        }
    }
}
