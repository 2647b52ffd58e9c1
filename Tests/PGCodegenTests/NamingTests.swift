import Foundation
import PGCodegen
import Testing

@Suite struct NamingTests {
    @Test(arguments: [
        ("saas_clients", "SaasClient"), ("saas_knowledge_base", "SaasKnowledgeBase"), ("categories", "Category"),
        ("addresses", "Address"), ("people", "Person"), ("statuses", "Status"), ("boxes", "Box"), ("matches", "Match"),
        ("saas_messages", "SaasMessage"), ("news", "News"), ("data", "DataRow"), ("api_keys", "APIKey"),
        ("Order Items", "OrderItem"), ("2fa_codes", "_2faCode"), ("user_ids", "UserID"),
    ])
    func tableNamesBecomeSingularTypeNames(table: String, swift: String) {
        #expect(Naming.typeName(forTable: table) == swift)
    }

    @Test(arguments: [
        ("client_id", "clientID"), ("id", "id"), ("whatsapp_number", "whatsappNumber"), ("api_key", "apiKey"),
        ("profile_url", "profileURL"), ("source_ip", "sourceIP"), ("raw_json", "rawJSON"), ("Display Name", "displayName"),
        ("HTTPStatus", "httpStatus"), ("JSONData", "jsonData"), ("createdAt", "createdAt"), ("default", "`default`"),
        ("class", "`class`"), ("self", "selfValue"), ("2fa_code", "_2faCode"), ("ID", "id"), ("user_uuid", "userUUID"),
        ("ai_knowledge_entry_ids", "aiKnowledgeEntryIDs"), ("image_urls", "imageURLs"), ("ids", "ids"),
        // Names with non-ASCII letters take the general path; the same rules apply.
        ("nama_pelanggan_é", "namaPelangganÉ"), ("ÜberHTTPStatus", "überHTTPStatus"), ("größe_id", "größeID"),
    ])
    func columnNamesBecomePropertyNames(column: String, swift: String) {
        #expect(Naming.propertyName(column) == swift)
    }

    @Test(arguments: [
        ("past_due", "pastDue"), ("in progress", "inProgress"), ("2nd try", "_2ndTry"), ("default", "`default`"),
        ("faq", "faq"), ("DONE", "done"), ("", "empty"), ("waiting_for_agent", "waitingForAgent"),
    ])
    func enumLabelsBecomeCaseNames(label: String, swift: String) {
        #expect(Naming.caseName(label) == swift)
    }

    @Test(arguments: [
        ("string", "StringRow"), ("dates", "DateRow"), ("uuid", "UUIDRow"), ("self", "SelfRow"), ("any", "AnyRow"),
        ("sql", "SQLRow"), ("coding_keys", "CodingKeyRow"), ("json_values", "JSONValueRow"), ("decimal", "DecimalRow"),
        ("🎉", "Table"), ("", "Table"), ("pg_rows", "PgRow"), ("İstanbul", "Istanbul"), ("a\u{202E}b", "AB"),
    ])
    func reservedAndEmptyTableNames(table: String, swift: String) {
        #expect(Naming.typeName(forTable: table) == swift)
    }

    @Test(arguments: [
        ("pgValues", "pgValuesValue"), ("hashValue", "hashValueValue"), ("tableName", "tableNameValue"),
        ("rawValue", "rawValueValue"), ("init", "initValue"), ("Type", "type"), ("some", "`some`"), ("🎉", "value"),
        ("e\u{301}t\u{E9}", "été"), ("zero\u{200B}width", "zeroWidth"), ("a\u{2028}b", "aB"),
    ])
    func reservedMembersAndOddCharacters(column: String, swift: String) {
        #expect(Naming.propertyName(column) == swift)
    }
}

/// A table named like a public type of PGRecord would shadow it in the generated code, which
/// refers to PGRecord's types without the module name: every one must be reserved. Read from the
/// sources, so a type added to PGRecord later fails here until it is reserved.
@Suite struct ReservedNamesTests {
    @Test func everyPublicTypeOfPGRecordIsReserved() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/PGRecord")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 5)
        var names: Set<String> = []
        let pattern = try Regex(#"(?m)^public (?:final )?(?:struct|enum|protocol|class|actor|typealias) ([A-Za-z_][A-Za-z0-9_]*)"#)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        #expect(names.contains("PGTable"))
        for name in names.sorted() {
            #expect(Naming.reservedTypeNames.contains(name), "PGRecord's public type \(name) is not reserved")
        }
    }
}
