import Foundation
@testable import PGCodegen
import PGRecord
import PGSchema
import PGTestSupport
import HostileModels
import SaasModels
import Testing

/// The migrations the generator embeds in each models target (`Versions.swift`,
/// `<Module>Migrations.all`). That HostileModels compiles with them is half of the test: its
/// files hold CRLF line ends, U+2028, control characters and runs of `#` after quotes.
@Suite struct EmbeddedMigrationsTests {
    /// Every embedded text is its file's bytes, exactly.
    func expectEmbedded(_ migrations: [PGMigration], equalTo folder: String) throws {
        let directory = try MigrationDirectory(path: folder)
        #expect(migrations.map(\.version) == directory.versions)
        for (embedded, migration) in zip(migrations, directory.migrations) {
            #expect(embedded.name == migration.name)
            for direction in MigrationDirection.allCases {
                let script = direction == .up ? embedded.up : embedded.down
                guard let file = migration.file(direction) else {
                    #expect(script == nil)
                    continue
                }
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file.path))
                #expect(script?.fileName == file.fileName)
                #expect(script.map { Data($0.sql.utf8) } == bytes, "\(file.fileName)")
                #expect(script?.runsOutsideTransaction == MigrationTransaction.runsOutside(String(decoding: bytes, as: UTF8.self)))
            }
        }
    }

    @Test func theHostileFixturesTextsSurviveByteForByte() throws {
        try expectEmbedded(HostileMigrations.all, equalTo: repositoryRoot + "/Tests/Fixtures/hostile")
        #expect(HostileMigrations.all.contains { $0.up?.sql.contains("\r\n") == true })
        #expect(HostileMigrations.all.contains { $0.up?.sql.contains(###"##"""##"###) == true })
    }

    @Test func theSaasMigrationsAreEmbedded() throws {
        try expectEmbedded(SaasMigrations.all, equalTo: saasMigrationsPath)
    }

    /// The byte walks the renderer uses in place of `split` and generic scans: lines at `\n`,
    /// empty ones kept, multi-byte text intact; printable ASCII told from the rest.
    @Test func renderedTextIsSplitAndScannedOnBytes() {
        #expect(SwiftRenderer.lines("") == [""])
        #expect(SwiftRenderer.lines("a\n\nb\n") == ["a", "", "b", ""])
        #expect(SwiftRenderer.lines("{\n    é \u{1F389}\n}") == ["{", "    é \u{1F389}", "}"])
        #expect(SwiftRenderer.isPrintableASCII("a ~ \"quoted\""))
        #expect(!SwiftRenderer.isPrintableASCII("tab\there") && !SwiftRenderer.isPrintableASCII("é") && !SwiftRenderer.isPrintableASCII("\u{7F}"))
        #expect(SwiftRenderer.literalBody("say \"hi\"\\n") == #"say \"hi\"\\n"#)
        #expect(SwiftRenderer.literalBody("a\tb".dropFirst()) == #"\tb"#)
    }

    @Test func rawLiteralsTakeOneHashMoreThanTheTextHolds() {
        #expect(SwiftRenderer.rawLiteral("SELECT 1;\n") == ("#", ["SELECT 1;", ""]))
        #expect(SwiftRenderer.rawLiteral(###"a "## b"###).delimiter == "###")
        #expect(SwiftRenderer.rawLiteral("a\r\nb\u{2028}c\td").lines == [##"a\#u{D}"##, ##"b\#u{2028}c"## + "\td"])
        #expect(SwiftRenderer.rawLiteral("").lines == [""])
        // Plain ASCII (one walk over the bytes) and text with other scalars (scalar by scalar)
        // split and delimit alike.
        #expect(SwiftRenderer.rawLiteral("a\tb ## c\n\n#d\n") == ("###", ["a\tb ## c", "", "#d", ""]))
        #expect(SwiftRenderer.rawLiteral("é\tb ## c\n\n#d\n") == ("###", ["é\tb ## c", "", "#d", ""]))
        #expect(SwiftRenderer.rawLiteral("a\u{7F}b").lines == [##"a\#u{7F}b"##])
    }

    @Test func noTransactionFilesAreMarked() {
        #expect(MigrationTransaction.runsOutside("-- migrate:no-transaction\nCREATE TABLE a (id int);"))
        #expect(MigrationTransaction.runsOutside("CREATE INDEX CONCURRENTLY i ON a (id);"))
        #expect(MigrationTransaction.runsOutside("BEGIN; CREATE TABLE a (id int); COMMIT;"))
        #expect(!MigrationTransaction.runsOutside("CREATE TABLE a (id int);\n-- COMMIT in a comment\n"))
    }

    @Test func theGeneratorWritesMigrationsSwiftForAFolder() throws {
        let folder = try TemporaryFolder(files: [
            "000001_a.up.sql": "CREATE TABLE a (id int);\n",
            "000001_a.down.sql": "DROP TABLE a;\n",
            "000002_b.up.sql": "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY a_id ON a (id);",
        ])
        defer { folder.remove() }
        let output = Generator.generate(migrations: folder.path, moduleName: "Shop")
        let file = try #require(output.files.first { $0.name == "Versions.swift" }?.contents)
        #expect(file.contains("public enum ShopMigrations {"))
        #expect(file.contains("public static let all: [PGMigration] = [v000001, v000002]"))
        #expect(file.contains("""
                            sql: #\"\"\"
                                -- migrate:no-transaction
                                CREATE INDEX CONCURRENTLY a_id ON a (id);
                                \"\"\"#
            """))
        #expect(file.contains("runsOutsideTransaction: true,"))
        #expect(file.contains("down: nil"))
    }

    @Test func inShardsEachMigrationIsInOneShardAndANewOneTouchesOneShardAndTheList() throws {
        var files = (1...40).reduce(into: [String: String]()) { files, n in
            let version = String(format: "%06d", n)
            files["\(version)_t\(n).up.sql"] = "CREATE TABLE t\(n) (id int);\n"
            files["\(version)_t\(n).down.sql"] = "DROP TABLE t\(n);\n"
        }
        var folder = try TemporaryFolder(files: files)
        let before = Generator.generate(migrations: folder.path, moduleName: "Shop", shards: 8)
        folder.remove()
        let list = try #require(before.files.first { $0.name == "Versions.swift" }?.contents)
        #expect(list.contains("public static let all: [PGMigration] = [\n        v000001,\n        v000002,\n"))
        #expect(list.contains("        v000040,\n    ]"))
        #expect(!list.contains("PGMigration("))
        let shards = before.files.filter { $0.name.hasPrefix("Versions+") }
        #expect(shards.map(\.name) == (0..<8).map { "Versions+0\($0).swift" })
        for n in 1...40 {
            let name = String(format: "v%06d", n)
            #expect(shards.filter { $0.contents.contains("public static var \(name): PGMigration {\n        PGMigration(\n") }.count == 1, "\(name)")
        }
        #expect(shards.allSatisfy { $0.contents.isEmpty || !$0.contents.contains("Source:") })

        files["000041_t41.up.sql"] = "CREATE TABLE t41 (id int);\n"
        folder = try TemporaryFolder(files: files)
        defer { folder.remove() }
        let after = Generator.generate(migrations: folder.path, moduleName: "Shop", shards: 8)
        let changed = after.files.filter { file in before.files.first { $0.name == file.name }?.contents != file.contents }.map(\.name)
        // The new migration's table's shard, its migration's shard and the list.
        #expect(changed.filter { $0.hasPrefix("Versions") }.count == 2, "\(changed)")
        #expect(changed.contains("Versions.swift"))
        #expect(changed.filter { $0.hasPrefix("Tables+") }.count == 1, "\(changed)")
    }
}
