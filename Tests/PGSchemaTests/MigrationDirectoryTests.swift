import Foundation
import PGSchema
import Testing

@Suite struct MigrationFileNameTests {
    @Test(arguments: [
        ("000001_create_saas_clients.up.sql", "000001", "create_saas_clients", MigrationDirection.up, "sql"),
        ("2_x.down.sql", "2", "x", .down, "sql"),
        ("20240101120000_add.up.pgsql", "20240101120000", "add", .up, "pgsql"),
        // The groups are greedy, as in golang-migrate's regular expression: the last `.up.` wins.
        ("3_a.down.b.up.sql", "3", "a.down.b", .up, "sql"),
        ("4_.up.sql", "4", "", .up, "sql"),
    ])
    func parsesGolangMigrateNames(name: String, version: String, title: String, direction: MigrationDirection, ext: String) throws {
        let parsed = try #require(MigrationFile.parse(fileName: name))
        #expect(parsed.version == Substring(version))
        #expect(parsed.name == title)
        #expect(parsed.direction == direction)
        #expect(parsed.fileExtension == ext)
    }

    @Test(arguments: ["README.md", "x_1.up.sql", "1.up.sql", "1_a.sql", "1_a.sideways.sql", ".gitkeep", "_1_a.up.sql"])
    func rejectsOtherNames(name: String) {
        #expect(MigrationFile.parse(fileName: name) == nil)
    }
}

@Suite struct MigrationDirectoryTests {
    func folder(_ names: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "pg-schema-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in names { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func ordersVersionsAsNumbersAndPairsUpWithDown() throws {
        let path = try folder([
            "10_ten.up.sql": "", "10_ten.down.sql": "", "2_two.up.sql": "", "1_one.up.sql": "", "1_one.down.sql": "",
            "README.md": "not a migration",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = try MigrationDirectory(path: path)
        #expect(directory.versions == [1, 2, 10])
        #expect(directory.migrations.map(\.name) == ["one", "two", "ten"])
        #expect(directory.migration(version: 2)?.down == nil)
        #expect(directory.migration(version: 10)?.down?.fileName == "10_ten.down.sql")
        #expect(directory.migration(version: 3) == nil)
        #expect(directory.upFiles.map(\.fileName) == ["1_one.up.sql", "2_two.up.sql", "10_ten.up.sql"])
    }

    @Test func duplicateVersionNamesBothFiles() throws {
        let path = try folder(["000003_b.up.sql": "", "3_c.up.sql": ""])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try MigrationDirectory(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.contains("duplicate migration version 3") && text.contains("000003_b.up.sql") && text.contains("3_c.up.sql")
                && text.contains(": error: ")
        }
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: MigrationSourceError.self) { try MigrationDirectory(path: "/nonexistent/migrations/saas") }
    }

    @Test func versionTooLargeForBigintIsAnError() throws {
        let path = try folder(["99999999999999999999_big.up.sql": ""])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { try MigrationDirectory(path: path) } throws: { "\($0)".contains("does not fit in a bigint") }
    }

    @Test func nonUTF8FileIsLocated() throws {
        let path = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = Array("SELECT 1;\nSELECT 'ab".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("';\n".utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/1_bad.up.sql"))
        let file = try #require(try MigrationDirectory(path: path).migrations.first?.up)
        #expect { try file.read() } throws: { error in
            let error = error as? MigrationSourceError
            return error?.line == 2 && error?.column == 11 && error?.message == "migration file is not valid UTF-8"
        }
    }

    @Test func readsTheShippedSaasModule() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = try MigrationDirectory(path: root.path + "/migrations/saas")
        #expect(directory.versions == [1, 2, 3, 4])
        #expect(directory.migrations.allSatisfy { $0.up != nil && $0.down != nil })
        #expect(directory.migrations.map(\.name) == [
            "create_saas_clients", "create_saas_knowledge_base", "create_saas_conversations", "create_saas_credits",
        ])
    }
}
