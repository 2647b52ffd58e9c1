import Foundation
import PGCodegen
import PGSchema
import Testing

/// One schema, several model targets (`include`, `exclude`, `typesModule`, `embedMigrations`):
/// each target writes only its tables and views, named as the whole schema names them.
@Suite struct SplitModulesTests {
    static let sql = """
        CREATE TYPE order_status AS ENUM ('new', 'paid');
        CREATE TYPE amount AS (currency char(3), cents bigint);
        CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);
        CREATE TABLE user_sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id));
        CREATE TABLE billing_invoices (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id), status order_status NOT NULL, total amount);
        CREATE TABLE billing_payments (id bigserial PRIMARY KEY, invoice_id bigint NOT NULL REFERENCES billing_invoices(id));
        CREATE SCHEMA audit;
        CREATE TABLE audit.events (id bigserial PRIMARY KEY, what text);
        -- Would be `BillingInvoice` too: the whole schema decides who is numbered.
        CREATE TABLE "BillingInvoice" (id int PRIMARY KEY);
        CREATE VIEW billing_open AS SELECT id, status FROM billing_invoices WHERE status = 'new';
        CREATE VIEW user_emails AS SELECT id, email FROM users;
        """

    func generate(_ configure: (inout GeneratorConfig) -> Void) -> (tables: String, enums: String, composites: String, views: String, diagnostics: [Diagnostic]) {
        let folded = SchemaLoader.fold(sql: Self.sql, path: "000001_test.up.sql")
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics)")
        var config = GeneratorConfig()
        configure(&config)
        let output = Generator.generate(schema: folded.schema, moduleName: "Billing", config: config, sourceFiles: ["000001_test.up.sql"])
        let views = QueryFileGenerator.generate(queries: nil, schema: folded.schema, moduleName: "Billing", config: config, tableTypeNames: output.tableTypeNames)
        func file(_ name: String) -> String { output.files.first { $0.name == name }?.contents ?? "" }
        return (file("Tables.swift") + file("Queries.swift"), file("Enums.swift"), file("CompositeTypes.swift"), views.file?.contents ?? "", output.diagnostics + views.diagnostics)
    }

    static func structs(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("public struct ") else { return nil }
            return String(line.dropFirst("public struct ".count).prefix { $0 != ":" })
        }
    }

    @Test func includeWritesOnlyTheMatchingTablesAndViewsUnderTheirWholeSchemaNames() {
        let whole = generate { _ in }
        #expect(Self.structs(whole.tables) == ["User", "UserSession", "BillingInvoice", "BillingPayment", "Event", "BillingInvoice2"])
        let billing = generate { $0.include = ["billing_*"] }
        #expect(Self.structs(billing.tables) == ["BillingInvoice", "BillingPayment"])
        #expect(Self.structs(billing.views) == ["BillingOpen"])
        // The table that was numbered in the whole schema keeps its number in a module of its own.
        let odd = generate { $0.include = ["BillingInvoice"] }
        #expect(Self.structs(odd.tables) == ["BillingInvoice2"])
        // Without `typesModule` the enums and composites are still this module's.
        #expect(billing.enums.contains("public enum OrderStatus: String"))
        #expect(billing.composites.contains("public struct Amount: Codable"))
    }

    @Test func excludeAndSchemaQualifiedPatterns() {
        let rest = generate { $0.exclude = ["billing_*", "BillingInvoice", "user_*"] }
        #expect(Self.structs(rest.tables) == ["User", "Event"])
        #expect(Self.structs(rest.views) == [])
        let audit = generate { $0.include = ["audit.*"] }
        #expect(Self.structs(audit.tables) == ["Event"])
        let none = generate { $0.include = [] }
        #expect(Self.structs(none.tables) == [])
        #expect(none.tables.isEmpty == false, "the files are still written, with their header")
        #expect(none.enums.contains("public enum OrderStatus"))
    }

    @Test func typesModuleIsImportedInsteadOfGenerated() {
        let billing = generate {
            $0.include = ["billing_*"]
            $0.typesModule = "ShopTypes"
        }
        #expect(!billing.enums.contains("public enum"))
        #expect(!billing.composites.contains("struct"))
        // The emptied files say where the types are.
        #expect(billing.enums.contains("// The enum types are generated in ShopTypes (pg-codegen.json: typesModule).\n"))
        #expect(billing.composites.contains("// The composite types are generated in ShopTypes (pg-codegen.json: typesModule)"))
        #expect(billing.tables.contains("import ShopTypes\n"))
        #expect(billing.tables.contains("public var status: OrderStatus\n"))
        #expect(billing.tables.contains("public var total: Amount?\n"))
        #expect(billing.views.contains("import ShopTypes\n"))
    }

    @Test func aPatternThatMatchesNothingIsAWarning() {
        let output = generate {
            $0.include = ["biling_*", "users"]
            $0.exclude = ["nothing_here"]
        }
        let warnings = output.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains { $0.contains("include pattern biling_* matches no table or view") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("exclude pattern nothing_here matches no table or view") }, "\(warnings)")
        #expect(!warnings.contains { $0.contains("pattern users") }, "\(warnings)")
    }

    @Test func patternsMatchWholeNamesWithStars() {
        let name = QualifiedName("billing_invoices")
        for (pattern, expected) in [
            ("billing_invoices", true), ("billing_*", true), ("*_invoices", true), ("*", true), ("b*i*s", true),
            ("billing", false), ("billing_invoice", false), ("*invoice", false), ("public.billing_*", true),
            ("other.billing_*", false), ("**", true), ("billing_invoices*", true), ("*x*", false),
        ] {
            var config = GeneratorConfig()
            config.include = [pattern]
            #expect(config.models(name) == expected, "\(pattern)")
        }
        // Names are compared by their bytes, as PostgreSQL compares them.
        var decomposed = GeneratorConfig()
        decomposed.include = ["caf\u{E9}_*"]
        #expect(decomposed.models(QualifiedName("caf\u{E9}_items")))
        #expect(!decomposed.models(QualifiedName("cafe\u{301}_items")))
        var config = GeneratorConfig()
        config.include = ["*"]
        config.exclude = ["*_invoices"]
        #expect(!config.models(name))
        #expect(config.models(QualifiedName("users")))
    }

    @Test func anUnknownKeyIsAWarningThatNamesIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "CREATE TABLE a (id int PRIMARY KEY);\n".write(to: folder.appendingPathComponent("000001_a.up.sql"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("pg-codegen.json")
        try #"{ "includes": ["a"], "typesModule": "T" }"#.write(to: config, atomically: true, encoding: .utf8)
        let output = Generator.generate(migrations: folder.path, moduleName: "A", configPath: config.path)
        let warnings = output.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.message) == ["unknown key includes in the generator config, ignored"])
        #expect(warnings.first?.location.file == config.path)
    }

    @Test func mutableRowsFalseMakesRowPropertiesLetsAndNothingElse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.sql.write(to: folder.appendingPathComponent("000001_a.up.sql"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("pg-codegen.json")
        func tables(_ json: String) throws -> (text: String, warnings: [String]) {
            try json.write(to: config, atomically: true, encoding: .utf8)
            let output = Generator.generate(migrations: folder.path, moduleName: "A", configPath: config.path)
            #expect(!output.hasErrors, "\(output.diagnostics)")
            let text = output.files.filter { $0.name != "Versions.swift" }.map(\.contents).joined()
            return (text, output.diagnostics.filter { $0.severity == .warning }.map(\.message))
        }
        let lets = try tables(#"{ "mutableRows": false }"#)
        let vars = try tables(#"{ "mutableRows": true }"#)
        // A known key: no warning of its own (the schema's naming warning is in both).
        #expect(lets.warnings == vars.warnings, "\(lets.warnings)")
        #expect(vars.text == (try tables("{}")).text)
        #expect(vars.text.contains("    public var email: String\n"))
        #expect(!lets.text.contains("    public var email: String\n") && lets.text != vars.text)
        // Only the rows' stored properties change: the same lines once `var` and `let` are one word.
        func normalised(_ text: String) -> String { text.replacingOccurrences(of: "public var ", with: "public let ") }
        #expect(normalised(lets.text) == normalised(vars.text))
        // A composite type's fields stay `var`s: it is a value the user builds.
        #expect(lets.text.contains("public var currency: String?"))
    }

    @Test func aMigrationsOnlyTargetWritesWithoutFoldingWhatFoldingWouldWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
        let migrations = folder.appendingPathComponent("migrations"), queries = folder.appendingPathComponent("queries")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: queries, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for n in 1...40 {
            let version = String(format: "%06d", n)
            let sql = n == 1 ? Self.sql : "CREATE TABLE t\(n) (id int PRIMARY KEY, status order_status);\n"
            try sql.write(to: migrations.appendingPathComponent("\(version)_t\(n).up.sql"), atomically: true, encoding: .utf8)
        }
        let config = folder.appendingPathComponent("pg-codegen.json")
        try #"{ "include": [], "typesModule": "ShopTypes" }"#.write(to: config, atomically: true, encoding: .utf8)
        func files(queries: URL?, into name: String) throws -> [String: String] {
            let output = folder.appendingPathComponent(name)
            let run = GenerateRun(migrations: migrations.path, output: output.path, moduleName: "ShopMigrations", config: config.path, queries: queries?.path)
            #expect(try run.run())
            let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
            return try Dictionary(uniqueKeysWithValues: names.map { ($0, try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8)) })
        }
        // A queries folder (empty) makes the generator fold; without one it need not.
        let folded = try files(queries: queries, into: "folded")
        let unfolded = try files(queries: nil, into: "unfolded")
        #expect(folded.count > 10 && folded["Versions.swift"]?.contains("public enum ShopMigrationsMigrations") == true)
        #expect(unfolded == folded)
        let loaded = try GeneratorConfig.load(path: config.path)
        #expect(!Generator.needsSchema(loaded, typedQueries: false))
        for json in [
            #"{ "typesModule": "ShopTypes" }"#, #"{ "include": ["t1"], "typesModule": "ShopTypes" }"#, #"{ "include": [] }"#,
            #"{ "include": [], "typesModule": "ShopTypes", "exclude": ["t2"] }"#,
            #"{ "include": [], "typesModule": "ShopTypes", "migrationsTable": { "model": true } }"#,
            #"{ "include": [], "typesModule": "ShopTypes", "tables": { "t1": { "name": "T" } } }"#,
        ] {
            try json.write(to: config, atomically: true, encoding: .utf8)
            #expect(Generator.needsSchema(try GeneratorConfig.load(path: config.path), typedQueries: false), "\(json)")
        }
        #expect(Generator.needsSchema(loaded, typedQueries: true))
    }

    @Test func embedMigrationsFalseLeavesVersionsEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "CREATE TABLE a (id int PRIMARY KEY);\n".write(to: folder.appendingPathComponent("000001_a.up.sql"), atomically: true, encoding: .utf8)
        try "DROP TABLE a;\n".write(to: folder.appendingPathComponent("000001_a.down.sql"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("pg-codegen.json")
        try #"{ "embedMigrations": false }"#.write(to: config, atomically: true, encoding: .utf8)
        let without = Generator.generate(migrations: folder.path, moduleName: "A", configPath: config.path)
        let versions = try #require(without.files.first { $0.name == "Versions.swift" }?.contents)
        #expect(!versions.contains("AMigrations") && !versions.contains("import"))
        try #"{ "embedMigrations": true }"#.write(to: config, atomically: true, encoding: .utf8)
        let with = Generator.generate(migrations: folder.path, moduleName: "A", configPath: config.path)
        #expect(with.files.first { $0.name == "Versions.swift" }?.contents.contains("public enum AMigrations") == true)
    }
}
