import Foundation
import PGClient
import PGRecord
import PGTestSupport
import Testing

/// `JSONValue`'s own JSON reader and writer, and the byte-level `uuid` reader: the decoders that
/// run for every fetched row, checked on their own and against what PostgreSQL prints.
@Suite struct JSONAndUUIDCodecTests {
    @Test func parsesEveryKindOfValue() throws {
        let text = #" { "a" : [1, -2.5, 1e3, true, false, null, "x\"y\\z\/\u00e9\ud83d\ude00\n\t"], "b": {}, "c": [] } "#
        let value = try JSONValue(parsing: text)
        #expect(value == [
            "a": [.integer(1), .number(-2.5), .number(1000), true, false, nil, .string("x\"y\\z/é😀\n\t")],
            "b": .object([:]),
            "c": .array([]),
        ])
    }

    @Test func integersStayExactAndOtherNumbersAreDoubles() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .integer(.max))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .integer(.min))
        #expect(try JSONValue(parsing: "9223372036854775808") == .decimal("9223372036854775808"))
        #expect(try JSONValue(parsing: "1.0") == .number(1))
        #expect(try JSONValue(parsing: "-0") == .integer(0))
        #expect(try JSONValue(parsing: "2E-3") == .number(0.002))
    }

    @Test func malformedTextIsAnErrorWithItsOffset() {
        let cases: [(String, Int)] = [
            (#"{"a":}"#, 5), ("[1,]", 3), (#""abc"#, 4), ("tru", 0), ("[1] x", 4), ("", 0), ("-", 1), ("1.", 2),
            (#"{"a" 1}"#, 5), (#"["\x"]"#, 3), ("[\"a\u{1}\"]", 3), ("{1:2}", 1),
        ]
        for (text, offset) in cases {
            #expect(throws: JSONValue.SyntaxError.self, "\(text)") { try JSONValue(parsing: text) }
            do {
                _ = try JSONValue(parsing: text)
            } catch {
                #expect(error.offset == offset, "\(text): \(error)")
            }
        }
        // Unclosed to any depth: an error at the end, not a crash.
        let open = String(repeating: "[", count: 1_000_000)
        #expect { try JSONValue(parsing: open) } throws: { ($0 as? JSONValue.SyntaxError)?.offset == 1_000_000 }
    }

    @Test func writesCompactTextWithSortedKeysThatParsesBackEqual() throws {
        let value: JSONValue = [
            "zeta": [1, 2.5, nil, false], "alpha": "quote \" backslash \\ newline \n bell \u{7} ünï 😀 </tag>",
            "mid": ["b": 1, "a": .number(-0.0)], "big": .integer(.min), "tiny": .number(.leastNonzeroMagnitude),
        ]
        let text = value.jsonText
        #expect(text.hasPrefix(#"{"alpha":"quote \" backslash \\ newline \n bell \u0007 ünï 😀 </tag>","big":-9223372036854775808,"#))
        #expect(try JSONValue(parsing: text) == value)
        #expect(JSONValue.number(.nan).jsonText == "null")
        #expect(JSONValue.array([.number(.infinity)]).jsonText == "[null]")
        // Every other control character as \u00XX, with both hex digits lower-case.
        let controls = (0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }.filter { !"\n\r\t".contains($0) }
        let written = JSONValue.string(String(controls)).jsonText
        #expect(written.hasPrefix(#""\u0000\u0001"#) && written.contains(#"\u0008\u000b\u000c\u000e"#) && written.hasSuffix(#"\u001e\u001f""#))
        #expect(try JSONValue(parsing: written) == .string(String(controls)))
    }

    @Test func readsWhatPostgreSQLPrintsForJSONB() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let value: JSONValue = [
                "text": "tab\there \"quoted\" \\ ünïcødé 😀 \u{1}", "list": [1, -2.5, nil, true, ["deep": []]],
                "max": .integer(.max), "empty": "",
            ]
            let row = try #require(try db.query("SELECT $1::text::jsonb, $1::text::json, $1::text::jsonb::text", [value.pgBind]).first)
            #expect(try row.decode(JSONValue.self, at: 0) == value)
            #expect(try row.decode(JSONValue.self, at: 1) == value)
            #expect(try JSONValue(parsing: row.decode(String.self, at: 2)) == value)
            // Text that is not JSON: the error names the column, the text and what is wrong.
            let bad = try #require(try db.query("SELECT '{\"a\": tru}'::text AS settings").first)
            #expect { try bad.decode(JSONValue.self, at: 0, table: "saas_clients") } throws: { error in
                let error = error as? PGDecodingError
                return error?.table == "saas_clients" && error?.column == "settings" && error?.text == "{\"a\": tru}"
                    && error?.reason == "not JSON: unexpected character at byte 6"
            }
        }
    }

    @Test func decodesUUIDsInEitherCaseAndRejectsOthers() throws {
        let uuid = UUID(uuidString: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")!
        for text in ["a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"] {
            let decoded = try Array(text.utf8).withUnsafeBytes { try UUID.decode(pgText: $0) }
            #expect(decoded == uuid)
        }
        for text in ["a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99x9c0b-4ef8-bb6d-6bb9bd380a11", "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", ""] {
            #expect(throws: PGDecodingFailure.self, "\(text)") { try Array(text.utf8).withUnsafeBytes { try UUID.decode(pgText: $0) } }
        }
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            let row = try #require(try db.query("SELECT $1::uuid, gen_random_uuid()", [uuid.pgBind]).first)
            #expect(try row.decode(UUID.self, at: 0) == uuid)
            let random = try row.decode(UUID.self, at: 1)
            #expect(random.uuidString.lowercased() == row[1])
        }
    }
}
