import FixtureModels
import Foundation
import PGClient
import PGMigrate
import PGSchema
import PGTestSupport
import Testing

/// One column of every mapped type (Tests/Fixtures/models), written and read back through the
/// generated helpers against a real server: what goes in comes back equal.
@Suite struct TypeMatrixTests {
    static let fixtures = repositoryRoot + "/Tests/Fixtures/models"

    func withFixture(_ body: (PGConnection) async throws -> Void) async throws {
        try await withSaasLikeDatabase(migrations: Self.fixtures, body)
    }

    func sample(label: String = "plain") -> EveryType.Draft {
        EveryType.Draft(small: 1, flag: true, label: label, quantity: 1)
    }

    static let tricky = "it's \"quoted\" \\ back\\slash; -- not a comment $1 \n new line \t tab ünïcødé 😀 中文"

    /// A row with an extreme or awkward value in every column.
    func extremeDraft() -> EveryType.Draft {
        let tricky = Self.tricky
        return EveryType.Draft(
            small: .min, smallSerial: .max, normal: .max / 2, big: .min, bigSerial: .max, single: -Float.greatestFiniteMagnitude,
            doubleValue: Double.leastNonzeroMagnitude, amount: Decimal(string: "12345678901234567890.1234567891"), flag: false,
            label: tricky, code: "", fixed: "a\"b", nameValue: "n;ame", uid: UUID(), raw: Data((0...255).map(UInt8.init)),
            at: Date(microsecondsSince1970: -2_208_988_800_000_001), localAt: Date(microsecondsSince1970: 4_102_444_800_123_456),
            day: PGDate(year: 1, month: 1, day: 1), atTime: PGTime(hour: 24, minute: 0, second: 0),
            span: PGInterval(months: -14, days: 45, microseconds: -3_600_000_001), doc: Document(title: tricky, pages: 0),
            data: ["nested": ["deep": [1, -2.5, nil, true, "x\"y\\z", ["k": []]]], "big": .integer(.max)],
            tags: ["", "a,b", "{braces}", "NULL", "\"", "\\", tricky], grid: [[1, -2], [3, .max]],
            uids: [UUID(), nil, UUID()], ip: "192.168.0.1", net: "10.0.0.0/8", mac: "08:00:2b:01:02:03",
            search: "'a':1 'b':2", cash: "$1,234.56", x: "<a href=\"x\">&amp;</a>",
            status: ._2ndTry, statuses: [.done3, .default, .inProgress], quantity: .max, note: tricky,
            home: Address(street: "Jl. \"Sudirman\", 1", city: nil, zip: "10220", default: "(x,y)")
        )
    }

    @Test func extremeValuesRoundTrip() async throws {
        try await withFixture { db in
            let tricky = Self.tricky
            let draft = extremeDraft()
            let stored = try await EveryType.insert(draft, on: db)
            // The database kept every value as it was given.
            #expect(stored.small == .min && stored.smallSerial == .max && stored.normal == .max / 2 && stored.big == .min && stored.bigSerial == .max)
            #expect(stored.single == -Float.greatestFiniteMagnitude)
            #expect(stored.doubleValue == Double.leastNonzeroMagnitude)
            #expect(stored.amount == Decimal(string: "12345678901234567890.1234567891"))
            #expect(stored.label == tricky && stored.code == "" && stored.fixed == "a\"b" && stored.nameValue == "n;ame")
            #expect(stored.raw == Data((0...255).map(UInt8.init)))
            #expect(stored.at.microsecondsSince1970 == -2_208_988_800_000_001)
            #expect(stored.localAt?.microsecondsSince1970 == 4_102_444_800_123_456)
            #expect(stored.day == PGDate(year: 1, month: 1, day: 1))
            #expect(stored.atTime == PGTime(hour: 24, minute: 0, second: 0))
            #expect(stored.span == PGInterval(months: -14, days: 45, microseconds: -3_600_000_001))
            #expect(stored.doc == Document(title: tricky, pages: 0))
            #expect(stored.data == draft.data)
            #expect(stored.tags == draft.tags)
            #expect(stored.grid == [[1, -2], [3, .max]])
            #expect(stored.uids == draft.uids)
            #expect(stored.statuses == [.done3, .default, .inProgress])
            #expect(stored.home == draft.home)
            #expect(stored.note == tricky)
            #expect(stored.doubled == Int64(Int32.max / 2) * 2)
            // And reading it again gives the same row.
            #expect(try await EveryType.find(id: stored.id, on: db) == stored)

            // Empty arrays, nulls, and a BC date.
            let emptyDraft = EveryType.Draft(
                small: 1, flag: true, label: "", day: PGDate(year: -43, month: 3, day: 15), tags: [], grid: [], uids: [nil], quantity: 1
            )
            let empty = try await EveryType.insert(emptyDraft, on: db)
            #expect(empty.tags == [] && empty.grid == [] && empty.uids == [nil] && empty.day == PGDate(year: -43, month: 3, day: 15))
            #expect(empty.home == nil && empty.amount == nil && empty.note == nil)
            #expect(try await EveryType.find(id: empty.id, on: db) == empty)
        }
    }

    @Test func insertingManyCastsEveryTypeAsSingleInsertsDo() async throws {
        try await withFixture { db in
            let empty = EveryType.Draft(small: 1, flag: true, label: "", tags: [], grid: [], uids: [nil], quantity: 1)
            // Drafts that set different columns (the extreme one sets `uid` and `at`) take separate statements.
            let drafts = [extremeDraft(), empty, sample(label: "third"), extremeDraft()]
            var singles: [EveryType] = []
            for draft in drafts { singles.append(try await EveryType.insert(draft, on: db)) }
            let many = try await EveryType.insert(drafts, on: db)
            #expect(many.map(\.label) == drafts.map(\.label))
            for (single, stored) in zip(singles, many) {
                var stored = stored
                // What the database fills in differs from row to row; everything else must not.
                stored.id = single.id
                stored.uid = single.uid
                stored.at = single.at
                stored.smallSerial = single.smallSerial
                stored.bigSerial = single.bigSerial
                #expect(stored == single)
                #expect(try await EveryType.find(id: stored.id, on: db) == single)
            }
            #expect(try await EveryType.insertMany(drafts, on: db) == drafts.count)
            #expect(try await EveryType.count(on: db) == drafts.count * 3)

            // The casts never cut a value short or skip a check: what does not fit fails as it
            // does for a single insert, and nothing of the statement is kept.
            let long = EveryType.Draft(small: 1, flag: true, label: "plain", code: "eleven char", quantity: 1)
            await #expect { try await EveryType.insertMany([sample(), long], on: db) } throws: { ($0 as? PGError)?.sqlState == "22001" }
            await #expect { try await EveryType.insert(long, on: db) } throws: { ($0 as? PGError)?.sqlState == "22001" }
            let negative = EveryType.Draft(small: 1, flag: true, label: "plain", quantity: -1)
            await #expect { try await EveryType.insertMany([negative], on: db) } throws: { ($0 as? PGError)?.sqlState == "23514" }
            #expect(try await EveryType.count(on: db) == drafts.count * 3)
            #expect(try await EveryType.insertMany([], on: db) == 0)
        }
    }

    @Test func specialFloatingPointValues() async throws {
        try await withFixture { db in
            let draft = EveryType.Draft(small: 1, single: .nan, doubleValue: -.infinity, amount: .nan, flag: true, label: "plain", quantity: 1)
            let stored = try await EveryType.insert(draft, on: db)
            #expect(stored.single?.isNaN == true)
            #expect(stored.doubleValue == -.infinity)
            #expect(stored.amount?.isNaN == true)
            let infinite = EveryType.Draft(small: 1, doubleValue: .infinity, flag: true, label: "plain", quantity: 1)
            #expect(try await EveryType.insert(infinite, on: db).doubleValue == .infinity)
        }
    }

    @Test func infiniteTimestampIsAClearError() async throws {
        try await withFixture { db in
            let stored = try await EveryType.insert(sample(), on: db)
            _ = try await db.execute("UPDATE every_types SET at = 'infinity' WHERE id = $1", [stored.id.pgBind])
            await #expect {
                try await EveryType.find(id: stored.id, on: db)
            } throws: { error in
                let error = error as? PGDecodingError
                return error?.table == "every_types" && error?.column == "at" && error?.text == "infinity"
                    && error?.reason.contains("has no Date value") == true
            }
        }
    }

    @Test func valuesThatLookLikeSQLAreStoredLiterally() async throws {
        try await withFixture { db in
            let attacks = ["'; DROP TABLE every_types; --", "$1", "\\'; SELECT 1; --", "\" OR 1=1 --", "}", "{\"a\"}", "); DELETE FROM every_types; --"]
            for attack in attacks {
                let draft = EveryType.Draft(small: 1, flag: true, label: attack, tags: [attack, attack], quantity: 1, note: attack)
                let stored = try await EveryType.insert(draft, on: db)
                #expect(stored.label == attack && stored.note == attack && stored.tags == [attack, attack])
                let changed = try await EveryType.update(id: stored.id, set: [.label(attack + attack)], on: db)
                #expect(changed?.label == attack + attack)
            }
            #expect(try await EveryType.count(on: db) == attacks.count)
        }
    }

    @Test func decodingErrorsNameTableColumnAndText() async throws {
        try await withFixture { db in
            let stored = try await EveryType.insert(sample(), on: db)
            // An enum label the models do not know yet (added by a later migration).
            _ = try await db.execute("ALTER TYPE \"Order Status\" ADD VALUE 'archived'", [])
            _ = try await db.execute("UPDATE every_types SET status = 'archived' WHERE id = $1", [stored.id.pgBind])
            await #expect {
                try await EveryType.find(id: stored.id, on: db)
            } throws: { error in
                let error = error as? PGDecodingError
                return error?.table == "every_types" && error?.column == "status" && error?.text == "archived"
                    && "\(error!)".contains("every_types.status")
            }
        }
    }
}

/// A database of its own with the migrations of `path` applied, for one test.
func withSaasLikeDatabase(migrations path: String, _ body: (PGConnection) async throws -> Void) async throws {
    let server = try TestPostgres.serverConfig()
    let admin = try PGConnection(config: server)
    let name = "m_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    try admin.execute("CREATE DATABASE \(name)")
    defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    var config = server
    config.database = String(name)
    config.urlPath = "/\(name)"
    let db = try PGConnection(config: config)
    try Migrator(connection: db, directory: MigrationDirectory(path: path), options: MigratorOptions(lockDatabaseName: config.urlPath)).up()
    try await body(db)
}
