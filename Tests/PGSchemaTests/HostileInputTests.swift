import Foundation
import PGSchema
import Testing

/// Migration files and scripts that once lost data or hung (issue 9).
@Suite struct HostileInputTests {
    func folder(_ names: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "pg-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in names { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func aNULByteIsRefusedWithItsLocationByTheReaderAndTheGenerator() throws {
        let path = try folder([
            "1_a.up.sql": "CREATE TABLE a (id int);\n-- note é\u{0} CREATE TABLE b (id int);\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(try MigrationDirectory(path: path).upFiles.first)
        #expect { try file.read() } throws: { error in
            let error = error as? MigrationSourceError
            return error?.line == 2 && error?.column == 10 && error?.message.contains("NUL byte") == true
        }
        let result = SchemaLoader.load(migrations: path)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("NUL byte") && $0.location.line == 2 && $0.location.column == 10 })
    }

    @Test func aDirectoryOrASymlinkLoopNamedLikeAMigrationSaysWhatIsWrong() throws {
        let path = try folder(["1_a.up.sql": "SELECT 1;"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createDirectory(atPath: path + "/2_b.up.sql", withIntermediateDirectories: false)
        #expect { try MigrationDirectory(path: path) } throws: { error in
            "\(error)" == "\(path)/2_b.up.sql: error: named like a migration file, but it is a directory"
        }
        try FileManager.default.removeItem(atPath: path + "/2_b.up.sql")
        try FileManager.default.createSymbolicLink(atPath: path + "/3_c.up.sql", withDestinationPath: path + "/4_d.up.sql")
        try FileManager.default.createSymbolicLink(atPath: path + "/4_d.up.sql", withDestinationPath: path + "/3_c.up.sql")
        #expect { try MigrationDirectory(path: path) } throws: { error in
            "\(error)".contains("3_c.up.sql: error: migration file is a loop of symbolic links")
        }
        try FileManager.default.removeItem(atPath: path + "/4_d.up.sql")
        #expect { try MigrationDirectory(path: path) } throws: { error in
            "\(error)".contains("3_c.up.sql: error: migration file is a symbolic link to a file that does not exist")
        }
        #expect { try MigrationDirectory(path: path + "/1_a.up.sql") } throws: { !"\($0)".contains("NSCocoaErrorDomain") }
    }

    @Test func beginAtomicBodiesAreNotSplitAtTheirInnerSemicolons() {
        let sql = """
            CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
                SELECT i + 1;
                SELECT CASE WHEN i > 0 THEN 1 ELSE 0 END;
            END;
            CREATE INDEX CONCURRENTLY i ON t (x);
            """
        let statements = SQLStatementSplitter.split(sql)
        #expect(statements.count == 2)
        #expect(statements.first?.text.hasSuffix("END") == true)
        #expect(statements.last?.line == 6)
    }

    @Test func statementsCarryTheirLeadingWords() {
        let statements = SQLStatementSplitter.split("ROLLBACK TO sp; \"commit\"(); /* c */ Commit; begin")
        #expect(statements.map(\.leadingWords) == [["rollback", "to"], ["", ""], ["commit"], ["begin"]])
    }

    @Test(arguments: [
        ("SELECT 1; /* never closed; SELECT 2;", "unterminated /* comment"),
        ("SELECT 'never closed; SELECT 2;", "unterminated quoted string"),
        ("SELECT \"never closed; SELECT 2;", "unterminated quoted identifier"),
        ("SELECT $x$ never closed; SELECT 2;", "unterminated dollar-quoted string"),
    ])
    func lexingErrorsAreReportedWithTheStatements(sql: String, message: String) {
        let result = SQLStatementSplitter.scan(sql, path: "f.sql")
        #expect(result.diagnostics.contains { $0.message.hasPrefix(message) && $0.location.line == 1 })
    }

    /// Splitting is one pass: ten times the statements take about ten times the work. The old
    /// splitter rescanned from the start of the file for each statement (a hundred times here).
    @Test func splittingIsLinear() {
        func script(_ count: Int) -> String {
            var text = ""
            for index in 0..<count { text += "INSERT INTO t VALUES (\(index), 'a;b', $$c;d$$); -- x;\n" }
            return text
        }
        func seconds(_ text: String) -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                let start = ContinuousClock.now
                let count = SQLStatementSplitter.split(text).count
                let elapsed = ContinuousClock.now - start
                #expect(count > 0)
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            return best
        }
        let small = seconds(script(2_000))
        let large = seconds(script(20_000))
        // Generous for a loaded machine; quadratic splitting gives about 100.
        #expect(large / small < 30, "2,000 statements: \(small) s, 20,000: \(large) s")
        let statements = SQLStatementSplitter.split(script(20_000))
        #expect(statements.count == 20_000)
        #expect(statements.last?.line == 20_000)
        #expect(statements.last?.characterOffset == script(19_999).unicodeScalars.count)
    }
}
