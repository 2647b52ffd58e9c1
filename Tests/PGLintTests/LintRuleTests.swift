import Foundation
import PGLint
import PGSchema
import PGTestSupport
import Testing

/// Lints a folder of numbered migrations: (name, up, down or nil).
func lint(_ migrations: [(String, String, String?)], options: LintOptions = LintOptions()) throws -> Linter.Report {
    var files: [String: String] = [:]
    for (index, (name, up, down)) in migrations.enumerated() {
        let prefix = String(format: "%06d_%@", index + 1, name)
        files["\(prefix).up.sql"] = up
        if let down { files["\(prefix).down.sql"] = down }
    }
    let folder = try TemporaryFolder(files: files)
    defer { folder.remove() }
    var report = Linter.lint(path: folder.path, options: options)
    // Paths relative to the folder, so that expectations read well.
    for index in report.findings.indices {
        report.findings[index].location.file = (report.findings[index].location.file as NSString).lastPathComponent
    }
    return report
}

/// `rule file:line:col` of each finding.
func brief(_ report: Linter.Report) -> [String] {
    report.findings.map { "\($0.rule) \($0.location)" }
}

let users = ("create_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text, name varchar(50), score numeric(10,2), org_id bigint);", "DROP TABLE users;")
let orgs = ("create_orgs", "CREATE TABLE orgs (id bigint PRIMARY KEY);", "DROP TABLE orgs;")

@Suite struct LintRuleTests {
    @Test func indexOnAnExistingTableNeedsConcurrently() throws {
        let report = try lint([
            users,
            ("users_email", "CREATE INDEX users_email_idx ON users (email);", "DROP INDEX users_email_idx;"),
        ])
        #expect(brief(report) == ["create-index-not-concurrently 000002_users_email.up.sql:1:1"])
        #expect(report.findings[0].fix?.contains("CONCURRENTLY") == true)
        #expect(report.findings[0].description.hasPrefix("000002_users_email.up.sql:1:1: warning: [create-index-not-concurrently] CREATE INDEX on users"))
    }

    @Test func indexOnATableOfTheSameFileIsFine() throws {
        // squawk flags this; the table is new and nobody else can see it.
        let report = try lint([
            ("create_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '');\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();\nALTER TABLE users ALTER COLUMN id TYPE numeric;", "DROP TABLE users;"),
        ])
        #expect(brief(report) == [])
    }

    @Test func dropIndexOnAnExistingTableNeedsConcurrently() throws {
        let report = try lint([
            users,
            ("idx", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);", "DROP INDEX CONCURRENTLY users_email_idx;"),
            ("drop_idx", "DROP INDEX users_email_idx;", "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);"),
            ("fresh", "CREATE TABLE t (a int);\nCREATE INDEX t_a_idx ON t (a);\nDROP INDEX t_a_idx;", "DROP TABLE t;"),
        ])
        #expect(brief(report).filter { !$0.hasPrefix("concurrently-in-transaction") } == ["drop-index-not-concurrently 000003_drop_idx.up.sql:1:12"])
    }

    @Test func concurrentIndexInItsOwnNoTransactionFileIsFine() throws {
        let report = try lint([
            users,
            ("users_email", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);", "DROP INDEX CONCURRENTLY users_email_idx;"),
        ])
        #expect(brief(report) == [])
    }

    @Test func concurrentlyInATransactionalFile() throws {
        let report = try lint([
            users,
            ("users_email", "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMENT ON INDEX users_email_idx IS 'x';", "DROP INDEX users_email_idx;"),
        ])
        #expect(brief(report) == ["concurrently-in-transaction 000002_users_email.up.sql:1:1"])
        // Alone in its file it works under golang-migrate too (one statement, no implicit transaction).
        let alone = try lint([users, ("users_email", "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);", "DROP INDEX users_email_idx;")])
        #expect(brief(alone) == [])
    }

    @Test func foreignKeyAndCheckWithoutNotValid() throws {
        let report = try lint([
            users, orgs,
            ("users_org", """
                CREATE INDEX CONCURRENTLY users_org_idx ON users (org_id);
                """, "DROP INDEX users_org_idx;"),
            ("users_org_fk", """
                ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);
                ALTER TABLE users ADD CONSTRAINT users_score_check CHECK (score >= 0);
                """, "ALTER TABLE users DROP CONSTRAINT users_org_fkey;\nALTER TABLE users DROP CONSTRAINT users_score_check;"),
        ])
        #expect(brief(report) == [
            "constraint-not-valid 000004_users_org_fk.up.sql:1:23",
            "constraint-not-valid 000004_users_org_fk.up.sql:2:23",
        ])
        // NOT VALID counts for its own action only.
        let mixed = try lint([
            users, orgs,
            ("users_org", "CREATE INDEX CONCURRENTLY users_org_idx ON users (org_id);", "DROP INDEX users_org_idx;"),
            ("both", """
                ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID,
                    ADD CONSTRAINT users_score_check CHECK (score >= 0);
                """, "ALTER TABLE users DROP CONSTRAINT users_org_fkey, DROP CONSTRAINT users_score_check;"),
        ])
        #expect(brief(mixed) == ["constraint-not-valid 000004_both.up.sql:2:9"])
        let safe = try lint([
            users, orgs,
            ("users_org", "CREATE INDEX CONCURRENTLY users_org_idx ON users (org_id);", "DROP INDEX users_org_idx;"),
            ("users_org_fk", """
                ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;
                ALTER TABLE users ADD CONSTRAINT users_score_check CHECK (score >= 0) NOT VALID;
                """, "ALTER TABLE users DROP CONSTRAINT users_org_fkey;\nALTER TABLE users DROP CONSTRAINT users_score_check;"),
            ("validate", "ALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;\nALTER TABLE users VALIDATE CONSTRAINT users_score_check;", ""),
        ])
        #expect(brief(safe) == [])
    }

    @Test func addColumnRules() throws {
        let report = try lint([
            users,
            ("columns", """
                ALTER TABLE users ADD COLUMN a int NOT NULL;
                ALTER TABLE users ADD COLUMN b int NOT NULL DEFAULT 0;
                ALTER TABLE users ADD COLUMN c timestamptz NOT NULL DEFAULT now();
                ALTER TABLE users ADD COLUMN d uuid NOT NULL DEFAULT gen_random_uuid();
                ALTER TABLE users ADD COLUMN e bigserial;
                ALTER TABLE users ADD COLUMN f int GENERATED ALWAYS AS (id * 2) STORED;
                ALTER TABLE users ADD COLUMN g text DEFAULT 'random()';
                ALTER TABLE users ADD COLUMN h double precision DEFAULT random();
                """, """
                ALTER TABLE users DROP COLUMN a, DROP COLUMN b, DROP COLUMN c, DROP COLUMN d, DROP COLUMN e, DROP COLUMN f, DROP COLUMN g, DROP COLUMN h;
                """),
        ])
        #expect(brief(report) == [
            "add-column-not-null-without-default 000002_columns.up.sql:1:30",
            "add-column-rewrites-table 000002_columns.up.sql:4:30",
            "add-column-rewrites-table 000002_columns.up.sql:5:30",
            "add-column-rewrites-table 000002_columns.up.sql:6:30",
            "add-column-rewrites-table 000002_columns.up.sql:8:30",
        ])
        #expect(report.findings[0].severity == .error)
        #expect(report.errors == 1)
    }

    @Test func alterColumnTypeRewritesUnlessItWidens() throws {
        let report = try lint([
            users,
            ("types", """
                ALTER TABLE users ALTER COLUMN name TYPE varchar(100);
                ALTER TABLE users ALTER COLUMN name TYPE text;
                ALTER TABLE users ALTER COLUMN score TYPE numeric(12,2);
                ALTER TABLE users ALTER COLUMN email TYPE varchar(20);
                ALTER TABLE users ALTER COLUMN org_id TYPE integer;
                ALTER TABLE users ALTER COLUMN score TYPE numeric(12,3);
                ALTER TABLE users ALTER COLUMN email TYPE text USING lower(email);
                ALTER TABLE users ALTER COLUMN email TYPE text USING email::text;
                """, nil),
        ], options: { var o = LintOptions(); o.disabled = ["missing-down-file"]; return o }())
        #expect(brief(report) == [
            "alter-column-type-rewrites-table 000002_types.up.sql:4:19",
            "alter-column-type-rewrites-table 000002_types.up.sql:5:19",
            "alter-column-type-rewrites-table 000002_types.up.sql:6:19",
            "alter-column-type-rewrites-table 000002_types.up.sql:7:19",
        ])
    }

    @Test func setNotNullNeedsAValidatedCheck() throws {
        let unsafe = try lint([users, ("email_not_null", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;")])
        #expect(brief(unsafe) == ["set-not-null-scans-table 000002_email_not_null.up.sql:1:19"])
        // The check is there, but not validated yet: the scan still happens.
        let notValidated = try lint([
            users,
            ("check", "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;", "ALTER TABLE users DROP CONSTRAINT users_email_nn;"),
            ("email_not_null", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;"),
        ])
        #expect(brief(notValidated) == ["set-not-null-scans-table 000003_email_not_null.up.sql:1:19"])
        let safe = try lint([
            users,
            ("check", "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;", "ALTER TABLE users DROP CONSTRAINT users_email_nn;"),
            ("validate", "ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;", "SELECT 1;"),
            ("email_not_null", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;"),
        ])
        #expect(brief(safe) == [])
    }

    @Test func breakingChangesForRollingDeploys() throws {
        let report = try lint([
            users, orgs,
            ("breaking", """
                ALTER TABLE users DROP COLUMN name;
                ALTER TABLE users RENAME COLUMN email TO mail;
                ALTER TABLE orgs RENAME TO organizations;
                """, """
                ALTER TABLE organizations RENAME TO orgs;
                ALTER TABLE users RENAME COLUMN mail TO email;
                ALTER TABLE users ADD COLUMN name varchar(50);
                """),
            // The primary key keeps its name through the rename, so the down file names it.
            ("drop_orgs", "DROP TABLE organizations;", "CREATE TABLE organizations (id bigint CONSTRAINT orgs_pkey PRIMARY KEY);"),
        ])
        #expect(brief(report) == [
            // The down file puts `name` back at the end, not where it was: PostgreSQL cannot either.
            "down-does-not-undo-up 000003_breaking.down.sql:1:1",
            "breaking-drop-column 000003_breaking.up.sql:1:31",
            "breaking-rename-column 000003_breaking.up.sql:2:19",
            "breaking-rename-table 000003_breaking.up.sql:3:1",
            "breaking-drop-table 000004_drop_orgs.up.sql:1:12",
        ])
        #expect(report.findings[0].message.contains("column order: before up: id, email, name, score, org_id; after down: id, email, score, org_id, name"))
        // The same on a table created in the file is no break: nobody reads it yet.
        let fresh = try lint([
            ("create", "CREATE TABLE t (id int PRIMARY KEY, a int, b int);\nALTER TABLE t DROP COLUMN a;\nALTER TABLE t RENAME COLUMN b TO c;\nALTER TABLE t RENAME TO u;", "DROP TABLE u;"),
        ])
        #expect(brief(fresh) == [])
    }

    @Test func aTableRecreatedUnderTheOldNameIsNew() throws {
        let report = try lint([
            users,
            ("recreate", """
                ALTER TABLE users RENAME TO users_old; -- migrate:lint-ignore breaking-rename-table
                CREATE TABLE users (id bigint PRIMARY KEY, email text);
                CREATE INDEX users_email_idx ON users (email);
                CREATE INDEX users_old_email_idx ON users_old (email);
                """, "DROP TABLE users;\nDROP INDEX users_old_email_idx;\nALTER TABLE users_old RENAME TO users;"),
        ])
        // The index on the new table is fine; the one on the old table (its rows) is not.
        #expect(brief(report) == ["create-index-not-concurrently 000002_recreate.up.sql:4:1"])
        #expect(report.suppressed == 1)
    }

    @Test func settingsFileBesideTheMigrations() throws {
        let folder = try TemporaryFolder(files: [
            ".migrate-lint": "# reviewed by the team\ndisable foreign-key-without-index\nerror create-index-not-concurrently, breaking-drop-column\nsince 1\n",
            "000001_users.up.sql": users.1, "000001_users.down.sql": users.2,
            "000002_idx.up.sql": "CREATE INDEX users_email_idx ON users (email);", "000002_idx.down.sql": "DROP INDEX users_email_idx;",
        ])
        defer { folder.remove() }
        var options = LintOptions()
        try options.load(configIn: folder.path)
        #expect(options.disabled == ["foreign-key-without-index"])
        #expect(options.errors == ["create-index-not-concurrently", "breaking-drop-column"])
        #expect(options.since == 1)
        let report = Linter.lint(path: folder.path, options: options)
        #expect(report.findings.map { "\($0.severity) \($0.rule)" } == ["error create-index-not-concurrently"])

        try folder.write(".migrate-lint", "disable no-such-rule\n")
        var bad = LintOptions()
        #expect { try bad.load(configIn: folder.path) } throws: { error in
            "\(error)" == folder.subpath(".migrate-lint") + ":1:1: error: no-such-rule is not a lint rule; `migrate lint -rules` lists them"
        }
    }

    @Test func sinceReportsOnlyOnNewerMigrations() throws {
        let migrations = [
            users,
            ("users_email", "CREATE INDEX users_email_idx ON users (email);", "DROP INDEX users_email_idx;"),
            ("users_name", "CREATE INDEX users_name_idx ON users (name);", "DROP INDEX users_name_idx;"),
        ]
        var options = LintOptions()
        options.since = 2
        let report = try lint(migrations, options: options)
        // Version 2 is applied in production: it is folded, not reported on (and not edited).
        #expect(brief(report) == ["create-index-not-concurrently 000003_users_name.up.sql:1:1"])
        #expect(report.files == 1)
        #expect(try lint(migrations).findings.count == 2)
    }

    @Test func namesFollowTheSearchPath() throws {
        let report = try lint([
            ("app", "CREATE SCHEMA app;\nSET search_path = app;\nCREATE TABLE t (id int PRIMARY KEY, a int);", "DROP SCHEMA app CASCADE;\nRESET search_path;"),
            ("more", "CREATE TABLE u (id int PRIMARY KEY, a int);\nCREATE INDEX u_a_idx ON u (a);\nCREATE INDEX t_a_idx ON t (a);", "DROP TABLE u;\nDROP INDEX t_a_idx;"),
        ])
        // app.u is new in the file; app.t is not.
        #expect(brief(report) == ["create-index-not-concurrently 000002_more.up.sql:3:1"])
        #expect(report.findings.first?.message.contains("app.t") == true)
    }

    @Test func foreignKeysWithoutAnIndex() throws {
        let report = try lint([
            orgs,
            ("members", """
                CREATE TABLE members (id bigint PRIMARY KEY, org_id bigint REFERENCES orgs (id), boss_id bigint REFERENCES members (id), team_id bigint REFERENCES orgs (id));
                CREATE INDEX members_org_idx ON members (org_id, id);
                CREATE INDEX members_team_idx ON members (team_id) WHERE team_id IS NOT NULL;
                """, "DROP TABLE members;"),
        ])
        #expect(brief(report) == ["foreign-key-without-index 000002_members.up.sql:1:82"])
        #expect(report.findings[0].message.contains("members_boss_id_fkey"))
    }

    @Test func opaqueDynamicSQL() throws {
        let report = try lint([
            users,
            ("dynamic", """
                DO $$
                BEGIN
                  EXECUTE format('CREATE INDEX %I ON users (email)', 'users_email_idx');
                END $$;
                """, "DROP INDEX IF EXISTS users_email_idx;"),
        ])
        #expect(report.findings.map(\.rule) == ["opaque-statement"])
    }

    @Test func downFiles() throws {
        let report = try lint([
            users,
            ("no_down", "ALTER TABLE users ADD COLUMN a int;", nil),
            ("bad_down", "ALTER TABLE users ADD COLUMN b int;\nCREATE TABLE t (id int);", "DROP TABLE t;"),
            ("good_down", "ALTER TABLE users ADD COLUMN c int;\nCREATE TABLE u (id int);", "DROP TABLE u;\nALTER TABLE users DROP COLUMN c;"),
            ("wrong_type", "ALTER TABLE users ALTER COLUMN name TYPE varchar(80);", "ALTER TABLE users ALTER COLUMN name TYPE varchar(60);"),
        ])
        #expect(brief(report) == [
            "missing-down-file 000002_no_down.up.sql:1:1",
            "down-does-not-undo-up 000003_bad_down.down.sql:1:1",
            "down-does-not-undo-up 000005_wrong_type.down.sql:1:1",
        ])
        #expect(report.findings[1].message.contains("table users: column b: left behind by the down file"))
        #expect(report.findings[2].message.contains("character varying(50)"))
        #expect(report.findings[1].severity == .error)
    }

    @Test func suppressionAndConfiguration() throws {
        let migrations = [
            users,
            ("indexes", """
                -- migrate:lint-ignore create-index-not-concurrently -- users is tiny, reviewed by Ana
                CREATE INDEX users_email_idx ON users (email);
                CREATE INDEX users_name_idx ON users (name);
                CREATE INDEX users_score_idx -- migrate:lint-ignore all
                    ON users (score);
                """, "DROP INDEX users_email_idx, users_name_idx, users_score_idx;"),
        ]
        let report = try lint(migrations)
        #expect(brief(report) == ["create-index-not-concurrently 000002_indexes.up.sql:3:1"])
        #expect(report.suppressed == 2)
        var options = LintOptions()
        options.errors = ["create-index-not-concurrently"]
        #expect(try lint(migrations, options: options).errors == 1)
        options.disabled = ["create-index-not-concurrently"]
        #expect(try lint(migrations, options: options).findings.isEmpty)
        // A marker inside a string is not a comment.
        let quoted = try lint([
            users,
            ("indexes", "CREATE INDEX users_email_idx ON users (email) WHERE email <> '-- migrate:lint-ignore all';", "DROP INDEX users_email_idx;"),
        ])
        #expect(brief(quoted) == ["create-index-not-concurrently 000002_indexes.up.sql:1:1"])
        let wholeFile = try lint([
            users,
            ("indexes", "-- migrate:lint-ignore-file create-index-not-concurrently\nCREATE INDEX a ON users (email);\nCREATE INDEX b ON users (name);", "DROP INDEX a, b;"),
        ])
        #expect(brief(wholeFile) == [])
    }
}
