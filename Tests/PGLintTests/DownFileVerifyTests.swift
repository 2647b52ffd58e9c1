import Foundation
import PGClient
import PGLint
import PGMigrate
import PGRecord
import PGSchema
import PGTestSupport
import Testing

/// Down files checked twice: offline by `lint` (fold up, fold down, compare models) and on a real
/// PostgreSQL by `verify` (apply up, snapshot the catalog, apply down, compare).
@Suite struct DownFileVerifyTests {
    static func migrator(_ config: PGConfig, _ path: String) throws -> Migrator {
        Migrator(
            connection: try PGConnection(config: config), directory: try MigrationDirectory(path: path),
            options: try MigratorOptions(config: config, lockTimeoutSeconds: 5)
        )
    }

    @Test func aBrokenDownFileIsCaughtByLintAndByVerify() throws {
        let folder = try TemporaryFolder(files: [
            "000001_users.up.sql": "CREATE TABLE users (id bigint PRIMARY KEY, email text);",
            "000001_users.down.sql": "DROP TABLE users;",
            // The down file forgets the column.
            "000002_posts.up.sql": "ALTER TABLE users ADD COLUMN name text;\nCREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\nCREATE INDEX posts_user_idx ON posts (user_id);",
            "000002_posts.down.sql": "DROP TABLE posts;",
            "000003_more.up.sql": "ALTER TABLE users ADD COLUMN bio text;",
            "000003_more.down.sql": "ALTER TABLE users DROP COLUMN bio;",
        ])
        defer { folder.remove() }
        let lint = Linter.lint(path: folder.path)
        #expect(lint.findings.map(\.rule) == ["down-does-not-undo-up"])
        #expect(lint.findings.first?.location.file.hasSuffix("000002_posts.down.sql") == true)
        #expect(lint.findings.first?.message.contains("table users: column name: left behind by the down file") == true)

        try TestPostgres.withDatabase { config in
            let checks = try Self.migrator(config, folder.path).verifyDownFiles()
            #expect(checks.map(\.version) == [1, 2])
            #expect(checks[0].differences == [])
            #expect(checks[1].differences == ["table users: column name: left behind by the down file (text NULL)"])
        }
    }

    @Test func saasDownFilesUndoTheirUpFilesOnTheServer() throws {
        try TestPostgres.withDatabase { config in
            let checks = try Self.migrator(config, saasMigrationsPath).verifyDownFiles()
            #expect(checks.map(\.version) == [1, 2, 3, 4])
            #expect(checks.allSatisfy { $0.differences.isEmpty && !$0.noDownFile })
            // It leaves the database migrated to the latest version.
            #expect(try Self.migrator(config, saasMigrationsPath).version()?.version == 4)
        }
    }

    /// What the fold cannot see, the server finds: a misspelt word in a function's options, and a
    /// trigger the down file leaves behind.
    @Test func verifySeesWhatTheFoldCannot() throws {
        let misspelt = try TemporaryFolder(files: [
            "000001_f.up.sql": "CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;",
            "000001_f.down.sql": "DROP FUNCTION answer();",
            "000002_g.up.sql": "DROP FUNCTION answer();",
            "000002_g.down.sql": "CREATE FUNCTION answer() RETURNS int LANGUAGE sql securty definer AS $$ SELECT 42 $$;",
        ])
        defer { misspelt.remove() }
        #expect(Linter.lint(path: misspelt.path).findings.isEmpty)
        _ = try TestPostgres.withDatabase { config in
            #expect { try Self.migrator(config, misspelt.path).verifyDownFiles() } throws: { error in
                "\(error)".contains("000002_g.down.sql:1:") && "\(error)".contains("securty")
            }
        }

        let trigger = try TemporaryFolder(files: [
            "000001_t.up.sql": "CREATE TABLE t (id int, at timestamptz);\nCREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at := now(); RETURN NEW; END $$;",
            "000001_t.down.sql": "DROP TABLE t;\nDROP FUNCTION touch();",
            "000002_trigger.up.sql": "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();",
            "000002_trigger.down.sql": "SELECT 1;",
        ])
        defer { trigger.remove() }
        try TestPostgres.withDatabase { config in
            let checks = try Self.migrator(config, trigger.path).verifyDownFiles()
            #expect(checks.last?.differences == ["trigger CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION touch(): left behind by the down file"])
        }
    }

    /// commons' storage schema down file misspells CASCADE (`drop schema storage cascde`); verify
    /// stops there with the server's error. Lint used to miss it (DROP was not read to its end) and
    /// finds it now; 20230915120000's `securty definer`, in a function body, is still server-only.
    @Test func verifyFindsTheHistoryBreakThatLintCannotSee() throws {
        let path = repositoryRoot + "/Tests/Histories/commons"
        #expect(Linter.lint(path: path).findings.contains { $0.location.file.hasSuffix("20230118100000_storage_schema.down.sql") })
        #expect(!Linter.lint(path: path).findings.contains { $0.location.file.hasSuffix("20230915120000_moderator_role_from_jwt.down.sql") })
        _ = try TestPostgres.withDatabase { config in
            #expect { try Self.migrator(config, path).verifyDownFiles() } throws: { error in
                "\(error)".hasPrefix(path + "/20230118100000_storage_schema.down.sql:3:21: error: migration failed: syntax error at or near \"cascde\"")
            }
        }
    }

    @Test func verifyRefusesADatabaseThatIsInUse() throws {
        try TestPostgres.withDatabase { config in
            try Self.migrator(config, saasMigrationsPath).up(limit: 1)
            #expect { try Self.migrator(config, saasMigrationsPath).verifyDownFiles() } throws: { error in
                "\(error)".contains("needs a database with no migration applied")
            }
        }
    }

    @Test func commandLineVerifyAndLint() throws {
        try TestPostgres.withDatabase { config in
            let url = TestPostgres.url(config)
            let ok = try migrate(["-path", saasMigrationsPath, "-database", url, "verify"])
            #expect(ok.status == 0, "\(ok.all)")
            #expect(ok.stdout.hasSuffix("verified 4 down files on a throwaway database\n"))
            // The database given is not touched: verify works on one of its own.
            #expect(try PGConnection(config: config).query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").first?[0] == "0")
            let old = try migrate(["-module=saas", "-cmd=verify"], in: repositoryRoot, environment: ["DATABASE_URL": url])
            #expect(old.status == 0, "\(old.all)")
            let lint = try migrate(["-module=saas", "-cmd=lint"], in: repositoryRoot)
            #expect(lint.status == 0)
            #expect(lint.stdout == "")
            #expect(lint.stderr == "4 migrations checked: 0 errors, 0 warnings\n")
            let history = try migrate(["-path", repositoryRoot + "/Tests/Histories/shopfront", "lint"])
            #expect(history.status == 1)
            #expect(history.stdout.contains("000009_add_users_phone.down.sql:1:1: error: [down-does-not-undo-up]"))
            let rules = try migrate(["lint", "-rules"], in: repositoryRoot)
            #expect(rules.stdout.split(separator: "\n").count == LintRule.all.count)
        }
    }
}
