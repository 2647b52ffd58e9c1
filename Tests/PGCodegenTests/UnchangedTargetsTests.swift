import Foundation
@testable import PGCodegen
import PGSchema
import Testing

/// A split target keeps its files without folding when the changed migrations cannot reach its
/// tables (GenerateRun+Unchanged.swift). The oracle is a full run into an empty folder: after
/// every random edit, each target's files must be byte for byte what the full run writes.
@Suite struct UnchangedTargetsTests {
    static let history: [String] = [
        """
        CREATE TYPE status AS ENUM ('a', 'b');
        CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, st status);
        """,
        "CREATE TABLE user_sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id));",
        """
        CREATE TABLE products (id bigserial PRIMARY KEY, name text);
        CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint REFERENCES users(id), total numeric(10,2));
        """,
        "CREATE TABLE order_items (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders(id), product_id bigint REFERENCES products(id));",
        "ALTER TABLE products ADD COLUMN sku text;",
        """
        CREATE TABLE base_items (id bigint PRIMARY KEY, label text);
        CREATE TABLE child_items (extra int) INHERITS (base_items);
        """,
        """
        CREATE TABLE invoices (id bigserial PRIMARY KEY, order_id bigint REFERENCES orders(id));
        CREATE TABLE copied (LIKE products INCLUDING ALL);
        """,
        """
        CREATE TABLE audit_log (id bigserial PRIMARY KEY, what text);
        CREATE INDEX ON audit_log (what);
        """,
        "ALTER TABLE products ADD COLUMN price numeric;",
    ]

    static let tables = ["users", "user_sessions", "products", "orders", "order_items", "base_items", "child_items", "invoices", "copied", "audit_log"]

    /// The targets: one for the types (which always folds), three splitting the tables.
    static let targets: [(name: String, config: String)] = [
        ("Types", #"{ "include": [], "embedMigrations": false }"#),
        ("Users", #"{ "include": ["user*", "audit_*"], "typesModule": "Types", "embedMigrations": false }"#),
        ("Orders", #"{ "include": ["order*", "products"], "typesModule": "Types", "embedMigrations": false }"#),
        ("Rest", #"{ "include": ["invoices", "child_items", "copied", "base_items"], "typesModule": "Types", "embedMigrations": false }"#),
    ]

    static func edit(_ random: inout SeededGenerator, _ n: Int) -> String {
        let table = tables.randomElement(using: &random)!
        let other = tables.randomElement(using: &random)!
        let edits = [
            "ALTER TABLE \(table) ADD COLUMN c\(n) integer;",
            "ALTER TABLE \(table) ADD COLUMN c\(n) text NOT NULL DEFAULT 'x';",
            "CREATE INDEX ON \(table) (id);",
            "CREATE UNIQUE INDEX \(table)_u\(n) ON \(table) (id);",
            "CREATE UNIQUE INDEX u\(n) ON \(table) (id);",
            "COMMENT ON TABLE \(table) IS 'note \(n)';",
            "COMMENT ON COLUMN \(table).id IS 'the id \(n)';",
            "ALTER TABLE \(table) RENAME COLUMN id TO id\(n);",
            "ALTER TABLE \(table) RENAME TO order_r\(n);",
            "ALTER TABLE \(table) ADD COLUMN r\(n) bigint REFERENCES \(other)(id);",
            "ALTER TABLE base_items ADD COLUMN inherited\(n) int;",
            "ALTER TABLE products ADD COLUMN p\(n) int;",
            "CREATE TABLE new\(n) (id int PRIMARY KEY, ref bigint REFERENCES \(table)(id));",
            "CREATE TABLE order_x\(n) (id int);",
            "ALTER TABLE \(table) ALTER COLUMN id SET DEFAULT \(n);",
            "ALTER TABLE \(table) DROP COLUMN IF EXISTS c\(n - 1);",
            "BEGIN;\nALTER TABLE \(table) ADD COLUMN t\(n) date;\nCOMMIT;",
            "COMMENT ON TYPE status IS 'the status \(n)';",
            "DROP TABLE IF EXISTS new\(n - 1) CASCADE;",
            "ALTER TABLE \(table) ADD CONSTRAINT \(table)_check\(n) CHECK (id > 0);",
            "-- only a comment \(n)",
        ]
        return edits.randomElement(using: &random)!
    }

    func swiftFiles(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func filesKeptWithoutFoldingAreWhatAFullRunWrites(seed: UInt64) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("unchanged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let migrations = root.appendingPathComponent("migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        var files: [(name: String, text: String)] = Self.history.enumerated().map { index, sql in
            (String(format: "%06d_step.up.sql", index + 1), sql + "\n")
        }
        func writeMigrations() throws {
            for item in try FileManager.default.contentsOfDirectory(atPath: migrations.path) {
                try FileManager.default.removeItem(at: migrations.appendingPathComponent(item))
            }
            for file in files { try Data(file.text.utf8).write(to: migrations.appendingPathComponent(file.name)) }
        }
        func run(_ target: (name: String, config: String), into output: URL) throws -> (ok: Bool, stood: Bool) {
            let config = root.appendingPathComponent("\(target.name).json")
            try Data(target.config.utf8).write(to: config)
            let generate = GenerateRun(migrations: migrations.path, output: output.path, moduleName: target.name, config: config.path, shards: 4)
            let stood = try generate.filesStand(key: #require(generate.unchangedKey(module: target.name, configPath: config.path)))
            if stood { return (true, true) }
            return (try generate.run(), false)
        }
        try writeMigrations()
        var random = SeededGenerator(seed: seed)
        var kept = 0
        var folded = 0
        for round in 0..<40 {
            let before = files
            let sql = Self.edit(&random, round)
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<10: files[files.count - 1].text += sql + "\n"
            case 10..<16:
                let index = Int.random(in: 0..<files.count, using: &random)
                files[index].text += sql + "\n"
            default: files.append((String(format: "%06d_step.up.sql", files.count + 1), sql + "\n"))
            }
            try writeMigrations()
            // An edit the fold refuses is undone (in a build, the types target reports it).
            let folding = SchemaLoader.load(try MigrationDirectory(path: migrations.path))
            if folding.diagnostics.contains(where: { $0.severity == .error }) {
                files = before
                try writeMigrations()
                continue
            }
            // The oracle: a full run into an empty folder.
            var expected: [String: [String: Data]] = [:]
            for target in Self.targets {
                let fresh = root.appendingPathComponent("fresh-\(round)-\(target.name)")
                defer { try? FileManager.default.removeItem(at: fresh) }
                #expect(try run(target, into: fresh).ok)
                expected[target.name] = try swiftFiles(fresh)
            }
            for target in Self.targets {
                let kept_ = root.appendingPathComponent("kept-\(target.name)")
                let result = try run(target, into: kept_)
                #expect(result.ok)
                if round > 0 { if result.stood { kept += 1 } else { folded += 1 } }
                let actual = try swiftFiles(kept_)
                #expect(actual == expected[target.name], "seed \(seed), round \(round), target \(target.name), after: \(sql)")
                if actual != expected[target.name] { return }
            }
        }
        // The shortcut is taken, and not always.
        #expect(kept > 0, "seed \(seed): \(kept) kept, \(folded) folded")
        #expect(folded > 0, "seed \(seed): \(kept) kept, \(folded) folded")
    }

    /// The history in a new folder, one target's config beside it, and a full run of it.
    struct Fixture {
        var root: URL
        var migrations: URL
        var config: URL
        var output: URL
        var generate: GenerateRun
        var key: String

        init(target: Int) throws {
            let (name, json) = UnchangedTargetsTests.targets[target]
            root = FileManager.default.temporaryDirectory.appendingPathComponent("unchanged-\(UUID().uuidString)")
            migrations = root.appendingPathComponent("migrations")
            try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
            for (index, text) in UnchangedTargetsTests.history.enumerated() {
                try Data((text + "\n").utf8).write(to: migrations.appendingPathComponent(String(format: "%06d_step.up.sql", index + 1)))
            }
            config = root.appendingPathComponent("\(name).json")
            try Data(json.utf8).write(to: config)
            output = root.appendingPathComponent("out")
            generate = GenerateRun(migrations: migrations.path, output: output.path, moduleName: name, config: config.path, shards: 4)
            #expect(try generate.run())
            key = try #require(generate.unchangedKey(module: name, configPath: config.path))
        }
    }

    /// `copied` is `LIKE products`: an edit to `products` before the copy was made changes the
    /// copy without naming it, and so does one to `base_items`, which `child_items` inherits.
    @Test(arguments: [
        ("000005_step.up.sql", "ALTER TABLE products ADD COLUMN early int;", true),
        ("000009_step.up.sql", "ALTER TABLE products ADD COLUMN late int;", false),
        ("000009_step.up.sql", "ALTER TABLE base_items ADD COLUMN late int;", true),
        ("000009_step.up.sql", "ALTER TABLE orders ADD COLUMN late int;", true),
        ("000009_step.up.sql", "ALTER TABLE users ADD COLUMN late int;", false),
    ])
    func editsThatReachATableWithoutNamingIt(file: String, sql: String, folds: Bool) throws {
        let fixture = try Fixture(target: 3)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let (generate, key) = (fixture.generate, fixture.key)
        #expect(generate.filesStand(key: key))
        let handle = try FileHandle(forWritingTo: fixture.migrations.appendingPathComponent(file))
        handle.seekToEndOfFile()
        handle.write(Data((sql + "\n").utf8))
        try handle.close()
        #expect(generate.filesStand(key: key) == !folds)
    }

    /// The generator is told from another by its build ID where the linker wrote one (SwiftPM
    /// relinks the plugin's tool after a new migration: the same objects, a new file).
    @Test func theGeneratorsStampIsItsBuildID() throws {
        let executable = try #require(Bundle.main.executablePath)
        let id = GenerateRun.buildID(ofExecutableAt: executable)
        #if os(Linux)
        let readelf = Process()
        readelf.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
        readelf.arguments = ["-n", executable]
        let pipe = Pipe()
        readelf.standardOutput = pipe
        if (try? readelf.run()) != nil {
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            readelf.waitUntilExit()
            let expected = text.split(separator: "\n").first { $0.contains("Build ID:") }.map { String($0.split(separator: " ").last!) }
            #expect(id == expected, "readelf says \(expected ?? "no build ID")")
            #expect(id != nil)
        }
        #endif
        #expect(GenerateRun.buildID(ofExecutableAt: "/etc/hostname") == nil)
        #expect(GenerateRun.generatorStamp() != nil)
    }

    /// A generated file that is gone, or that someone changed, is written again.
    @Test func aMissingOrChangedGeneratedFileIsWrittenAgain() throws {
        let fixture = try Fixture(target: 1)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let (generate, key, output, migrations, config) = (fixture.generate, fixture.key, fixture.output, fixture.migrations, fixture.config)
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("Tables+") }.sorted()
        let tables = try #require(files.first { (try? String(contentsOf: output.appendingPathComponent($0), encoding: .utf8))?.contains("struct User:") == true })
        let original = try Data(contentsOf: output.appendingPathComponent(tables))
        #expect(generate.filesStand(key: key))
        try FileManager.default.removeItem(at: output.appendingPathComponent(tables))
        #expect(!generate.filesStand(key: key))
        #expect(try generate.run())
        #expect(try Data(contentsOf: output.appendingPathComponent(tables)) == original)
        #expect(generate.filesStand(key: key))
        try Data("// edited by hand\n".utf8).write(to: output.appendingPathComponent(tables))
        #expect(!generate.filesStand(key: key))
        #expect(try generate.run())
        #expect(try Data(contentsOf: output.appendingPathComponent(tables)) == original)
        // Migrations larger than the limit are not copied: no note, no shortcut.
        let state = output.appendingPathComponent(GenerateRun.stateFileName)
        #expect(FileManager.default.fileExists(atPath: state.path))
        let schema = SchemaLoader.load(try MigrationDirectory(path: migrations.path)).schema
        let config_ = try GeneratorConfig.loadWithUnknownKeys(path: config.path).config
        let files_ = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".swift") }
        generate.recordState(key: key, schema: schema, config: config_, read: nil, files: files_, limit: 100)
        #expect(!FileManager.default.fileExists(atPath: state.path))
        generate.recordState(key: key, schema: schema, config: config_, read: nil, files: files_)
        #expect(FileManager.default.fileExists(atPath: state.path))
    }

    @Test func aStatementThatNamesATableOrMovesOneReachesIt() {
        let names: Set<String> = ["users", "users_pkey", "status"]
        #expect(GenerateRun.cannotReach(Array("ALTER TABLE orders ADD COLUMN x integer;\nCREATE INDEX ON orders (x);".utf8), names: names))
        #expect(GenerateRun.cannotReach(Array("BEGIN;\nCOMMENT ON TABLE orders IS 'users';\nCOMMIT;".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array("ALTER TABLE orders ADD COLUMN u bigint REFERENCES users(id);".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array("ALTER TABLE orders ADD COLUMN s status;".utf8), names: names))
        // PostgreSQL's names for the table's objects begin with the table's name.
        #expect(!GenerateRun.cannotReach(Array("CREATE INDEX users_email_idx ON orders (id);".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array(#"ALTER TABLE orders RENAME TO "Users";"#.utf8), names: ["Users"]))
        #expect(!GenerateRun.cannotReach(Array("ALTER TABLE orders RENAME TO people;".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array("ALTER TABLE orders DROP COLUMN x CASCADE;".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array("ALTER TABLE orders SET SCHEMA billing;".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array("CREATE TABLE orders2 (id int);".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array("DO $$ BEGIN EXECUTE 'ALTER TABLE users ADD COLUMN x int'; END $$;".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array("/* pg-codegen:assume ALTER TABLE users ADD COLUMN x int; */".utf8), names: names))
        #expect(!GenerateRun.cannotReach(Array("ALTER TABLE orders ADD COLUMN x text DEFAULT 'unterminated".utf8), names: names))
    }
}
