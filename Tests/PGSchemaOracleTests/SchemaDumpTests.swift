import Foundation
import PGSchema
import PGTestSupport
import Testing

/// `pg-codegen schema`, run as a user runs it.
@Suite struct SchemaDumpTests {
    @Test func dumpsTheSaasSchemaAsStableJSON() throws {
        let first = try run(productsFolder + "/pg-codegen", ["schema", "--migrations", "migrations/saas"], in: repositoryRoot)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        let second = try run(productsFolder + "/pg-codegen", ["schema", "--migrations", "migrations/saas"], in: repositoryRoot)
        #expect(first.stdout == second.stdout)
        // It decodes back into the model that folding produces.
        let decoded = try JSONDecoder().decode(Schema.self, from: Data(first.stdout.utf8))
        #expect(decoded == SchemaLoader.load(migrations: "\(repositoryRoot)/migrations/saas").schema.relocated(from: "\(repositoryRoot)/", to: ""))
        #expect(decoded.tables.map(\.name.name) == [
            "saas_clients", "saas_knowledge_base", "saas_conversations", "saas_messages", "saas_credits", "saas_credit_transactions",
        ])
        #expect(first.stdout.contains(#""created" : "migrations/saas/000001_create_saas_clients.up.sql:8:1""#))
    }

    @Test func reportsEveryErrorAndFails() throws {
        let folder = try TemporaryFolder(files: [
            "000001_a.up.sql": "CREATE TABLE t (a nosuch);\nALTER TABLE x ADD y int;\n",
            "000002_b.up.sql": "CREATE TABLE u (a text",
        ])
        defer { folder.remove() }
        let result = try run(productsFolder + "/pg-codegen", ["schema", "--migrations", folder.path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let errors: [String] = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(errors == [
            "\(folder.path)/000001_a.up.sql:1:19: error: type \"nosuch\" does not exist",
            "\(folder.path)/000001_a.up.sql:2:13: error: relation \"x\" does not exist",
            "\(folder.path)/000002_b.up.sql:1:23: error: expected ',' or ')' after a column, found the end of the statement",
        ])
    }
    /// `--output` writes a regular file whole (through a symbolic link, which stays), `-` is
    /// standard output, and anything else (here a FIFO, as `/dev/null` would be) is written in
    /// place: an atomic rename over it would have left a regular file where the FIFO was.
    @Test func writesThroughLinksAndIntoWhatIsNotAFile() throws {
        let migrations = try TemporaryFolder(files: ["000001_a.up.sql": "CREATE TABLE t (a int);\n"])
        let out = try TemporaryFolder(files: ["target.json": "old\n"])
        defer { migrations.remove(); out.remove() }
        let tool = productsFolder + "/pg-codegen"
        let expected = try run(tool, ["schema", "--migrations", migrations.path]).stdout
        #expect(expected.contains(#""name" : "t""#))
        #expect(try run(tool, ["schema", "--migrations", migrations.path, "--output", "-"]).stdout == expected)

        let link = out.path + "/link.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: out.path + "/target.json")
        #expect(try run(tool, ["schema", "--migrations", migrations.path, "--output", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == out.path + "/target.json")
        #expect(try String(contentsOfFile: out.path + "/target.json", encoding: .utf8) == expected)

        // A link to a file not there yet makes it; a directory is an error that says so.
        let dangling = out.path + "/dangling.json"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "made.json")
        #expect(try run(tool, ["schema", "--migrations", migrations.path, "--output", dangling]).status == 0)
        #expect(try String(contentsOfFile: out.path + "/made.json", encoding: .utf8) == expected)
        let directory = try run(tool, ["schema", "--migrations", migrations.path, "--output", out.path])
        #expect(directory.status == 1 && directory.stderr == "error: cannot write \(out.path): it is a directory\n")

        let fifo = out.path + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opened for reading first, without blocking, so that the tool's open does not wait and
        // a replaced FIFO reads as empty instead of hanging.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        #expect(try run(tool, ["schema", "--migrations", migrations.path, "--output", fifo]).status == 0)
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while case let count = read(reader, &buffer, buffer.count), count > 0 { received += buffer[..<count] }
        #expect(String(decoding: received, as: UTF8.self) == expected)
        let type = try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
        #expect(type != .typeRegular)
    }
}

extension Schema {
    /// The same schema with file paths rewritten, to compare runs from different folders.
    func relocated(from prefix: String, to replacement: String) -> Schema {
        let data = try! JSONEncoder().encode(self)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: prefix.replacingOccurrences(of: "/", with: "\\/"), with: replacement)
        return try! JSONDecoder().decode(Schema.self, from: Data(text.utf8))
    }
}
