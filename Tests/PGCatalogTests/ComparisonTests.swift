import Foundation
import PGCatalog
import PGSchema
import Testing

/// The comparison and its messages, on snapshots built by hand (no database).
@Suite struct ComparisonTests {
    func table(_ columns: [ColumnSnapshot]) -> TableSnapshot {
        var table = TableSnapshot()
        table.columns = columns
        return table
    }

    func schema(_ tables: [String: TableSnapshot]) -> SchemaSnapshot {
        var schema = SchemaSnapshot()
        schema.tables = tables
        return schema
    }

    @Test func columnsArePrintedAsDeclarations() {
        let model = schema(["saas_clients": table([
            ColumnSnapshot(name: "id", type: "uuid", isNotNull: true, defaultExpression: "gen_random_uuid()"),
            ColumnSnapshot(name: "email", type: "text", isNotNull: true),
            ColumnSnapshot(name: "plan", type: "plan", isNotNull: true, defaultExpression: "'free'"),
        ])])
        let database = schema(["saas_clients": table([
            ColumnSnapshot(name: "id", type: "uuid", isNotNull: true, defaultExpression: "gen_random_uuid()"),
            ColumnSnapshot(name: "email", type: "character varying(255)", isNotNull: false),
            ColumnSnapshot(name: "plan", type: "plan", isNotNull: true, defaultExpression: "'free'::plan"),
            ColumnSnapshot(name: "notes", type: "text"),
        ])])
        #expect(SchemaComparison.differences(model: model, database: database).map(\.description) == [
            "table saas_clients: column email: model says text NOT NULL, database says character varying(255) NULL",
            "table saas_clients: column notes: only in the database (text NULL)",
        ])
        #expect(SchemaComparison.differences(model: model, database: model).isEmpty)
    }

    @Test func orderKeysIndexesAndTypes() {
        var mine = table([ColumnSnapshot(name: "a", type: "integer"), ColumnSnapshot(name: "b", type: "integer")])
        mine.primaryKey = KeySnapshot(name: "t_pkey", columns: ["a"])
        mine.foreignKeys["t_b_fkey"] = ForeignKeySnapshot(columns: ["b"], referencedTable: "u", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: "NO ACTION")
        mine.indexes["t_b_idx"] = IndexSnapshot(isUnique: false, method: "btree", elements: ["b DESC"], include: [], predicate: "b > 0")
        mine.checks["t_a_check"] = "a BETWEEN 1 AND 9"
        var theirs = table([ColumnSnapshot(name: "b", type: "integer"), ColumnSnapshot(name: "a", type: "integer")])
        theirs.primaryKey = KeySnapshot(name: "t_pkey", columns: ["a"])
        theirs.foreignKeys["t_b_fkey"] = ForeignKeySnapshot(columns: ["b"], referencedTable: "u", referencedColumns: ["id"], onDelete: "SET NULL", onUpdate: "NO ACTION")
        theirs.indexes["t_b_idx"] = IndexSnapshot(isUnique: false, method: "btree", elements: ["b DESC"], include: [], predicate: "(b > 0)")
        theirs.checks["t_a_check"] = "((a >= 1) AND (a <= 10))"
        var model = schema(["t": mine])
        var database = schema(["t": theirs])
        var labels = TypeSnapshot()
        labels.labels = ["a", "b"]
        model.enums["status"] = labels
        labels.labels = ["a", "b", "c"]
        database.enums["status"] = labels
        #expect(SchemaComparison.differences(model: model, database: database).map(\.description) == [
            "table t: column order: model says a, b; database says b, a",
            "table t: foreign key t_b_fkey: model says (b) REFERENCES u (id) ON DELETE CASCADE ON UPDATE NO ACTION, database says (b) REFERENCES u (id) ON DELETE SET NULL ON UPDATE NO ACTION",
            "table t: check constraint t_a_check: model says CHECK (a BETWEEN 1 AND 9), database says CHECK ((a >= 1) AND (a <= 10))",
            "enum status: model says labels ('a', 'b'), database says ('a', 'b', 'c')",
        ])
        database.enums["level"] = TypeSnapshot()
        database.enums["level"]?.labels = ["low", "high"]
        var address = TypeSnapshot()
        address.attributes = [ColumnSnapshot(name: "street", type: "text", comment: "Street and number")]
        model.composites["address"] = address
        address.attributes[0].comment = nil
        database.composites["address"] = address
        #expect(SchemaComparison.differences(model: model, database: database).map(\.description).suffix(3) == [
            "enum level: only in the database (labels ('low', 'high'))",
            "enum status: model says labels ('a', 'b'), database says ('a', 'b', 'c')",
            "composite type address: attribute street: comment: model says 'Street and number', database says none",
        ])
        database.tables["t"]?.indexes["t_b_idx"]?.elements = ["b"]
        database.tables["t"]?.indexes["t_c_idx"] = IndexSnapshot(isUnique: true, method: "gin", elements: ["c"], include: [], predicate: nil)
        let indexes = SchemaComparison.differences(model: model, database: database).map(\.description).filter { $0.contains("index") }
        #expect(indexes == [
            "table t: index t_b_idx: model says btree (b DESC) WHERE b > 0, database says btree (b) WHERE (b > 0)",
            "table t: index t_c_idx: only in the database (UNIQUE gin (c))",
        ])
    }

    @Test func modelSnapshotOfAFoldedSchema() throws {
        let folder = try temporaryMigrations([
            "000001_a.up.sql": """
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                CREATE TABLE t (id serial PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', tags text[] DEFAULT '{}');
                CREATE INDEX t_m_idx ON t (m DESC) WHERE m <> 'sad';
                COMMENT ON COLUMN t.m IS 'How it feels';
                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let snapshot = SchemaSnapshot(model: SchemaLoader.load(migrations: folder).schema)
        let table = try #require(snapshot.tables["t"])
        #expect(table.columns.map(\.definition) == [
            "integer NOT NULL DEFAULT nextval('t_id_seq'::regclass)",
            "mood NOT NULL DEFAULT 'ok'",
            "text[] NULL DEFAULT '{}'",
        ])
        #expect(table.column("m")?.comment == "How it feels")
        #expect(table.primaryKey == KeySnapshot(name: "t_pkey", columns: ["id"]))
        #expect(table.indexes["t_m_idx"]?.predicate == "m <> 'sad'")
        #expect(snapshot.enums["mood"]?.labels == ["sad", "ok"])
    }
}
