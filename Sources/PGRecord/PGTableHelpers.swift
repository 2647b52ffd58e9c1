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

    /// Inserts rows with as few statements as the bind limit allows: consecutive drafts that set
    /// the same columns share a multi-row `INSERT`. Returns the rows in the order given.
    public static func insertMany<Row: PGRowDecodable>(
        into table: String, _ rows: [[(column: String, value: PGBind)]], returning: String, on db: some PGExecutor
    ) async throws -> [Row] {
        var result: [Row] = []
        result.reserveCapacity(rows.count)
        var start = 0
        while start < rows.count {
            let columns = rows[start].map(\.column)
            guard !columns.isEmpty else {
                result.append(try await insert(into: table, [], returning: returning, on: db))
                start += 1
                continue
            }
            // PostgreSQL takes at most 65,535 binds in one statement.
            let perStatement = max(1, 65_535 / columns.count)
            var end = start
            while end < rows.count, end - start < perStatement, rows[end].map(\.column) == columns { end += 1 }
            var binds: [PGBind] = []
            binds.reserveCapacity((end - start) * columns.count)
            var tuples: [String] = []
            tuples.reserveCapacity(end - start)
            for row in rows[start..<end] {
                var placeholders: [String] = []
                for item in row {
                    binds.append(item.value)
                    placeholders.append("$\(binds.count)")
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let sql = "INSERT INTO \(table) (\(columns.map(quote).joined(separator: ", "))) VALUES \(tuples.joined(separator: ", ")) RETURNING \(returning)"
            result += try await PGQuery<Row>(sql).fetchAll(binds, on: db)
            start = end
        }
        return result
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
