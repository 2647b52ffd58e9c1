import FixtureModels
import Foundation
import PGCodegen
import PGTestSupport
import SaasModels
import Testing

/// The models generated at `swift build` by the plugin, used as a backend uses them.
@Suite struct GeneratedModelsTests {
    @Test func committedGeneratedFolderIsCurrent() throws {
        let fresh = Generator.generate(migrations: saasMigrationsPath, moduleName: "Saas")
        #expect(!fresh.hasErrors, "\(fresh.diagnostics)")
        for (name, contents) in fresh.files {
            let committed = try? String(contentsOfFile: "\(repositoryRoot)/Generated/Saas/\(name)", encoding: .utf8)
            #expect(committed == contents, "Generated/Saas/\(name) is stale: run `make generate` and commit the result")
        }
    }

    @Test func saasModelEncodesWithColumnNamesAndDecodesBackEqual() throws {
        let client = SaasClient(
            id: UUID(), name: "Toko Maju", slug: "toko-maju", email: "owner@tokomaju.id", timezone: "Asia/Jakarta",
            subscriptionPlan: .business, subscriptionStatus: .pastDue, monthlyMessageQuota: 5000,
            whatsappNumber: "+6281234567890", settings: ["greeting": "Halo!", "hours": [9, 17]], isActive: true,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000), updatedAt: Date(timeIntervalSince1970: 1_700_000_500)
        )
        let data = try JSONEncoder().encode(client)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["whatsapp_number"] as? String == "+6281234567890")
        #expect(object["subscription_status"] as? String == "past_due")
        #expect(object["monthly_message_quota"] as? Int == 5000)
        #expect(Set(object.keys).isSubset(of: Set(SaasClient.columnNames)))
        #expect(try JSONDecoder().decode(SaasClient.self, from: data) == client)
        #expect(SaasClient.tableName == "saas_clients")
        #expect(SaasClient.primaryKey == ["id"])
        #expect(SaasKnowledgeEntryType.allCases.map(\.rawValue) == ["faq", "product", "service", "policy"])
    }

    @Test func everyMappedTypeRoundTripsThroughJSON() throws {
        let row = EveryType(
            id: 1, small: -32768, smallSerial: 1, normal: 2_147_483_647, big: .max, bigSerial: 1, single: 1.5, doubleValue: -0.25,
            amount: Decimal(string: "12345678901234567890.0123456789"), flag: true, label: "quote \" and \\ and ü", code: "A1",
            fixed: "abc", nameValue: "n", uid: UUID(), raw: Data([0, 1, 255]), at: Date(timeIntervalSince1970: 0),
            localAt: Date(timeIntervalSince1970: -86_400), day: PGDate(year: 1969, month: 12, day: 31),
            atTime: PGTime(hour: 23, minute: 59, second: 59, microsecond: 999_999), span: PGInterval(months: 14, days: 3, microseconds: 5_000_000),
            doc: Document(title: "t", pages: 2), data: ["nested": ["a": [1, 2.5, nil, true]]], tags: [], grid: [[1, 2], [3, 4]],
            uids: [UUID()], ip: "10.0.0.1", net: "10.0.0.0/8", mac: "08:00:2b:01:02:03", search: "'a':1", cash: "$1.00", x: "<a/>",
            status: ._2ndTry, statuses: [.new, .done3, .default], quantity: 3, note: nil,
            home: Address(street: "Jl. Sudirman 1", city: "Jakarta", zip: "10220", default: "yes"), doubled: 4
        )
        let data = try JSONEncoder().encode(row)
        #expect(try JSONDecoder().decode(EveryType.self, from: data) == row)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["status"] as? String == "2nd try")
        #expect(object["day"] as? String == "1969-12-31")
        #expect(object["at_time"] as? String == "23:59:59.999999")
        #expect(object["real_value"] != nil)
        #expect(AwkwardName.CodingKeys.allCases.map(\.stringValue) == ["ID", "default", "class", "self", "Type", "in", "api_url", "2fa_code", "HTTPStatus", "JSONData"])
        let person = Person(personID: UUID())
        #expect(person.id == person.personID)
        #expect(AddressRow.tableName == "addresses")
    }
}
