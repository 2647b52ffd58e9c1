import PGSchema
import Testing

@Suite struct SQLStatementSplitterTests {
    func texts(_ sql: String) -> [String] {
        SQLStatementSplitter.split(sql).map(\.text)
    }

    @Test func splitsOnSemicolons() {
        #expect(texts("SELECT 1; SELECT 2;\nSELECT 3") == ["SELECT 1", "SELECT 2", "SELECT 3"])
    }

    @Test func keepsSemicolonsInsideStringsIdentifiersAndComments() {
        let sql = """
            INSERT INTO t VALUES ('a;b', 'it''s; fine');
            CREATE TABLE "odd;name" (x int); -- trailing; comment
            /* block; /* nested; */ still comment; */ SELECT E'\\';' AS e;
            """
        #expect(texts(sql) == [
            "INSERT INTO t VALUES ('a;b', 'it''s; fine')",
            "CREATE TABLE \"odd;name\" (x int)",
            "SELECT E'\\';' AS e",
        ])
    }

    @Test func keepsDollarQuotedBodiesWhole() {
        let sql = """
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$
            BEGIN
                RAISE NOTICE 'x; y';
                RETURN 1;
            END;
            $fn$;
            SELECT $$a;b$$, $1;
            """
        let parts = texts(sql)
        #expect(parts.count == 2)
        #expect(parts[0].hasSuffix("$fn$"))
        #expect(parts[1] == "SELECT $$a;b$$, $1")
    }

    @Test func leavesOutEmptyStatementsAndLocatesTheRest() {
        let statements = SQLStatementSplitter.split("-- header\n;\n\n  /* c */ CREATE INDEX CONCURRENTLY i ON t (x);\n;")
        #expect(statements.count == 1)
        #expect(statements.first?.line == 4)
        #expect(statements.first?.column == 11)
        #expect(statements.first?.text == "CREATE INDEX CONCURRENTLY i ON t (x)")
    }

    @Test func mapsCharacterOffsetsToLinesAndColumns() {
        let text = "ab\r\ncé\nxyz"
        #expect(lineAndColumn(in: text, characterOffset: 0) == (1, 1))
        #expect(lineAndColumn(in: text, characterOffset: 5) == (2, 2))
        #expect(lineAndColumn(in: text, characterOffset: 8) == (3, 2))
    }
}
