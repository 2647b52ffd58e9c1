import Foundation
import HostileModels
import PGClient
import PGCodegen
import PGSchema
import PGTestSupport
import Testing

/// The models that the build plugin generates from Tests/Fixtures/hostile, whose names, comments
/// and defaults are each a class of input that once produced Swift that did not compile or was
/// wrong. That the HostileModels target compiles (warnings as errors) is half of each test; these
/// use the models against the same migrations applied to a real PostgreSQL.
@Suite struct HostileModelsTests {
    static let migrations = repositoryRoot + "/Tests/Fixtures/hostile"

    func withHostile(_ body: (PGConnection) async throws -> Void) async throws {
        try await withSaasLikeDatabase(migrations: Self.migrations, body)
    }

    @Test func generatesWithOnlyTheNumberingWarnings() {
        let output = Generator.generate(migrations: Self.migrations, moduleName: "Hostile")
        #expect(!output.hasErrors, "\(output.diagnostics)")
        for diagnostic in output.diagnostics {
            #expect(diagnostic.severity == .warning)
            #expect(diagnostic.message.contains("it is called") || diagnostic.message.contains("it is "), "\(diagnostic)")
        }
    }

    /// Type names that would shadow `String`, `Data`, `UUID`, `Decimal`, `Date`, `JSONValue`,
    /// `Codable`, `CodingKey`, `SQL`, `Draft`, `Self`, `Any`, the module… get the suffix `Row`.
    @Test func tablesNamedLikeTypesAreRenamedAndWork() async throws {
        #expect(StringRow.tableName == "string")
        #expect(DecimalRow.tableName == "decimal")
        #expect(DateRow.tableName == "dates")
        #expect(SelfRow.tableName == "self")
        #expect(JSONValueRow.tableName == "json_values")
        #expect(CodingKeyRow.tableName == "coding_keys")
        #expect(SQLRow.tableName == "sql")
        #expect(DraftRow.tableName == "drafts")
        #expect(HostileRow.tableName == "hostile")
        #expect(PgRow.tableName == "pg_rows" && PgRow2.tableName == "PGRow")
        #expect([User.tableName, User2.tableName, User3.tableName] == ["user", "users", "User"])
        try await withHostile { db in
            // insert, find, update, upsert, delete once each on a few of them.
            let string = try await StringRow.insert(.init(value: "v"), on: db)
            #expect(string.default == "d")
            #expect(try await StringRow.find(id: string.id, on: db) == string)
            var changed = string
            changed.default = "e"
            #expect(try await changed.update(on: db)?.default == "e")
            changed.value = "w"
            #expect(try await changed.upsert(on: db).value == "w")
            #expect(try await StringRow.delete(id: string.id, on: db))

            let amount = try await DecimalRow.insert(.init(id: 1, amount: Decimal(string: "12.34")), on: db)
            #expect(amount.amount == Decimal(string: "12.34"))
            #expect(try await DecimalRow.find(id: 1, on: db) == amount)

            let date = try await DateRow.insert(.init(id: 1), on: db)
            #expect(abs(date.at.timeIntervalSinceNow) < 600)

            let json = try await JSONValueRow.insert(.init(id: 1, doc: ["a": [1, "two", nil]], home: JSONValueComposite(street: "Jl. \"Satu\"", default: "d", selfValue: "s", pgBindValue: "p")), on: db)
            #expect(try await JSONValueRow.find(id: 1, on: db) == json)
            #expect(json.home?.default == "d" && json.home?.pgBindValue == "p")

            let data = try await DataRow.insert(.init(selfValue: "me", type: "T", kind: .aB2), on: db)
            #expect(try await DataRow.find(id: data.id, on: db)?.kind == .aB2)

            for (index, value) in try await [
                SQLRow.insert(.init(id: 1, x: "a"), on: db).x, CodingKeyRow.insert(.init(id: 1, x: "b"), on: db).x,
                DraftRow.insert(.init(id: 1, x: "c"), on: db).x, ColumnRow.insert(.init(id: 1, x: "d"), on: db).x,
                SendableRow.insert(.init(id: 1, x: "e"), on: db).x, CodableRow.insert(.init(id: 1, x: "f"), on: db).x,
                HashableRow.insert(.init(id: 1, x: "g"), on: db).x, IdentifiableRow.insert(.init(id: 1, x: "h"), on: db).x,
                PgRow.insert(.init(id: 1, x: "i"), on: db).x, PgRow2.insert(.init(id: 1, x: "j"), on: db).x,
                HostileRow.insert(.init(id: 1, x: "k"), on: db).x, HostileModel.insert(.init(id: 1, x: "l"), on: db).x,
                SelfRow.insert(.init(id: 1, selfValue: "m"), on: db).selfValue, AnyRow.insert(.init(id: 1, any: "n"), on: db).any,
                UUIDRow.insert(.init(note: "o"), on: db).note, User2.insert(.init(id: 1, name: "p"), on: db).name,
            ].enumerated() {
                #expect(value == String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index))), "row \(index)")
            }
            #expect(try await BoolRow.insert(.init(id: 1), on: db).flag == false)
            #expect(try await IntRow.insert(.init(id: 1, n: 7), on: db).n == 7)
            #expect(try await SQLRow.count(on: db) == 1)
        }
    }

    /// Columns named like generated members, keywords, and names equal after camel-casing.
    /// Views get models in every module, queries folder or not, and their hostile names compile
    /// and read back (000004_hostile_views).
    @Test func viewsNamedAndShapedLikeMembersAndKeywordsReadBack() async throws {
        try await withHostile { db in
            let member = try await Member.insert(.init(class: "c", db: "the db", userID: 1, select: "s", withSpace: "w s", value4: "🎉"), on: db)
            let seen = try #require(try await MemberView.find(id: member.id, on: db))
            #expect(seen.default == "keyword with a default" && seen.class == "c" && seen.db == "the db" && seen.value4 == "🎉")
            #expect(try await MemberView.count(on: db) == 1)
            #expect(MemberView.CodingKeys.withSpace.stringValue == "with space")
            #expect(try await MembersView.find(draft: member.id, on: db)?.sql == "keyword with a default")

            try db.execute(#"INSERT INTO tokens (token, id, "limit") VALUES ('t1', 1, 5), ('t2', 2, 5), ('t3', 3, NULL)"#)
            #expect(try await Select.find(from: "t2", on: db)?.where == 2)
            #expect(try await Select.fetchAll(orderBy: .where, descending: true, on: db).map(\.from) == ["t3", "t2", "t1"])
            #expect(try await TokenCount.fetchAll(on: db).isEmpty)
            try await TokenCount.refresh(concurrently: false, on: db)
            try await TokenCount.refresh(concurrently: true, on: db)
            let counts = try await TokenCount.fetchAll(orderBy: .limit, on: db)
            #expect(counts.map(\.limit) == [5, nil] && counts.map(\.count) == [2, 1])
        }
    }

    /// A column whose domain has a default is left out of an insert when its draft says so,
    /// and gets that default; `.null` still stores NULL where the domain allows it.
    @Test func domainDefaultsFillDraftsLeftOut() async throws {
        try await withHostile { db in
            let defaults = try await Wallet.insert(Wallet.Draft(id: 1), on: db)
            #expect(defaults.balance == 0 && defaults.hold == 0 && defaults.fee == 0 && defaults.spent == 5)
            let given = try await Wallet.insert(Wallet.Draft(id: 2, balance: .null, hold: 7, fee: .orNull(3), spent: .null), on: db)
            #expect(given.balance == nil && given.hold == 7 && given.fee == 3 && given.spent == nil)
        }
    }

    @Test func columnsNamedLikeMembersAndKeywordsRoundTrip() async throws {
        try await withHostile { db in
            // Every column set; `default` and `values` are nullable with a default (`PGDraftValue`).
            func memberDraft(default: PGDraftValue<String> = .default, values: PGDraftValue<String> = .default) -> Member.Draft {
                Member.Draft(
                    default: `default`, class: "c", pgValuesValue: "pv", hashValueValue: 7, tableNameValue: "tn", columnNamesValue: "cn",
                    primaryKeyValue: "pk", schemaNameValue: "sn", sql: "SQL", draft: "Draft", codingKeys: "CK", selfValue: "self",
                    initValue: "init", rawValueValue: "raw", stringValueValue: "sv", values: values, value: "given", row: "row",
                    db: "db", updateValue: "u", upsertValue: "up", type: "T", userID: 1, userID2: 2, userID3: 3, select: "s",
                    from: "f", withSpace: "w s", aB: "a\"b", backSlash: "\\", value2: "*/", x: "\\(x)", value3: "\"\"\"",
                    value4: "🎉", é: "é", _2fa: "2", value5: "_", container: "ct", decoder: "dc", encoder: "ec"
                )
            }
            let draft = memberDraft()
            let member = try await Member.insert(draft, on: db)
            #expect(member.default == "keyword with a default")
            #expect(member.values == "v")

            // A nullable column with a default: the default, NULL and a value are three spellings.
            let given = memberDraft(default: .null, values: "given values")
            let stored = try await Member.insert(given, on: db)
            #expect(stored.default == nil)
            #expect(stored.values == "given values")
            let explicit = memberDraft(default: .orNull("from optional"), values: .orNull(nil))
            let again = try await Member.insert(explicit, on: db)
            #expect(again.default == "from optional" && again.values == nil)
            // As JSON (a request body), a missing key is the default and `null` is NULL.
            let defaulted = memberDraft(default: .default, values: .orNull(nil))
            let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(defaulted)) as? [String: Any])
            #expect(object["default"] == nil && object["values"] is NSNull && object["class"] as? String == "c")
            #expect(object["container"] as? String == "ct" && object["decoder"] as? String == "dc" && object["encoder"] as? String == "ec")
            #expect(try JSONDecoder().decode(Member.Draft.self, from: JSONEncoder().encode(defaulted)) == defaulted)
            #expect(try JSONDecoder().decode(Member.Draft.self, from: JSONEncoder().encode(explicit)) == explicit)
            #expect(member.value == "given")
            #expect(member.userID == 1 && member.userID2 == 2 && member.userID3 == 3)
            #expect(member.x == "\\(x)" && member.value3 == "\"\"\"" && member.aB == "a\"b")
            #expect(try await Member.find(id: member.id, on: db) == member)
            #expect(Member.CodingKeys.userID2.stringValue == "userId")
            #expect(Member.CodingKeys.userID3.stringValue == "userID")
            #expect(Member.CodingKeys.pgValuesValue.stringValue == "pgValues")
            #expect(Member.CodingKeys.value4.stringValue == "🎉")
            #expect(Member.CodingKeys.value5.stringValue == "_")

            var changed = member
            changed.db = "db2"
            changed.row = "row2"
            changed.default = "changed"
            let updated = try #require(try await changed.update(on: db))
            #expect(updated == changed)
            #expect(try await Member.update(id: member.id, set: [.db("db3"), .default("d3")], on: db)?.db == "db3")
            #expect(try await Member.delete(id: member.id, on: db))
            #expect(try await Member.find(id: member.id, on: db) == nil)
        }
    }

    /// An upsert on a table whose key is `GENERATED ALWAYS AS IDENTITY` writes the key with
    /// `OVERRIDING SYSTEM VALUE`, so that `ON CONFLICT` sees it: an existing row is updated, not
    /// inserted again.
    @Test func upsertWithAnAlwaysIdentityKeyUpdatesTheRow() async throws {
        try await withHostile { db in
            var member = try await Member.insert(.init(class: "first"), on: db)
            member.class = "second"
            let upserted = try await member.upsert(on: db)
            #expect(upserted.id == member.id)
            #expect(upserted.class == "second")
            #expect(try await Member.count(on: db) == 1)
            var fresh = member
            fresh.id = member.id + 100
            #expect(try await fresh.upsert(on: db).id == member.id + 100)
            #expect(try await Member.count(on: db) == 2)

            // Nothing to update: the row that is there comes back.
            let key = try await OnlyIdentityKey.insert(OnlyIdentityKey.Draft(), on: db)
            #expect(try await key.upsert(on: db) == key)
            #expect(try await OnlyIdentityKey.count(on: db) == 1)
            #expect(try await OnlyIdentityKey(id: key.id + 1).upsert(on: db).id == key.id + 1)
            #expect(try await OnlyIdentityKey.count(on: db) == 2)
            #expect(try await OnlyIdentityKey.find(id: key.id, on: db) == key)
            #expect(try await OnlyIdentityKey.delete(id: key.id, on: db))
        }
    }

    /// Tables with no column, or none that can be written, get an empty draft and (with no
    /// column) a `CodingKeys` without cases.
    @Test func tablesWithNothingToWrite() async throws {
        #expect(Nothing.CodingKeys.allCases.isEmpty)
        #expect(Nothing.columnNames.isEmpty)
        #expect(DroppedAll.columnNames.isEmpty)
        #expect(OnlyGenerated.Draft().pgValues.isEmpty)
        try await withHostile { db in
            _ = try await Nothing.insert(Nothing.Draft(), on: db)
            #expect(try await Nothing.insert([Nothing.Draft(), Nothing.Draft()], on: db).count == 2)
            #expect(try await Nothing.count(on: db) == 3)
            #expect(try await Nothing.fetchAll(on: db).count == 3)
            #expect(try await DroppedAll.insertMany([DroppedAll.Draft()], on: db) == 1)
            #expect(try await OnlyGenerated.insert(OnlyGenerated.Draft(), on: db).g == 1)
            let first = try await OnlyIdentity.insert(OnlyIdentity.Draft(), on: db)
            let second = try await OnlyIdentity.insert(OnlyIdentity.Draft(), on: db)
            #expect(first.id != second.id)
        }
    }

    /// Helpers that would have the same Swift signature are generated once; a column called `id`
    /// that is not the key keeps its name; a key column named like a helper's parameter (`db`)
    /// gets its own internal name.
    @Test func helpersWithTheSameSignatureAppearOnce() async throws {
        try await withHostile { db in
            let parent = try await DupKey.insert(.init(code: "p", a: 1, b: 2, aB: 3), on: db)
            let child = try await DupKey.insert(.init(code: "c", a: 1, b: 3, aB: 4, parent: "p"), on: db)
            #expect(try await DupKey.find(code: "p", on: db) == parent)
            #expect(try await DupKey.find(a: 1, b: 2, on: db) == parent)
            #expect(try await DupKey.find(aB: 4, on: db) == child)
            #expect(try await DupKey.find(parent: "p", on: db) == child)
            #expect(try await DupKey.fetch(parent: "p", on: db) == [child])
            #expect(DupKey.SQL.findByAB2.sql.contains("\"a_b\" = $1"))

            let token = try await Token.insert(.init(token: "t", id: 9, db: "database", limit: 5), on: db)
            #expect(try await Token.find(db: "database", on: db) == token)
            #expect(try await Token.find(token: "t", on: db)?.id == 9)
        }
        let source = Generator.generate(migrations: Self.migrations, moduleName: "Hostile").files.map(\.contents).joined()
        #expect(source.components(separatedBy: "func find(code: String, on db: some PGExecutor)").count == 2)
        #expect(source.components(separatedBy: "func find(a: Int32, b: Int32, on db: some PGExecutor)").count == 2)
    }

    /// Every label of the enum, whatever Swift makes of its name, is stored and read back.
    @Test func enumLabelsThatCollideRoundTrip() async throws {
        #expect(EquatableEnum.allCases.map(\.rawValue) == [
            "a-b", "a_b", "A B", "", " ", "-", "1st", "2nd try", "default", "self", "rawValue", "Type", "init", "é", "🎉",
            "x\"y", "back\\slash", "\\(x)", "\"\"\"", "*/", "select",
        ])
        try await withHostile { db in
            for label in EquatableEnum.allCases {
                let row = try await DataRow.insert(.init(kind: label), on: db)
                #expect(try await DataRow.find(id: row.id, on: db)?.kind == label)
            }
        }
    }

    /// Comments and defaults with line breaks of every kind, `*/`, `\(`, `"""` and direction
    /// overrides stay inside their doc comments: the only code lines are generated ones.
    @Test func commentsAndDefaultsCannotInjectCode() async throws {
        let output = Generator.generate(migrations: Self.migrations, moduleName: "Hostile")
        for (name, contents) in output.files {
            // Versions.swift holds the files' text itself, in raw string literals: its lines are
            // SQL, checked byte for byte (EmbeddedMigrationsTests) and by the compiler.
            for line in contents.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
            where name != "Versions.swift" && (line.contains("injected") || line.contains("Injected")) {
                #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("///"), "\(name): \(line)")
            }
            #expect(!contents.unicodeScalars.contains { [0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029, 0x202E].contains($0.value) }, "\(name)")
        }
        try await withHostile { db in
            let note = try await Note.insert(.init(id: 1), on: db)
            #expect(note.body == "*/ \\( \"\"\" \r\npublic static let injectedDefault = \"x\"")
            #expect(note.title == "line\u{2028}public static let injected2028 = 1")
            #expect(note.multi == "first line\r\npublic static let injectedMultiDefault = 1")
            #expect(try await Note.find(id: 1, on: db) == note)
        }
    }

    /// A decomposed column name keeps its bytes as the coding key, which is the column's name.
    @Test func decomposedNamesKeepTheirBytes() async throws {
        #expect(Array(Decomposed.CodingKeys.café.stringValue.unicodeScalars) == Array("cafe\u{301}".unicodeScalars))
        try await withHostile { db in
            let row = try await Decomposed.insert(.init(id: 1, café: "x"), on: db)
            #expect(try await Decomposed.update(id: 1, set: [.café("y")], on: db)?.café == "y")
            #expect(row.café == "x")
        }
    }
}
