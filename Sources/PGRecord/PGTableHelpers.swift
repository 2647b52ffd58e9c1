import Foundation

/// The runtime side of the generated query helpers: statements whose column lists depend on the
/// call (which columns a draft sets, how many rows an insert has) are put together here, from
/// the generated models' column names only; values always travel as binds.
public enum PGTableHelpers {
    /// `"name"` with any `"` doubled: an identifier PostgreSQL reads exactly as written.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `SELECT … FROM table [ORDER BY column [DESC]] [LIMIT $n] [OFFSET $m]`.
    public static func fetchAll<Row: PGRowDecodable>(
        _ select: String, orderBy column: String?, descending: Bool, limit: Int?, offset: Int, on db: some PGExecutor
    ) async throws -> [Row] {
        var sql = select
        var binds: [PGBind] = []
        if let column { sql += " ORDER BY \(quote(column))\(descending ? " DESC" : "")" }
        if let limit {
            binds.append(limit.pgBind)
            sql += " LIMIT $\(binds.count)"
        }
        if offset != 0 {
            binds.append(offset.pgBind)
            sql += " OFFSET $\(binds.count)"
        }
        return try await PGQuery<Row>(sql).fetchAll(binds, on: db)
    }

    /// `INSERT INTO table (columns) VALUES (…) RETURNING …` for the columns a draft sets
    /// (`DEFAULT VALUES` when it sets none).
    public static func insert<Row: PGRowDecodable>(
        into table: String, _ values: [(column: String, value: PGBind)], returning: String, on db: some PGExecutor
    ) async throws -> Row {
        let sql: String
        if values.isEmpty {
            sql = "INSERT INTO \(table) DEFAULT VALUES RETURNING \(returning)"
        } else {
            let columns = values.map { quote($0.column) }.joined(separator: ", ")
            let placeholders = (1...values.count).map { "$\($0)" }.joined(separator: ", ")
            sql = "INSERT INTO \(table) (\(columns)) VALUES (\(placeholders)) RETURNING \(returning)"
        }
        guard let row = try await PGQuery<Row>(sql).fetchOne(values.map(\.value), on: db) else {
            throw PGDecodingError(table: table, column: "", typeOID: 0, text: nil, reason: "INSERT … RETURNING returned no row")
        }
        return row
    }

    /// Inserts rows with one statement for each run of consecutive drafts that set the same
    /// columns (see ``insertStatements(into:_:types:)``) and returns them as stored, in the order given.
    public static func insertMany<Row: PGRowDecodable>(
        into table: String, _ rows: [[(column: String, value: PGBind)]], types: [String: String], returning: String,
        on db: some PGExecutor
    ) async throws -> [Row] {
        var result: [Row] = []
        result.reserveCapacity(rows.count)
        for statement in insertStatements(into: table, rows, types: types) {
            result += try await PGQuery<Row>(statement.sql + " RETURNING \(returning)").fetchAll(statement.binds, on: db)
        }
        return result
    }

    /// Inserts rows like ``insertMany(into:_:types:returning:on:)`` without reading them back;
    /// returns how many were inserted.
    public static func insertMany(
        into table: String, _ rows: [[(column: String, value: PGBind)]], types: [String: String], on db: some PGExecutor
    ) async throws -> Int {
        var count = 0
        for statement in insertStatements(into: table, rows, types: types) {
            count += try await db.execute(statement.sql, statement.binds)
        }
        return count
    }

    /// The statements that insert `rows`: one for each run of consecutive rows that set the same
    /// columns. Each column's values travel as one `text[]` bind, and
    /// `INSERT … SELECT u."a"::type, … FROM unnest($1::text[], …) AS u("a", …)` casts them to the
    /// column types in `types` (the generated models' `SQL.columnTypes`). PostgreSQL parses one
    /// array per column instead of a `VALUES` list with a bind for every value, and no bind limit
    /// splits the rows. A row that sets no column gets `DEFAULT VALUES`.
    static func insertStatements(
        into table: String, _ rows: [[(column: String, value: PGBind)]], types: [String: String]
    ) -> [(sql: String, binds: [PGBind])] {
        var statements: [(sql: String, binds: [PGBind])] = []
        var start = 0
        while start < rows.count {
            let columns = rows[start].map(\.column)
            guard !columns.isEmpty else {
                statements.append(("INSERT INTO \(table) DEFAULT VALUES", []))
                start += 1
                continue
            }
            var end = start
            while end < rows.count, rows[end].count == columns.count,
                  zip(rows[end], columns).allSatisfy({ $0.column == $1 }) {
                end += 1
            }
            var arrays = Array(repeating: PGTextArrayBuilder(), count: columns.count)
            for row in rows[start..<end] {
                for (index, item) in row.enumerated() { arrays[index].append(item.value.text) }
            }
            let names = columns.map(quote)
            let casts = zip(columns, names).map { column, name in
                types[column].map { "u.\(name)::\($0)" } ?? "u.\(name)"
            }
            let arrayBinds = (1...columns.count).map { "$\($0)::text[]" }
            let sql = "INSERT INTO \(table) (\(names.joined(separator: ", "))) SELECT \(casts.joined(separator: ", ")) "
                + "FROM unnest(\(arrayBinds.joined(separator: ", "))) AS u(\(names.joined(separator: ", ")))"
            statements.append((sql, arrays.map { $0.finish() }))
            start = end
        }
        return statements
    }

    /// `UPDATE table SET …changes WHERE key RETURNING …`; `nil` when no row has the key.
    public static func update<Row: PGRowDecodable>(
        _ table: String, set changes: [(column: String, value: PGBind)], key: [(column: String, value: PGBind)],
        returning: String, on db: some PGExecutor
    ) async throws -> Row? {
        var binds: [PGBind] = []
        var assignments: [String] = []
        for change in changes {
            binds.append(change.value)
            assignments.append("\(quote(change.column)) = $\(binds.count)")
        }
        var conditions: [String] = []
        for part in key {
            binds.append(part.value)
            conditions.append("\(quote(part.column)) = $\(binds.count)")
        }
        guard !assignments.isEmpty else {
            // Nothing to change: the row as it is.
            return try await PGQuery<Row>("SELECT \(returning) FROM \(table) WHERE \(conditions.joined(separator: " AND "))").fetchOne(binds, on: db)
        }
        let sql = "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(conditions.joined(separator: " AND ")) RETURNING \(returning)"
        return try await PGQuery<Row>(sql).fetchOne(binds, on: db)
    }
}

/// `count(*)` and other single-number results.
extension Int64: PGRowDecodable {
    public init(row: PGRow) throws(PGDecodingError) {
        self = try row.decode(Int64.self, at: 0)
    }
}

/// A one-dimensional `text[]` literal, `{"a","b \"c\"",NULL}`, built element by element.
struct PGTextArrayBuilder {
    private var literal: [UInt8] = [UInt8(ascii: "{")]

    mutating func append(_ element: String?) {
        if literal.count > 1 { literal.append(UInt8(ascii: ",")) }
        PGArrayLiteral.appendElement(element, to: &literal)
    }

    func finish() -> PGBind {
        var literal = literal
        literal.append(UInt8(ascii: "}"))
        return PGBind(text: String(decoding: literal, as: UTF8.self))
    }
}

/// The text of a composite value, `("Jl. Sudirman 1",Jakarta,,"a ""b""")`: what a generated
/// composite type binds as. Every field is quoted; `NULL` is an empty field.
public enum PGCompositeLiteral {
    public static func make(_ fields: [PGBind]) -> PGBind {
        var text = "("
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            guard let value = field.text else { continue }
            text += "\""
            for scalar in value.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { text += "\\" }
                text.unicodeScalars.append(scalar)
            }
            text += "\""
        }
        return PGBind(text: text + ")")
    }
}
