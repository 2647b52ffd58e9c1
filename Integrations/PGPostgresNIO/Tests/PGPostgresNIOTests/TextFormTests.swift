import Foundation
import PGClient
import PGPostgresNIO
import PGRecord
import PostgresNIO
import Testing

/// Every mapped type, with its awkward values, read through PostgresNIO and through libpq: the
/// text that PGRecord's decoders see must be the same bytes. Parameters go through each driver
/// too (`SELECT $1::type`), so both directions are covered.
@Suite struct TextFormTests {
    static let fixtures = repositoryRoot + "/Tests/Fixtures/models"

    static let values: [(type: String, literals: [String])] = [
        ("float8", ["0", "-0", "1", "-1", "0.1", "1e-5", "0.0001", "0.00012345", "123456789012345", "1234567890123456", "1e15", "1e14",
                    "1e100", "-1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "NaN", "Infinity", "-Infinity",
                    "3.141592653589793", "100", "1e16", "12345.678", "0.30000000000000004", "-2.5e-10"]),
        ("float4", ["0", "-0", "1", "0.1", "1e-5", "0.0001", "123456", "1234567", "3.4028235e38", "1e-45", "NaN", "-Infinity",
                    "1.1754944e-38", "100000", "1000000", "16777217", "-3.25"]),
        ("numeric", ["0", "-0.000", "1.10", "123456789012345678901234567890.123456789", "-0.00001", "1e-20", "NaN", "Infinity",
                     "-Infinity", "10000", "9999.9999", "0.5", "100000000", "-1000.0001", "0.000100"]),
        ("numeric(30,10)", ["12345678901234567890.1234567891", "-1", "0"]),
        ("money", ["0", "1.5", "-1234567.89", "92233720368547758.07", "-92233720368547758.08", "0.01", "-0.5", "1000"]),
        ("int2", ["0", "-32768", "32767"]),
        ("int4", ["0", "-2147483648", "2147483647"]),
        ("int8", ["0", "-9223372036854775808", "9223372036854775807"]),
        ("bool", ["t", "f"]),
        ("text", ["", "it's \"quoted\" \\ back\\slash; -- $1 \n new line \t tab ünïcødé 😀 中文", "NULL", " "]),
        ("varchar(10)", ["", "abc"]),
        ("char(3)", ["a", "a\"b", ""]),
        ("name", ["n;ame", "x"]),
        ("\"char\"", ["a", "\\101", "\\377", ""]),
        ("uuid", ["00000000-0000-0000-0000-000000000000", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"]),
        ("bytea", ["\\x", "\\x00ff10", "abc"]),
        ("timestamp", ["2000-01-01", "1999-12-31 23:59:59.999999", "0001-01-01 BC", "4713-01-01 BC", "294276-12-31 23:59:59.999999",
                       "infinity", "-infinity", "1970-01-01 00:00:00.5", "2026-11-26 13:30:00.000001", "1900-02-28 12:00:00.12"]),
        ("timestamptz", ["2000-01-01 00:00:00+00", "1999-12-31 23:59:59.999999+07", "0001-01-01 00:00:00+00 BC", "infinity",
                         "-infinity", "2026-11-26 13:30:00.000001-05:30", "1900-01-01 00:00:00.000001+00"]),
        ("date", ["2000-01-01", "0001-01-01 BC", "5874897-12-31", "4713-01-01 BC", "infinity", "-infinity", "1999-02-28", "2024-02-29",
                  "0044-03-15 BC", "1600-03-01"]),
        ("time", ["00:00", "23:59:59.999999", "24:00:00", "12:34:56.7"]),
        ("interval", ["0", "1 year", "-1 year", "1 year 2 mons 3 days 04:05:06.789", "-1 mons +3 days", "1 day -00:00:01",
                      "-3 days -04:05:06", "178000000 years", "-178000000 years", "2562047788:00:54.775807",
                      "-2562047788:00:54.775807", "1 mon -1 day +1 hour", "00:00:00.000001", "-00:00:00.5", "-14 mons 45 days -01:00:00.000001"]),
        ("inet", ["192.168.0.1", "192.168.0.1/24", "10.0.0.0/8", "::1", "::", "2001:db8::1", "2001:db8:0:0:1:0:0:1", "::ffff:1.2.3.4",
                  "::1.2.3.4", "fe80::1/64", "1:2:3:4:5:6:7:8", "1::8", "1:0:0:4::8", "0.0.0.0/0", "1:0:0:0:0:0:0:0", "0:0:1::"]),
        ("cidr", ["10.0.0.0/8", "192.168.0.0/24", "192.168.0.1/32", "2001:db8::/32", "::/0", "0.0.0.0/0", "::1/128"]),
        ("macaddr", ["08:00:2b:01:02:03", "ff:ff:ff:ff:ff:ff"]),
        ("tsvector", ["'a':1 'b':2", "'it''s':1A,2B,3C,4 'back\\\\slash' x", "", "'a b' 'c'"]),
        ("json", ["{\"a\": [1, 2.50, null, \"x\\\"y\"]}", "  [ ]  ", "\"😀\""]),
        ("jsonb", ["{\"b\": 1, \"a\": [1, 2.50, null, \"x\\\"y\"], \"big\": 9223372036854775807}", "[]", "\"\\u00e9\"", "1e400"]),
        ("xml", ["<a href=\"x\">&amp;</a>", "text only"]),
        ("\"Order Status\"", ["in progress", "2nd try", "Done!"]),
        ("positive_int", ["1", "2147483647"]),
        ("maybe_text", ["", "plain"]),
        ("int4[]", ["{}", "{{1,2},{3,4}}", "[0:1]={1,2}", "{NULL,-1}", "[2:3][-1:0]={{1,2},{3,4}}"]),
        ("text[]", ["{NULL,\"null\",\"\",\"a b\",\"x\\\"y\",\"back\\\\slash\",\"{braces}\",\"a,b\",NuLl,plain,ünï}", "{}", "{{a,b},{c,d}}"]),
        ("float8[]", ["{1.5,NaN,-Infinity,1e-7}"]),
        ("float4[]", ["{1.5,0.1}"]),
        ("numeric[]", ["{1.10,NaN,-0.001}"]),
        ("timestamptz[]", ["{\"2000-01-01 00:00:00+00\",infinity,NULL}"]),
        ("timestamp[]", ["{\"2000-01-01 00:00:00\",\"0001-01-01 00:00:00 BC\"}"]),
        ("date[]", ["{2000-01-01,infinity}"]), ("time[]", ["{00:00:01.5}"]),
        ("interval[]", ["{\"1 year\",\"-00:00:01\"}"]),
        ("uuid[]", ["{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}"]),
        ("bytea[]", ["{\"\\\\x00ff\",NULL}"]),
        ("bool[]", ["{t,f,NULL}"]),
        ("jsonb[]", ["{\"{\\\"a\\\": 1}\",\"[]\"}"]), ("json[]", ["{\"{\\\"a\\\": 1}\"}"]),
        ("inet[]", ["{::1,10.0.0.1/8}"]), ("cidr[]", ["{10.0.0.0/8}"]), ("macaddr[]", ["{08:00:2b:01:02:03}"]),
        ("money[]", ["{$1.50,-$2.00}"]), ("tsvector[]", ["{\"'a':1\"}"]), ("xml[]", ["{<a/>}"]),
        ("int2[]", ["{1,-32768}"]), ("int8[]", ["{9223372036854775807}"]), ("varchar[]", ["{a,\" b\"}"]), ("char(2)[]", ["{a,bc}"]),
        ("\"Order Status\"[]", ["{\"in progress\",default,DONE,NULL}", "{}"]),
        ("positive_int[]", ["{1,2}"]), ("maybe_text[]", ["{x,NULL}"]), ("name[]", ["{a}"]),
    ]

    @Test func everyTypeReadsAsTheSameBytesAsThroughLibpq() async throws {
        try await withDrivers(migrations: Self.fixtures) { d in
            // timestamptz is written in UTC by the adapter; the libpq session shows UTC too.
            _ = try await d.libpq.execute("SET TimeZone = 'UTC'", [])
            let executors: [(String, any PGExecutor)] = [("PostgresClient", d.client), ("PostgresConnection", d.connection)]
            var compared = 0
            for (type, literals) in Self.values {
                for literal in literals {
                    let sql = "SELECT $1::\(type), CASE WHEN false THEN $1::\(type) END"
                    let expected = try await d.libpq.query(sql, [PGBind(text: literal)])
                    for (name, executor) in executors {
                        let rows = try await executor.query(sql, [PGBind(text: literal)])
                        #expect(rows.count == 1 && rows.columnNames == expected.columnNames)
                        #expect(bytes(rows, 0) == bytes(expected, 0), "\(type) \(literal) through \(name): \(rows[0][0] ?? "NULL") ≠ libpq's \(expected[0][0] ?? "NULL")")
                        #expect(rows[0][1] == nil)
                        #expect(rows.storage.columnType(0) == expected.storage.columnType(0))
                        compared += 1
                    }
                }
            }
            #expect(compared > 400)
        }
    }

    @Test func aTypeWithoutATextFormIsAClearError() async throws {
        try await withDrivers(migrations: Self.fixtures) { d in
            await #expect {
                _ = try await d.client.query("SELECT ROW('a', NULL, NULL, NULL)::address", [])
            } throws: { error in
                error is PGTextFormError && "\(error)".contains("record_send") && "\(error)".contains("::text")
            }
            // Cast to text, it reads.
            let rows = try await d.client.query("SELECT ROW('a', NULL, NULL, NULL)::address::text", [])
            #expect(rows[0][0] == "(a,,,)")
        }
    }

    @Test func affectedRowCountsMatch() async throws {
        try await withDrivers(migrations: Self.fixtures) { d in
            _ = try await d.client.execute("CREATE TABLE counted (n int)", [])
            #expect(try await d.client.execute("INSERT INTO counted SELECT generate_series(1, 5)", []) == 5)
            #expect(try await d.connection.execute("UPDATE counted SET n = n + 1 WHERE n > $1", ["2"]) == 3)
            #expect(try await d.client.execute("DELETE FROM counted", []) == 5)
            #expect(try await d.client.execute("SELECT 1", []) == 1)
        }
    }
}

/// The text bytes of row 0, `column`.
func bytes(_ rows: PGRows, _ column: Int) -> [UInt8]? {
    rows.storage.value(row: 0, column: column).map { Array($0) }
}
