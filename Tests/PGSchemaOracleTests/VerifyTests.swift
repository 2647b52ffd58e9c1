import Foundation
import PGCatalog
import PGClient
import PGMigrate
import PGSchema
import PGTestSupport
import Testing

/// `pg-codegen verify`: the folded model against a database migrated to the latest version.
@Suite struct VerifyTests {
    /// Migrates a new database with `path` and runs `body` with its settings and a connection.
    func withMigratedDatabase(_ path: String, _ body: (PGConfig, PGConnection) throws -> Void) throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let migrator = Migrator(connection: db, directory: try MigrationDirectory(path: path), options: MigratorOptions(lockDatabaseName: config.urlPath))
            try migrator.up()
            try body(config, db)
        }
    }

    func differences(_ path: String, _ db: PGConnection) throws -> [String] {
        unexplained(try Verifier.verify(migrations: path, source: ConnectionCatalog(db))).map(\.description)
    }

    @Test func changesBehindTheModelsBackAreReportedPrecisely() throws {
        try withMigratedDatabase(saasMigrationsPath) { _, db in
            #expect(try differences(saasMigrationsPath, db) == [])
            try db.execute("""
                ALTER TABLE saas_clients ADD COLUMN notes text;
                ALTER TABLE saas_clients ALTER COLUMN email TYPE text;
                ALTER TABLE saas_clients ALTER COLUMN timezone SET DEFAULT 'UTC';
                ALTER TABLE saas_clients ALTER COLUMN phone SET NOT NULL;
                ALTER TABLE saas_clients ALTER COLUMN created_at SET DEFAULT CURRENT_TIMESTAMP;
                DROP INDEX saas_messages_conversation_idx;
                CREATE INDEX saas_messages_status_idx ON saas_messages (status) WHERE status <> 'read';
                ALTER TYPE saas_message_status ADD VALUE 'deleted';
                ALTER TABLE saas_credits DROP CONSTRAINT saas_credits_period_order,
                    ADD CONSTRAINT saas_credits_period_order CHECK (period_end >= period_start);
                ALTER TABLE saas_messages DROP CONSTRAINT saas_messages_conversation_id_fkey,
                    ADD CONSTRAINT saas_messages_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES saas_conversations (id) ON DELETE SET NULL;
                ALTER TABLE saas_clients DROP CONSTRAINT saas_clients_email_key;
                COMMENT ON COLUMN saas_messages.body IS 'Text';
                CREATE TABLE scratch (id int);
                """)
            let changed = try differences(saasMigrationsPath, db)
            #expect(changed == [
                "table saas_clients: column email: model says character varying(255) NOT NULL, database says text NOT NULL",
                "table saas_clients: column phone: model says character varying(20) NULL, database says character varying(20) NOT NULL",
                "table saas_clients: column timezone: model says character varying(64) NOT NULL DEFAULT 'Asia/Jakarta', database says character varying(64) NOT NULL DEFAULT 'UTC'::character varying",
                "table saas_clients: column created_at: model says timestamp with time zone NOT NULL DEFAULT now(), database says timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP",
                "table saas_clients: column notes: only in the database (text NULL)",
                "table saas_clients: unique constraint saas_clients_email_key: missing from the database (model says (email))",
                "table saas_credits: check constraint saas_credits_period_order: model says CHECK (period_end > period_start), database says CHECK ((period_end >= period_start))",
                "table saas_messages: column body: comment: model says 'Message text, or the caption of a media message.', database says 'Text'",
                "table saas_messages: foreign key saas_messages_conversation_id_fkey: model says (conversation_id) REFERENCES saas_conversations (id) ON DELETE CASCADE ON UPDATE NO ACTION, database says (conversation_id) REFERENCES saas_conversations (id) ON DELETE SET NULL ON UPDATE NO ACTION",
                "table saas_messages: index saas_messages_conversation_idx: missing from the database (model says btree (conversation_id, sent_at))",
                "table saas_messages: index saas_messages_status_idx: only in the database (btree (status) WHERE (status <> 'read'::saas_message_status))",
                "table scratch: only in the database (columns id)",
                "enum saas_message_status: model says labels ('received', 'queued', 'sent', 'delivered', 'read', 'failed'), database says ('received', 'queued', 'sent', 'delivered', 'read', 'failed', 'deleted')",
            ])
        }
    }

    /// The same schema spelled differently in the migrations than PostgreSQL prints it.
    static let spellings = """
        CREATE TYPE status AS ENUM ('active', 'paused', 'gone');
        CREATE SCHEMA app;
        CREATE TABLE counters (n SERIAL, big BIGSERIAL);
        CREATE TABLE app."Items" (
            "ID" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            Name VARCHAR(50) NOT NULL DEFAULT 'x' CHECK (Name <> '' AND Name NOT LIKE '%!%'),
            labels TEXT[] NOT NULL DEFAULT '{a}',
            state status NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
            score DOUBLE PRECISION CHECK (score BETWEEN 0 AND 1),
            delta INT DEFAULT -1,
            price NUMERIC(10,2) DEFAULT 0.50,
            ttl INTERVAL DEFAULT interval '1 day',
            seen TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
            made TIMESTAMPTZ DEFAULT now(),
            doc JSONB DEFAULT '{}',
            total NUMERIC GENERATED ALWAYS AS (price * 2 + 1) STORED,
            flag BOOLEAN DEFAULT TRUE,
            CONSTRAINT items_sane CHECK (delta != 0 OR score IS NOT NULL),
            CONSTRAINT items_cases CHECK (CASE WHEN flag THEN score > 0.5 ELSE TRUE END)
        );
        CREATE INDEX items_lower_name ON app."Items" (LOWER(Name) DESC NULLS FIRST, state ASC) WHERE delta > -5 AND doc ? 'k';
        CREATE INDEX items_labels ON app."Items" USING GIN (labels);
        CREATE UNIQUE INDEX items_name_state ON app."Items" (Name, (score * 2)) INCLUDE (flag);
        """

    @Test func wordingAloneIsNoDifference() throws {
        let folder = try TemporaryFolder(files: ["000001_spellings.up.sql": Self.spellings, "000001_spellings.down.sql": "DROP SCHEMA app CASCADE; DROP TYPE status;"])
        defer { folder.remove() }
        try withMigratedDatabase(folder.path) { _, db in
            let report = try Verifier.verify(migrations: folder.path, source: ConnectionCatalog(db))
            #expect(report.differences.map(\.description) == [])
            // Compared as expressions, not merely as present: every one is understood on both sides.
            for snapshot in [report.model, report.database] {
                #expect(snapshot.expressions.count == 24, "\(snapshot.expressions.map(\.place))")
                for expression in snapshot.expressions {
                    let canonical = expression.isIndexElement
                        ? ExpressionNormalizer.canonicalIndexElement(expression.text) : ExpressionNormalizer.canonical(expression.text)
                    #expect(canonical != nil, "not understood: \(expression.place): \(expression.text)")
                }
            }
            // One changed word in each kind of expression is a difference.
            try db.execute("""
                ALTER TABLE app."Items" ALTER COLUMN seen SET DEFAULT now(), ALTER COLUMN labels SET DEFAULT '{b}', ALTER COLUMN delta SET DEFAULT 1;
                ALTER TABLE app."Items" DROP CONSTRAINT "Items_state_check", ADD CONSTRAINT "Items_state_check" CHECK (state IN ('active', 'gone'));
                DROP INDEX app.items_lower_name;
                CREATE INDEX items_lower_name ON app."Items" (lower(name), state) WHERE delta > -5 AND doc ? 'k';
                """)
            let changed = try Verifier.verify(migrations: folder.path, source: ConnectionCatalog(db)).differences.map(\.message)
            #expect(changed.count == 5, "\(changed)")
            #expect(changed.contains { $0.hasPrefix("column seen: model says timestamp with time zone NULL DEFAULT CURRENT_TIMESTAMP, database says") })
            #expect(changed.contains { $0.hasPrefix("column labels:") })
            #expect(changed.contains { $0.hasPrefix("column delta:") })
            #expect(changed.contains { $0.hasPrefix("check constraint Items_state_check:") })
            #expect(changed.contains { $0.hasPrefix("index items_lower_name: model says btree (LOWER(Name) DESC NULLS FIRST, state ASC)") })
        }
    }

    @Test func aDatabaseNotAtTheLatestVersionOrDirtyIsNotVerified() throws {
        try withMigratedDatabase(saasMigrationsPath) { _, db in
            try db.execute("UPDATE schema_migrations SET version = 3")
            #expect { try Verifier.verify(migrations: saasMigrationsPath, source: ConnectionCatalog(db)) } throws: {
                "\($0)" == "the database is at version 3, the migrations end at version 4; migrate it up first"
            }
            try db.execute("UPDATE schema_migrations SET version = 4, dirty = true")
            #expect { try Verifier.verify(migrations: saasMigrationsPath, source: ConnectionCatalog(db)) } throws: {
                "\($0)".hasPrefix("the database is dirty at version 4")
            }
            try db.execute("DROP TABLE schema_migrations")
            #expect { try Verifier.verify(migrations: saasMigrationsPath, source: ConnectionCatalog(db)) } throws: {
                "\($0)".hasPrefix("the database has no migration applied")
            }
        }
    }
}

/// `pg-codegen verify` run as a user runs it, on a database migrated with the `migrate` command.
@Suite struct VerifyCommandLineTests {
    var pgCodegen: String { productsFolder + "/pg-codegen" }

    #if os(Linux)
    /// Neither pg-codegen nor the build plugins' pg-codegen-generate may need libpq, which verify
    /// loads at run time.
    @Test(arguments: ["pg-codegen", "pg-codegen-generate"])
    func theGeneratorsDoNotLinkLibPQ(executable: String) throws {
        let linked = try run("/usr/bin/env", ["ldd", productsFolder + "/" + executable])
        #expect(linked.status == 0, "\(linked.all)")
        #expect(linked.stdout.contains("libc.so"))
        #expect(!linked.stdout.contains("libpq"))
    }
    #endif

    /// The plugins' tool and `pg-codegen generate` are one run (`GenerateRun`): the same files for
    /// the same module, typed queries included.
    @Test func theBuildToolWritesWhatTheCommandWrites() throws {
        let folder = try TemporaryFolder(files: [:])
        defer { folder.remove() }
        let arguments = ["--migrations", saasMigrationsPath, "--module-name", "Saas", "--queries", repositoryRoot + "/Sources/SaasModels/queries"]
        let command = try run(pgCodegen, ["generate"] + arguments + ["--output", folder.path + "/command"])
        #expect(command.status == 0, "\(command.all)")
        let tool = try run(productsFolder + "/pg-codegen-generate", arguments + ["--output", folder.path + "/tool"])
        #expect(tool.status == 0, "\(tool.all)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/command").sorted()
        #expect(names.contains("Queries+SQL.swift"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/tool").sorted() == names)
        for name in names {
            let written = try String(contentsOfFile: folder.path + "/tool/" + name, encoding: .utf8)
            #expect(written == (try String(contentsOfFile: folder.path + "/command/" + name, encoding: .utf8)), "\(name) differs")
        }
    }

    /// A wrong call names the argument, prints the usage and exits 64 (EX_USAGE), as `pg-codegen`'s
    /// parser does; `--help` is an answer, not an error.
    @Test func theBuildToolRefusesAWrongCallAsTheCommandDoes() throws {
        let tool = productsFolder + "/pg-codegen-generate"
        let missing = try run(tool, ["--migrations", saasMigrationsPath])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("error: --output is missing"), "\(missing.all)")
        #expect(missing.stderr.contains("usage: pg-codegen-generate --migrations <dir> --output <dir>"))
        let command = try run(pgCodegen, ["generate", "--migrations", saasMigrationsPath, "--no-such-flag"])
        #expect(command.status == missing.status, "\(command.all)")
        let help = try run(tool, ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("usage: pg-codegen-generate"))
        #expect(help.stderr.isEmpty)
    }

    func verify(_ arguments: [String], in directory: String = repositoryRoot, environment: [String: String] = [:]) throws -> ProcessOutput {
        try run(pgCodegen, ["verify"] + arguments, in: directory, environment: environment, removingEnvironment: ["DATABASE_URL"])
    }

    @Test func equalThenDifferentWithExitCodes() throws {
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            let up = try migrate(["-path", saasMigrationsPath, "-database", url, "up"])
            #expect(up.status == 0, "\(up.all)")
            let equal = try verify(["--migrations", "migrations/saas", "--database", url])
            let lines = equal.stdout.split(separator: "\n").map(String.init)
            #expect(equal.status == 0)
            #expect(lines == ["verify: the database at version 4 matches the migrations (6 tables, 8 enums)"])
            #expect(equal.stderr.isEmpty)
            let fromEnvironment = try verify(["--migrations", "migrations/saas"], environment: ["DATABASE_URL": url])
            #expect(fromEnvironment.stdout == equal.stdout)
            #expect(fromEnvironment.status == equal.status)
            // A .env file in the working directory, as migrate reads it.
            let folder = try TemporaryFolder(files: [
                ".env": "DB_HOST=\(config.host!)\nDB_PORT=\(config.port!)\nDB_USER=postgres\nDB_NAME=\(config.database!)\nDB_SSLMODE=disable\n",
            ])
            defer { folder.remove() }
            let fromDotEnv = try verify(["--migrations", saasMigrationsPath], in: folder.path)
            #expect(fromDotEnv.stdout == equal.stdout)
            #expect(fromDotEnv.status == equal.status)

            try PGConnection(config: config).execute("ALTER TABLE saas_clients ALTER COLUMN phone SET NOT NULL")
            let different = try verify(["--migrations", "migrations/saas", "--database", url])
            #expect(different.status == 1)
            #expect(different.stdout == """
                table saas_clients: column phone: model says character varying(20) NULL, database says character varying(20) NOT NULL
                verify: 1 difference between the database at version 4 and the migrations

                """)
            #expect(different.stderr.isEmpty)
        }
    }

    @Test func equalOnAFullyFoldedModule() throws {
        let folder = try TemporaryFolder(files: ["000001_spellings.up.sql": VerifyTests.spellings])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config, options: "x-migrations-table=app_versions")
            let up = try migrate(["-path", folder.path, "-database", url, "up"])
            #expect(up.status == 0, "\(up.all)")
            let equal = try verify(["--migrations", folder.path, "--database", url])
            #expect(equal.status == 0, "\(equal.all)")
            #expect(equal.stdout == "verify: the database at version 1 matches the migrations (2 tables, 1 enum)\n")
            #expect(equal.stderr.isEmpty)
            // Without x-migrations-table the version table is not found: not migrated, exit 2.
            let missing = try verify(["--migrations", folder.path, "--database", TestPostgres.url(config)])
            #expect(missing.status == 2)
            #expect(missing.stderr == "error: the database has no migration applied (no schema_migrations table or an empty one); migrate it up to version 1 first\n")
            #expect(missing.stdout.isEmpty)
        }
    }

    @Test func problemsExitWithTwoAndNeverShowThePassword() throws {
        let server = try TestPostgres.serverConfig()
        let admin = try PGConnection(config: server)
        // The test server asks this role (and only this one) for a password: scripts/pg-common.sh.
        try admin.execute("DO $$ BEGIN CREATE ROLE migrate_pw LOGIN PASSWORD 'right-password'; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
        let url = "postgresql://migrate_pw:Not-The-Pa55word@\(server.host!):\(server.port!)/postgres?sslmode=disable"
        let wrong = try verify(["--migrations", "migrations/saas", "--database", url])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("error: cannot connect to postgresql://migrate_pw:***@\(server.host!):\(server.port!)/postgres?sslmode=disable: "))
        #expect(wrong.stderr.contains("password authentication failed for user \"migrate_pw\""))
        #expect(!wrong.all.contains("Not-The-Pa55word"))

        let noLibPQ = try verify(["--migrations", "migrations/saas", "--database", url], environment: ["PG_CODEGEN_LIBPQ": "/nonexistent/libpq.so.5"])
        #expect(noLibPQ.status == 2)
        #expect(noLibPQ.stderr.hasPrefix("error: pg-codegen verify needs PostgreSQL's client library libpq (/nonexistent/libpq.so.5), which cannot be loaded: install it with"))
        #expect(!noLibPQ.all.contains("Not-The-Pa55word"))

        let empty = try TemporaryFolder()
        defer { empty.remove() }
        let none = try verify(["--migrations", saasMigrationsPath], in: empty.path)
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("error: no database configured: pass --database URL, set DATABASE_URL, or put DATABASE_URL"))

        let badMigrations = try TemporaryFolder(files: ["000001_a.up.sql": "CREATE TABLE t (a nosuch);"])
        defer { badMigrations.remove() }
        // Migrations that do not fold are reported before any database is looked for.
        let broken = try verify(["--migrations", badMigrations.path], in: empty.path)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("000001_a.up.sql:1:19: error: type \"nosuch\" does not exist"))
    }
}
