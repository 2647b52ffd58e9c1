import Foundation
import PGClient
@testable import PGRecord
import PGTestSupport
import Testing

/// Inserting many rows is all or nothing however many statements it takes (issue 9): rows that
/// set different columns in turn make a statement each, and 2,000 such rows of 41 columns carry
/// about 82,000 binds, more than one statement can (65,535).
@Suite struct InsertManyLimitsTests {
    static let columns = (1...40).map { "c\($0)" }
    static let types = Dictionary(uniqueKeysWithValues: (["id"] + columns).map { ($0, $0 == "id" ? "int" : "text") })

    /// Every other row leaves `c1` to its default, so no two neighbours share a statement.
    static func row(_ id: Int) -> [(column: String, value: PGBind)] {
        [("id", id.pgBind)] + columns.filter { id % 2 == 0 || $0 != "c1" }.map { ($0, "v\(id)".pgBind) }
    }

    @Test func rowsBeyondOneStatementsBindsAreStoredAllOrNothing() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE wide (id int PRIMARY KEY, \(Self.columns.map { "\($0) text DEFAULT 'd'" }.joined(separator: ", ")))")
            let rows = (1...2_000).map(Self.row)
            #expect(rows.map(\.count).reduce(0, +) > 65_535)

            let ids: [Int] = try await PGTableHelpers.insertMany(into: "wide", rows, types: Self.types, returning: "id", on: db)
            #expect(ids == Array(1...2_000))
            #expect(try db.query("SELECT count(*) FROM wide WHERE c1 = 'd'").first?[0] == "1000")
            #expect(try db.query("SELECT count(*) FROM wide WHERE c40 = 'v' || id").first?[0] == "2000")

            // The last row repeats a key: the statements before it, sent earlier, are undone too.
            let clash = (2_001...4_000).map(Self.row) + [Self.row(1)]
            await #expect { () async throws in
                _ = try await PGTableHelpers.insertMany(into: "wide", clash, types: Self.types, on: db)
            } throws: { ($0 as? PGError)?.sqlState == "23505" }
            await #expect { () async throws in
                let _: [Int] = try await PGTableHelpers.insertMany(into: "wide", clash, types: Self.types, returning: "id", on: db)
            } throws: { ($0 as? PGError)?.sqlState == "23505" }
            #expect(try db.query("SELECT count(*) FROM wide").first?[0] == "2000")

            // Without reading the rows back, and inside a caller's transaction (a savepoint then).
            let counted = try await db.withTransaction { tx in
                try await PGTableHelpers.insertMany(into: "wide", (2_001...4_000).map(Self.row), types: Self.types, on: tx)
            }
            #expect(counted == 2_000)
            #expect(try db.query("SELECT count(*) FROM wide").first?[0] == "4000")
        }
    }

    @Test func groupsKeepOrderAndStayUnderTheLimits() {
        let statements = (0..<1_234).map { index in (sql: "s\(index)", binds: [PGBind](repeating: .null, count: index % 97)) }
        let groups = PGTableHelpers.combinedGroups(statements)
        #expect(groups.flatMap { $0 }.map(\.sql) == statements.map(\.sql))
        for group in groups {
            #expect(group.count <= PGTableHelpers.maximumCombined)
            #expect(group.map(\.binds.count).reduce(0, +) <= PGTableHelpers.maximumBinds)
        }
        #expect(groups.count > 1)
        #expect(PGTableHelpers.combinedGroups([]).isEmpty)
    }
}

@Suite struct PlaceholderShiftTests {
    @Test func onlyTextArrayPlaceholdersMove() {
        let sql = #"INSERT INTO "t$1" ("a", "b") SELECT u."a"::int, u."b"::text FROM unnest($1::text[], $12::text[]) AS u("a", "b") -- $3"#
        #expect(PGTableHelpers.shiftPlaceholders(sql, by: 40) == #"INSERT INTO "t$1" ("a", "b") SELECT u."a"::int, u."b"::text FROM unnest($41::text[], $52::text[]) AS u("a", "b") -- $3"#)
        #expect(PGTableHelpers.shiftPlaceholders("$", by: 1) == "$")
        #expect(PGTableHelpers.shiftPlaceholders("x $9::text[]", by: 991) == "x $1000::text[]")
    }
}

/// What `insertMany` binds for a column: one array literal of all the rows' values.
@Suite struct ArrayLiteralTests {
    /// A column's array, built by escaping runs of each value at once: random values thick with
    /// `"` and `\` (first, last, doubled) read back from PostgreSQL byte for byte, and a NUL
    /// anywhere is seen.
    @Test func arrayLiteralsReadBackExactly() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            var generator = SystemRandomNumberGenerator()
            let pieces = ["\"", "\\", "a", "é", " ", ",", "{", "}", "NULL", "\\\"", "🎉"]
            for _ in 0..<200 {
                let values: [String?] = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                    Int.random(in: 0..<8, using: &generator) == 0 ? nil
                        : (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                }
                var builder = PGTextArrayBuilder()
                for value in values { builder.append(value) }
                #expect(!builder.hasNUL)
                let literal = builder.finish()
                let rows = try db.query("SELECT u FROM unnest($1::text[]) WITH ORDINALITY AS t(u, n) ORDER BY n", [literal])
                #expect(rows.map { $0[0] } == values, "\(literal.text ?? "")")
            }
            for value in ["\0", "a\0", "\0\"", "\"\\\0"] {
                var builder = PGTextArrayBuilder()
                builder.append("x")
                builder.append(value)
                #expect(builder.hasNUL, "\(value.debugDescription)")
            }
        }
    }
}
