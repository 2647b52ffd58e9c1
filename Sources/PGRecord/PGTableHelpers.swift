import Foundation

/// The runtime side of the generated query helpers: statements whose column lists depend on the
/// call (which columns a draft sets, how many rows an insert has) are put together here, from
/// the generated models' column names only; values always travel as binds.
public enum PGTableHelpers {
    /// `"name"` with any `"` doubled: an identifier PostgreSQL reads exactly as written.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `SELECT … [ORDER BY column [DESC][, key]] [LIMIT $n] [OFFSET $m]`: `select` with its own
    /// `binds` (`$1`…), ordered by `column` when one is given, then by `keyOrder` (the quoted
    /// primary key columns, so that pages of equal values do not overlap); by `keyOrder` alone when
    /// no column is given and `keyOrder` is.
    public static func fetchAll<Row: PGRowDecodable>(
        _ select: String, _ binds: [PGBind] = [], orderBy column: String?, descending: Bool, then keyOrder: String? = nil,
        limit: Int?, offset: Int, on db: some PGExecutor
    ) async throws -> [Row] {
        var sql = select
        var binds = binds
        if let column {
            sql += " ORDER BY \(quote(column))\(descending ? " DESC" : "")" + (keyOrder.map { ", " + $0 } ?? "")
        } else if let keyOrder {
            sql += " ORDER BY " + keyOrder
        }
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
        try checkValues(values, table: table)
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

    /// Inserts rows and returns them as stored, in the order given: all of them or none.
    ///
    /// Each run of consecutive drafts that set the same columns is one `INSERT` (see
    /// `insertStatements(into:_:types:)`). Several runs go to the server as one statement (each
    /// `INSERT` a data-modifying `WITH` query), so a failure in a later run leaves nothing of the
    /// earlier ones behind, on any executor and inside or outside the caller's transaction. With
    /// `atomic: false`, each run is its own statement and the runs before a failure stay.
    public static func insertMany<Row: PGRowDecodable>(
        into table: String, _ rows: [[(column: String, value: PGBind)]], types: [String: String], returning: String,
        atomic: Bool = true, on db: some PGExecutor
    ) async throws -> [Row] {
        let statements = try insertStatements(into: table, rows, types: types)
        if atomic, statements.count > 1 {
            let groups = combinedGroups(statements)
            guard groups.count > 1 else {
                let combined = combine(statements, returning: returning, select: "*")
                return try await PGQuery<Row>(combined.sql).fetchAll(combined.binds, on: db)
            }
            // More than one statement can carry: several, in one transaction (a savepoint when the
            // caller is in one already), so that the rows are still stored all or not at all.
            return try await db.withTransaction { tx in
                var result: [Row] = []
                result.reserveCapacity(rows.count)
                for group in groups {
                    let combined = combine(group, returning: returning, select: "*")
                    result += try await PGQuery<Row>(combined.sql).fetchAll(combined.binds, on: tx)
                }
                return result
            }
        }
        var result: [Row] = []
        result.reserveCapacity(rows.count)
        for statement in statements {
            result += try await PGQuery<Row>(statement.sql + " RETURNING \(returning)").fetchAll(statement.binds, on: db)
        }
        return result
    }

    /// Inserts rows like ``insertMany(into:_:types:returning:atomic:on:)`` without reading them
    /// back; returns how many were inserted.
    public static func insertMany(
        into table: String, _ rows: [[(column: String, value: PGBind)]], types: [String: String], atomic: Bool = true,
        on db: some PGExecutor
    ) async throws -> Int {
        let statements = try insertStatements(into: table, rows, types: types)
        if atomic, statements.count > 1 {
            let groups = combinedGroups(statements)
            @Sendable func count(_ group: [(sql: String, binds: [PGBind])], on executor: any PGExecutor) async throws -> Int {
                let combined = combine(group, returning: "1", select: "count(*)")
                let rows = try await executor.query(combined.sql, combined.binds)
                return try rows.first.map { row throws(PGDecodingError) in Int(try row.decode(Int64.self, at: 0)) } ?? 0
            }
            guard groups.count > 1 else { return try await count(statements, on: db) }
            return try await db.withTransaction { tx in
                var total = 0
                for group in groups { total += try await count(group, on: tx) }
                return total
            }
        }
        var count = 0
        for statement in statements {
            count += try await db.execute(statement.sql, statement.binds)
        }
        return count
    }

    /// The most binds one statement can carry: the protocol counts them in 16 bits.
    static let maximumBinds = 65_535
    /// The most `INSERT`s combined into one statement: each is a CTE, and PostgreSQL plans them
    /// all at once.
    static let maximumCombined = 500

    /// `statements` in runs that ``combine(_:returning:select:)`` can send as one statement each:
    /// at most ``maximumBinds`` binds and ``maximumCombined`` statements a run. Rows that set
    /// different columns in turn make many small statements; together they may carry more binds
    /// than one statement can.
    static func combinedGroups(_ statements: [(sql: String, binds: [PGBind])]) -> [[(sql: String, binds: [PGBind])]] {
        var groups: [[(sql: String, binds: [PGBind])]] = []
        var current: [(sql: String, binds: [PGBind])] = []
        var binds = 0
        for statement in statements {
            if !current.isEmpty, binds + statement.binds.count > maximumBinds || current.count == maximumCombined {
                groups.append(current)
                current = []
                binds = 0
            }
            current.append(statement)
            binds += statement.binds.count
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// `sql` with each `$n::text[]` made `$(n + offset)::text[]`, in one pass. The statements of
    /// insertStatements hold no other `$` followed by digits and `::text[]` (identifiers are
    /// quoted, values are binds).
    static func shiftPlaceholders(_ sql: String, by offset: Int) -> String {
        let bytes = Array(sql.utf8)
        let suffix = Array("::text[]".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "$") else {
                result.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            var number = 0
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") {
                number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            if end > index + 1, bytes[end...].starts(with: suffix) {
                result.append(contentsOf: "$\(number + offset)".utf8)
            } else {
                result.append(contentsOf: bytes[index..<end])
            }
            index = end
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Several `INSERT`s as one statement: `WITH i1 AS (INSERT … RETURNING …), i2 AS (…)
    /// SELECT … FROM (SELECT * FROM i1 UNION ALL SELECT * FROM i2) AS rows`, binds renumbered.
    static func combine(_ statements: [(sql: String, binds: [PGBind])], returning: String, select: String) -> (sql: String, binds: [PGBind]) {
        var binds: [PGBind] = []
        var parts: [String] = []
        for (index, statement) in statements.enumerated() {
            let offset = binds.count
            // Placeholders are `$n::text[]` written by insertStatements; shift them past the earlier binds.
            let sql = offset > 0 ? shiftPlaceholders(statement.sql, by: offset) : statement.sql
            binds += statement.binds
            parts.append("i\(index + 1) AS (\(sql) RETURNING \(returning))")
        }
        let union = (1...statements.count).map { "SELECT * FROM i\($0)" }.joined(separator: " UNION ALL ")
        return ("WITH \(parts.joined(separator: ", ")) SELECT \(select) FROM (\(union)) AS inserted", binds)
    }

    /// Refuses, naming the column, a value that would not be stored as given.
    static func checkValues(_ values: [(column: String, value: PGBind)], table: String) throws(PGBindError) {
        for index in values.indices {
            guard let problem = values[index].value.problem else { continue }
            throw PGBindError(table: table, column: values[index].column, parameter: index + 1, reason: problem)
        }
    }

    /// The statements that insert `rows`: one for each run of consecutive rows that set the same
    /// columns. Each column's values travel as one `text[]` bind, and
    /// `INSERT … SELECT u."a"::type, … FROM unnest($1::text[], …) AS u("a", …)` casts them to the
    /// column types in `types` (the generated models' `SQL.columnTypes`). PostgreSQL parses one
    /// array per column instead of a `VALUES` list with a bind for every value, and no bind limit
    /// splits the rows. A row that sets no column gets `DEFAULT VALUES`.
    ///
    /// Throws, naming the column, for a value that cannot be sent (see ``PGBind/problem``), before
    /// anything is sent. A NUL byte is found while the value is escaped into its array, so that the
    /// rows' text is read once.
    static func insertStatements(
        into table: String, _ rows: [[(column: String, value: PGBind)]], types: [String: String]
    ) throws(PGBindError) -> [(sql: String, binds: [PGBind])] {
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
                for index in row.indices {
                    if let reason = row[index].value.appendArrayElement(to: &arrays[index]) {
                        throw PGBindError(table: table, column: row[index].column, parameter: index + 1, reason: reason)
                    }
                }
            }
            let names = columns.map(quote)
            let casts = zip(columns, names).map { column, name in
                types[column].map { "u.\(name)::\($0)" } ?? "u.\(name)"
            }
            let arrayBinds = (1...columns.count).map { "$\($0)::text[]" }
            let sql = "INSERT INTO \(table) (\(names.joined(separator: ", "))) SELECT \(casts.joined(separator: ", ")) "
                + "FROM unnest(\(arrayBinds.joined(separator: ", "))) AS u(\(names.joined(separator: ", ")))"
            if let index = arrays.firstIndex(where: \.hasNUL) {
                throw PGBindError(table: table, column: columns[index], parameter: index + 1, reason: PGBind.nulReason)
            }
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
        try checkValues(changes + key, table: table)
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

/// `count(*)` as Swift counts: the generated `SQL.count` and `count(on:)` share this type.
extension Int: PGRowDecodable {
    public init(row: PGRow) throws(PGDecodingError) {
        self = try row.decode(Int.self, at: 0)
    }
}

/// A one-dimensional `text[]` literal, `{"a","b \"c\"",NULL}`, built element by element.
struct PGTextArrayBuilder {
    private var literal: [UInt8] = [UInt8(ascii: "{")]
    /// Whether an element had a NUL byte, which PostgreSQL's text cannot hold.
    private(set) var hasNUL = false

    mutating func append(_ element: String?) {
        if let element { append(element) } else { appendNULL() }
    }

    mutating func append(_ text: String) {
        if literal.count > 1 { literal.append(UInt8(ascii: ",")) }
        if PGArrayLiteral.appendQuoted(text, to: &literal) { hasNUL = true }
    }

    mutating func appendNULL() {
        if literal.count > 1 { literal.append(UInt8(ascii: ",")) }
        literal.append(contentsOf: "NULL".utf8)
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
