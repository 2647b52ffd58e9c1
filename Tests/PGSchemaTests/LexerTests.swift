import PGSchema
import Testing

@Suite struct LexerTests {
    func lex(_ sql: String) -> LexedFile {
        Lexer.lex(SourceFile(path: "m.up.sql", text: sql))
    }

    func values(_ sql: String) -> [String] {
        lex(sql).statements.flatMap { $0.tokens.map(\.value) }
    }

    @Test func foldsUnquotedWordsAndKeepsQuotedOnes() {
        // Like PostgreSQL in a UTF-8 database, only ASCII letters are folded.
        #expect(values(#"SELECT Foo, "Bar Baz", "say ""hi""", ÜBER"#) == ["select", "foo", ",", "Bar Baz", ",", #"say "hi""#, ",", "Über"])
    }

    @Test func decodesEveryStringForm() {
        let tokens = lex(#"SELECT 'it''s', E'a\nb\x41\101\u00e9', U&'caf\00E9', $$raw 'x' $ ;$$, $fn$ a $$ b $fn$, B'101', X'1F'"#)
            .statements[0].tokens.filter { $0.kind == .string }.map(\.value)
        #expect(tokens == ["it's", "a\nbAAé", "café", "raw 'x' $ ;", " a $$ b ", "101", "1F"])
    }

    @Test func tellsNumbersOperatorsParametersAndCastsApart() {
        let tokens = lex("SELECT 1.5e3, .5, 42::text, $1 || 'x', a<>b, -1").statements[0].tokens
        #expect(tokens.filter { $0.kind == .number }.map(\.value) == ["1.5e3", ".5", "42", "1"])
        #expect(tokens.filter { $0.kind == .symbol }.map(\.value) == [",", ",", "::", ",", "||", ",", "<>", ",", "-"])
        #expect(tokens.filter { $0.kind == .parameter }.map(\.value) == ["$1"])
    }

    @Test func splitsStatementsOnlyOnRealSemicolons() {
        let file = lex("""
            CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; -- one;
            /* two; /* three; */ */ SELECT ';' ;
            CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;
            SELECT "semi;colon"
            """)
        #expect(file.diagnostics.isEmpty)
        #expect(file.statements.count == 4)
        #expect(file.statements[2].tokens.last?.value == "end")
    }

    @Test(arguments: [
        ("SELECT 'abc", 1, 8, "unterminated quoted string"),
        ("SELECT 1;\n  SELECT \"abc", 2, 10, "unterminated quoted identifier"),
        ("CREATE FUNCTION f() AS $x$ body", 1, 24, "unterminated dollar-quoted string ($x$ is never closed)"),
        ("SELECT 1; /* open /* nested */", 1, 11, "unterminated /* comment"),
    ])
    func reportsUnterminatedConstructsWhereTheyStart(sql: String, line: Int, column: Int, message: String) {
        let diagnostics = lex(sql).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: "m.up.sql", line: line, column: column))
        #expect(diagnostics.first?.message == message)
    }

    @Test func columnsCountCharactersNotBytes() {
        let file = lex("SELECT 'é', ü")
        #expect(file.source.location(of: file.statements[0].tokens[3].start) == SourceLocation(file: "m.up.sql", line: 1, column: 13))
    }
}
