import Foundation
import PGClient
import PGRecord
import PGTestSupport
import Testing

/// Values are stored exactly as given, or refused before anything is sent (issue 9).
@Suite struct NothingLostTests {
    // MARK: - NUL bytes

    @Test func aNULInAStatementIsRefusedBeforeSending() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE a (x int)")
            #expect { try db.execute("CREATE TABLE b (x int); -- note \u{0} CREATE TABLE c (x int);") } throws: { error in
                "\(error)".contains("NUL byte at character 33")
            }
            #expect(try db.query("SELECT count(*) FROM pg_class WHERE relname IN ('b', 'c')").first?[0] == "0")
        }
    }

    @Test func aStringBindWithANULIsRefusedNamingTheColumn() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE notes (id int PRIMARY KEY, body text)")
            let value = "abc\u{0}def"
            // Through the connection: the parameter is named.
            #expect { try db.query("INSERT INTO notes VALUES (1, $1)", [value.pgBind]) } throws: { "\($0)".contains("parameter $1") && "\($0)".contains("NUL") }
            // Through the helpers generated code uses: the column is named.
            await #expect { () async throws in
                let _: Int64? = try await PGTableHelpers.insert(into: "notes", [("id", 1), ("body", value.pgBind)], returning: "id", on: db)
            } throws: { error in
                (error as? PGBindError)?.column == "body" && "\(error)".contains("column \"body\" of notes")
            }
            await #expect { () async throws in
                _ = try await PGTableHelpers.insertMany(into: "notes", [[("id", 1), ("body", "x")], [("id", 2), ("body", value.pgBind)]], types: ["id": "int", "body": "text"], on: db)
            } throws: { ($0 as? PGBindError)?.column == "body" }
            // In a later statement of the same insert (other columns set), and in a long value.
            let long = String(repeating: "é", count: 3_000) + "\u{0}"
            await #expect { () async throws in
                _ = try await PGTableHelpers.insertMany(
                    into: "notes", [[("id", 3), ("body", "a")], [("id", 4)], [("id", 5), ("body", long.pgBind)]],
                    types: ["id": "int", "body": "text"], on: db
                )
            } throws: { ($0 as? PGBindError).map { $0.column == "body" && $0.parameter == 2 && $0.reason.contains("NUL") } == true }
            // A refused value (here a JSON NaN) is refused by insertMany too, naming its column.
            await #expect { () async throws in
                _ = try await PGTableHelpers.insertMany(
                    into: "notes", [[("id", 6), ("body", JSONValue.number(.nan).pgBind)]], types: ["id": "int", "body": "text"], on: db
                )
            } throws: { ($0 as? PGBindError).map { $0.column == "body" && $0.table == "notes" } == true }
            try db.execute("INSERT INTO notes VALUES (1, 'kept')")
            await #expect { () async throws in
                let _: Int64? = try await PGTableHelpers.update("notes", set: [("body", value.pgBind)], key: [("id", 1)], returning: "id", on: db)
            } throws: { ($0 as? PGBindError)?.column == "body" }
            await #expect { () async throws in
                _ = try await PGQuery<Int64>("SELECT count(*) FROM notes WHERE body = $1").fetchAll(["abc\u{0}zzz".pgBind], on: db)
            } throws: { "\($0)".contains("parameter $1") }
            #expect(try db.query("SELECT body FROM notes").map { $0[0] } == ["kept"])
        }
    }

    @Test func aNULIsFoundAtAnyPlaceInShortAndLongValues() {
        // Short strings live inline, long ones in a buffer, and both are scanned through their
        // UTF-8 bytes: a NUL at the first, a middle and the last byte, beside non-ASCII text.
        for length in [1, 7, 15, 16, 64, 4_097] {
            let plain = String(repeating: "é", count: length / 2) + String(repeating: "a", count: length % 2)
            #expect(PGBind(text: plain).problem == nil, "\(length)")
            for offset in Set([0, plain.unicodeScalars.count / 2, plain.unicodeScalars.count]) {
                var scalars = Array(plain.unicodeScalars)
                scalars.insert("\u{0}", at: offset)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                #expect(PGBind(text: text).problem?.contains("NUL") == true, "\(length), NUL at \(offset)")
            }
        }
        // A string that is a slice of a longer one, and one bridged from NSString.
        let long = String(repeating: "x", count: 100) + "\u{0}" + String(repeating: "y", count: 100)
        #expect(PGBind(text: String(long.dropFirst(50))).problem != nil)
        #expect(PGBind(text: String(long.prefix(100))).problem == nil)
        #expect(PGBind(text: NSString(string: long) as String).problem != nil)
    }

    @Test func aBindIsNullTextOrRefusedAndSettingOneReplacesTheOther() {
        var bind = PGBind(refusing: "no")
        #expect(bind.text == nil && bind.refusal == "no" && bind.problem == "no" && "\(bind)" == "<bind>")
        bind.text = "value"
        #expect(bind.text == "value" && bind.refusal == nil && bind.problem == nil)
        bind.refusal = "again"
        #expect(bind.text == nil && bind.problem == "again")
        bind.refusal = nil
        #expect(bind == .null && "\(bind)" == "NULL" && bind.problem == nil)
        #expect(PGBind(text: "") != .null && PGBind(text: nil) == .null && PGBind(text: "a") != PGBind(refusing: "a"))
        var kept = PGBind(text: "kept")
        kept.refusal = nil
        #expect(kept.text == "kept")
    }

    // MARK: - JSON numbers

    @Test func jsonNumbersStayExactThroughAReadAndAWrite() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE docs (id int PRIMARY KEY, doc jsonb, note text)")
            let text = #"{"big":123456789012345678901234567890,"huge":1e400,"i":9223372036854775808,"prec":0.1000000000000000055511151231257827,"half":0.5,"neg":-12.50e+3}"#
            try db.execute("INSERT INTO docs VALUES (1, '\(text)', 'a')")
            let read = try #require(try db.query("SELECT doc FROM docs").first).decode(JSONValue.self, at: 0)
            #expect(read["big"] == .decimal("123456789012345678901234567890"))
            #expect(read["i"] == .decimal("9223372036854775808"))
            #expect(read["half"] == .number(0.5))
            // Written back as it was read: the server sees the same numbers.
            try db.query("UPDATE docs SET doc = $1::jsonb, note = 'b' WHERE id = 1", [read.pgBind])
            #expect(try db.query("SELECT doc = $1::jsonb FROM docs", [PGBind(text: text)]).first?[0] == "t")
            #expect(try db.query("SELECT (doc->>'huge')::numeric = 1e400, doc->>'prec', doc->>'i', doc->>'big' FROM docs").first.map { [$0[0], $0[1], $0[2], $0[3]] }
                == ["t", "0.1000000000000000055511151231257827", "9223372036854775808", "123456789012345678901234567890"])
        }
    }

    @Test func nanAndInfinityAreRefusedNotStoredAsNull() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE docs (doc jsonb)")
            for bad: JSONValue in [.number(.nan), ["a": [.number(.infinity)]], .number(-.infinity), .decimal("0x10")] {
                #expect(bad.pgBind.problem != nil)
                #expect(throws: (any Error).self) { try db.query("INSERT INTO docs VALUES ($1)", [bad.pgBind]) }
            }
            #expect(throws: JSONValue.WriteError.self) { try JSONValue.number(.nan).validJSONText() }
            // A Codable value that cannot be encoded is refused too, not stored as NULL.
            #expect(PGBind.json(["x": Double.nan]).problem != nil)
            #expect(try db.query("SELECT count(*) FROM docs").first?[0] == "0")
        }
    }

    @Test func parsesNumbersToTheExactCase() throws {
        #expect(try JSONValue(parsing: "1.0") == .number(1))
        #expect(try JSONValue(parsing: "2E-3") == .number(0.002))
        #expect(try JSONValue(parsing: "0.1") == .number(0.1))
        #expect(try JSONValue(parsing: "1e400") == .decimal("1e400"))
        #expect(try JSONValue(parsing: "-1e-400") == .decimal("-1e-400"))
        #expect(try JSONValue(parsing: "0.1000000000000000055511151231257827") == .decimal("0.1000000000000000055511151231257827"))
        #expect(try JSONValue(parsing: "[12345678901234567890123]").jsonText == "[12345678901234567890123]")
        // Found by `make fuzz`: leading zeros were read as a number that could not be written back.
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue(parsing: "00000000000972095147396479620") }
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue(parsing: "-01") }
        #expect(try JSONValue(parsing: "[0,-0.5,0e1]").jsonText == "[0,-0.5,0.0]")
    }

    // MARK: - Deep JSON

    @Test func deepJSONReadsWritesComparesAndGoesWithoutRecursion() throws {
        // Far deeper than a recursive release survives on an 8 MB stack (about 30,000 levels in
        // a debug build, 100,000 in release): every step below would overflow it if it recursed.
        let depth = 300_000
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let value = try JSONValue(parsing: text)
        #expect(value.jsonText == text)
        let same = try JSONValue(parsing: text)
        #expect(value == same && value.hashValue == same.hashValue)
        let other = try JSONValue(parsing: String(repeating: "[", count: depth) + "2" + String(repeating: "]", count: depth))
        #expect(value != other)
        let objects = String(repeating: #"{"a":"#, count: depth) + "null" + String(repeating: "}", count: depth)
        #expect(try JSONValue(parsing: objects).jsonText == objects)
        // Built in Swift, changed in one copy only (copy on write), written, read back.
        var built: JSONValue = .integer(7)
        for _ in 0..<depth { built = ["k": built] }
        var changed = built
        if case .object(var members) = changed {
            members["extra"] = true
            changed = .object(members)
        }
        #expect(changed != built && built["extra"] == nil && changed["extra"] == true)
        #expect(try JSONValue(parsing: try built.validJSONText()) == built)
        // Built by appending (the collection's own mutations), then let go.
        var chain = JSONArray()
        for _ in 0..<depth {
            var next = JSONArray()
            next.append(.array(chain))
            chain = next
        }
        #expect(chain.count == 1)
        chain = []
        // A deep array shared by two values outlives the one that goes first.
        var shared: [JSONValue] = []
        do {
            let holder: JSONValue = ["copy": value]
            if case .object(let members) = holder, let inner = members["copy"] { shared.append(inner) }
        }
        #expect(shared.first == value)
    }

    @Test func deepJSONRowsWrittenByAnotherClientCanBeFetched() throws {
        try TestPostgres.withDatabase { config in
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE docs (doc jsonb)")
            // jsonb's own limit is the server's stack depth: 40,000 levels fit when
            // max_stack_depth is raised (the default, 2 MB, takes about 12,000).
            try db.execute("SET max_stack_depth = '7680kB'")
            let depth = 40_000
            let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
            try db.query("INSERT INTO docs VALUES ($1::jsonb)", [PGBind(text: text)])
            let value = try #require(try db.query("SELECT doc FROM docs").first).decode(JSONValue.self, at: 0)
            #expect(value.jsonText == text)
            try db.query("UPDATE docs SET doc = $1::jsonb", [value.pgBind])
            #expect(try db.query("SELECT doc::text = $1 FROM docs", [PGBind(text: text.replacingOccurrences(of: ",", with: ", "))]).first?[0] == "t")
        }
    }

    // MARK: - Many-row inserts

    @Test func manyRowInsertsAreAllOrNothing() async throws {
        try await TestPostgres.withDatabaseAsync { config in
            let db = try PGConnection(config: config)
            try db.execute("CREATE TABLE items (id int PRIMARY KEY, name text, note text)")
            try db.execute("INSERT INTO items VALUES (3, 'taken', NULL)")
            // Alternating column sets: four drafts, four INSERT statements; the third collides.
            let drafts: [[(column: String, value: PGBind)]] = [
                [("id", 1), ("name", "a")],
                [("id", 2), ("name", "b"), ("note", "n")],
                [("id", 3), ("name", "c")],
                [("id", 4), ("name", "d"), ("note", "n")],
            ]
            let types = ["id": "int", "name": "text", "note": "text"]
            await #expect(throws: PGError.self) {
                let _: [Int64] = try await PGTableHelpers.insertMany(into: "items", drafts, types: types, returning: "id", on: db)
            }
            await #expect(throws: PGError.self) {
                _ = try await PGTableHelpers.insertMany(into: "items", drafts, types: types, on: db)
            }
            #expect(try db.query("SELECT count(*) FROM items").first?[0] == "1")
            // Without the collision every row goes in, returned in the order given.
            var fixed = drafts
            fixed[2] = [("id", 5), ("name", "c")]
            let ids: [Int64] = try await PGTableHelpers.insertMany(into: "items", fixed, types: types, returning: "id", on: db)
            #expect(ids == [1, 2, 5, 4])
            try db.execute("DELETE FROM items WHERE id <> 3")
            #expect(try await PGTableHelpers.insertMany(into: "items", fixed, types: types, on: db) == 4)
            // Asked for, the old behaviour: the runs before the failure stay.
            try db.execute("DELETE FROM items WHERE id <> 3")
            await #expect(throws: PGError.self) {
                _ = try await PGTableHelpers.insertMany(into: "items", drafts, types: types, atomic: false, on: db)
            }
            #expect(try db.query("SELECT count(*) FROM items").first?[0] == "3")
        }
    }
}
