import Foundation
import PGSchema

/// The query helpers of each table (`Queries.swift`): a `SQL` namespace of typed statements whose
/// text is visible, and functions on the model that run them. Identifiers are always quoted and
/// values always bound.
extension ModelTranslator {
    mutating func queryDeclarations(_ table: Table) -> [Declaration] {
        guard let infos = columnInfos[table.name], let typeName = tableTypeName(table.name) else { return [] }
        let quotedTable = Self.quotedName(table.name)
        let tableLiteral = SwiftRenderer.literal(quotedTable)
        // A table without columns selects `NULL`: `RETURNING` needs an expression, and the row reads none.
        let selected = infos.filter { !$0.isOmitted }
        let selectList = selected.isEmpty ? "NULL" : selected.map { info in
            info.viaJSON ? "to_jsonb(\(Self.quote(info.column.name))) AS \(Self.quote(info.column.name))" : Self.quote(info.column.name)
        }.joined(separator: ", ")
        let select = "SELECT \(selectList) FROM \(quotedTable)"
        let primaryKey = (table.primaryKey?.columns ?? []).compactMap { name in infos.first { $0.column.name == name } }
        let keyOrder = primaryKey.isEmpty ? "" : " ORDER BY " + primaryKey.map { Self.quote($0.column.name) }.joined(separator: ", ")
        func condition(_ columns: [ColumnInfo], from first: Int = 1) -> String {
            columns.enumerated().map { "\(Self.quote($0.element.column.name)) = $\($0.offset + first)" }.joined(separator: " AND ")
        }
        // The column list is written once, as `columns`, and interpolated where a query selects or returns it.
        let selectHead = "SELECT \(selectList) "
        let returningTail = " RETURNING \(selectList)"
        // The row type is the property's, written beside it (`PGQuery<Row>`), so the value needs none.
        func query(_ sql: String) -> Expression {
            let body = if sql.hasPrefix(selectHead) {
                "SELECT \\(columns) " + SwiftRenderer.literalBody(sql.dropFirst(selectHead.count))
            } else if sql.hasSuffix(returningTail) {
                SwiftRenderer.literalBody(sql.dropLast(returningTail.count)) + " RETURNING \\(columns)"
            } else {
                SwiftRenderer.literalBody(sql)
            }
            return .identifier("PGQuery(\"\(body)\")")
        }
        func parameters(_ columns: [ColumnInfo]) -> [FunctionDescription.Parameter] {
            columns.map { info in
                let name = Self.parameterName(info.property)
                return .init(label: name == info.property ? nil : info.property, name: name, type: info.swiftType)
            }
        }
        func bindList(_ columns: [ColumnInfo]) -> String {
            columns.map { Self.bindExpression($0, optional: false, name: Self.parameterName($0.property)) }.joined(separator: ", ")
        }
        func binds(_ columns: [ColumnInfo]) -> String { "[" + bindList(columns) + "]" }
        let executor = FunctionDescription.Parameter(label: "on", name: "db", type: "some PGExecutor")
        // Names in the `SQL` namespace: one that two statements would share is numbered (`findByAB2`).
        var sqlNames: Set<String> = ["columns", "columnTypes", "selectAll", "count", "find", "delete", "upsert"]
        func claim(_ proposed: String) -> String {
            var name = proposed
            var number = 2
            while !sqlNames.insert(name).inserted {
                name = "\(proposed)\(number)"
                number += 1
            }
            return name
        }

        var sql: [Declaration] = [
            .property(PropertyDescription(doc: DocComment(["The columns in table order, as every query here selects them."]), isStatic: true, name: "columns", type: "String", value: .stringLiteral(selectList), isComputed: true)),
            .property(PropertyDescription(
                doc: DocComment(["The types that inserting many rows casts each writable column's values to: the column's type without length or precision, which the assignment to the column checks, as it does for a single insert."]),
                isStatic: true, name: "columnTypes", type: "[String: String]",
                value: Self.dictionaryLiteral(infos.filter(\.isWritable).map { (SwiftRenderer.literal($0.column.name), SwiftRenderer.literal(Self.castType($0.column.type))) }),
                isComputed: true
            )),
            .property(PropertyDescription(doc: DocComment(["Every row."]), isStatic: true, name: "selectAll", type: "PGQuery<\(typeName)>", value: query(select), isComputed: true)),
            .property(PropertyDescription(doc: DocComment(["The number of rows."]), isStatic: true, name: "count", type: "PGQuery<Int>", value: query("SELECT count(*) FROM \(quotedTable)"), isComputed: true)),
        ]
        // `fetchAll`, `count` and the inserts are PGRecord's, for every table alike (`PGInsertable`):
        // the model names its table, its select list and its cast types.
        var functions: [Declaration] = [
            .typeAlias(name: "Column", type: "CodingKeys", doc: DocComment(["A column, for ordering: `CodingKeys` by another name."])),
            .property(PropertyDescription(doc: DocComment(["The table, as every statement here names it."]), isStatic: true, name: "relationName", type: "String", value: .stringLiteral(quotedTable), isComputed: true)),
            .property(PropertyDescription(doc: DocComment(["The columns every query here selects, in the order `init(row:)` reads them."]), isStatic: true, name: "selectList", type: "String", value: .identifier("SQL.columns"), isComputed: true)),
            .property(PropertyDescription(doc: DocComment(["The types that `insert` with many drafts and `insertMany` cast each column's values to."]), isStatic: true, name: "insertTypes", type: "[String: String]", value: .identifier("SQL.columnTypes"), isComputed: true)),
        ]

        if !primaryKey.isEmpty {
            // The writable columns' new values, typed: a partial update cannot set a generated
            // column or give a column a value of another type.
            let writable = infos.filter(\.isWritable)
            if !writable.isEmpty { functions.append(.enumeration(EnumDescription(
                doc: DocComment(["A new value for one writable column, for `update(…, set:)`: `.name(\"New\")`, `.note(nil)`."]),
                name: "Change", conformances: ["Sendable"],
                cases: writable.map { EnumDescription.Case(name: $0.property, payload: $0.swiftType + ($0.isOptional ? "?" : "")) },
                members: [
                    .property(PropertyDescription(
                        doc: DocComment(["The column it sets."]), name: "column", type: "Column",
                        value: .identifier((["{", "    switch self {"] + writable.map { "    case .\($0.property): .\($0.property)" } + ["    }", "}"]).joined(separator: "\n")),
                        isComputed: true
                    )),
                    .property(PropertyDescription(
                        doc: DocComment(["The value, as a bind."]), name: "value", type: "PGBind",
                        value: .identifier((["{", "    switch self {"] + writable.map { "    case .\($0.property)(let value): \(Self.bindExpression($0, optional: $0.isOptional, name: "value"))" } + ["    }", "}"]).joined(separator: "\n")),
                        isComputed: true
                    )),
                ]
            ))) }
            let keyCondition = condition(primaryKey)
            let keyParameters = parameters(primaryKey)
            let keyBinds = binds(primaryKey)
            let keyValues = "[" + primaryKey.map { "(\(SwiftRenderer.literal($0.column.name)), \(Self.bindExpression($0, optional: false, name: Self.parameterName($0.property))))" }.joined(separator: ", ") + "]"
            let selfKeyValues = "[" + primaryKey.map { "(\(SwiftRenderer.literal($0.column.name)), \(Self.bindExpression($0, optional: $0.isOptional, name: Self.reference($0.property, locals: ["db"]))))" }.joined(separator: ", ") + "]"
            // An upsert writes the row as it is, so its `ALWAYS` identity columns too (the key,
            // usually): `OVERRIDING SYSTEM VALUE` lets it, and `ON CONFLICT` then sees the key.
            // Generated columns cannot be written at all.
            let alwaysIdentity = infos.filter { $0.column.identity == .always && $0.column.generatedExpression == nil && !$0.isOmitted }
            let upserted = infos.filter { $0.isWritable || alwaysIdentity.map(\.column.name).contains($0.column.name) }
            let insertColumns = upserted.map { Self.quote($0.column.name) }.joined(separator: ", ")
            let placeholders = upserted.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
            let overriding = alwaysIdentity.isEmpty ? "" : " OVERRIDING SYSTEM VALUE"
            let isKey = { (info: ColumnInfo) in primaryKey.contains { $0.column.name == info.column.name } }
            // The other writable columns take the new values. With none, the writable key columns
            // are set to themselves, so that the row is returned either way (`DO NOTHING` returns
            // none); an `ALWAYS` identity column can only be set to `DEFAULT`, so it is never set.
            let updates = infos.filter { $0.isWritable && !isKey($0) }
            let setColumns = updates.isEmpty ? infos.filter { $0.isWritable && isKey($0) } : updates
            let conflictAction = setColumns.isEmpty
                ? "DO NOTHING"
                : "DO UPDATE SET " + setColumns.map { "\(Self.quote($0.column.name)) = EXCLUDED.\(Self.quote($0.column.name))" }.joined(separator: ", ")
            let insert = "INSERT INTO \(quotedTable) (\(insertColumns))\(overriding) VALUES (\(placeholders)) ON CONFLICT (\(primaryKey.map { Self.quote($0.column.name) }.joined(separator: ", "))) \(conflictAction)"
            // With nothing to set (every column an `ALWAYS` identity key), `DO NOTHING` returns no
            // row on a conflict: the row that is there is selected instead.
            let keyPlaceholders = primaryKey.map { key in "\(Self.quote(key.column.name)) = $\((upserted.firstIndex { $0.column.name == key.column.name } ?? 0) + 1)" }
            let upsertSQL = setColumns.isEmpty
                ? "WITH inserted AS (\(insert) RETURNING \(selectList)) SELECT * FROM inserted UNION ALL \(select) WHERE \(keyPlaceholders.joined(separator: " AND ")) LIMIT 1"
                : "\(insert) RETURNING \(selectList)"
            let upsertBinds = alwaysIdentity.isEmpty
                ? "pgValues.map(\\.value)"
                : "[" + upserted.map { Self.bindExpression($0, optional: $0.isOptional, name: Self.reference($0.property, locals: ["db", "row"])) }.joined(separator: ", ") + "]"
            sql += [
                .property(PropertyDescription(doc: DocComment(["The row with a primary key."]), isStatic: true, name: "find", type: "PGQuery<\(typeName)>", value: query("\(select) WHERE \(keyCondition)"), isComputed: true)),
                .property(PropertyDescription(doc: DocComment(["Deletes the row with a primary key."]), isStatic: true, name: "delete", type: "PGStatement", value: .identifier("PGStatement(\(SwiftRenderer.literal("DELETE FROM \(quotedTable) WHERE \(keyCondition)")))"), isComputed: true)),
                .property(PropertyDescription(
                    doc: DocComment(["Inserts the row, or, when its primary key exists, updates every other writable column."]), isStatic: true, name: "upsert", type: "PGQuery<\(typeName)>",
                    value: query(upsertSQL), isComputed: true
                )),
            ]
            functions += [
                .function(FunctionDescription(
                    doc: DocComment(["The row with this primary key, or `nil`."]), isStatic: true, name: "find",
                    parameters: keyParameters + [executor], returnType: "\(typeName)?",
                    body: ["try await SQL.find.fetchOne(\(keyBinds), on: db)"]
                )),
                .function(FunctionDescription(
                    doc: DocComment(["Writes every writable column of this row to the row with its primary key; returns it as stored, or `nil` when there is no such row."]),
                    attributes: ["@discardableResult"], name: "update", parameters: [executor], returnType: "\(typeName)?",
                    body: ["try await PGTableHelpers.update(\(tableLiteral), set: pgValues, key: \(selfKeyValues), returning: SQL.columns, on: db)"]
                )),
                .function(FunctionDescription(
                    doc: DocComment(["Inserts this row, or updates the row with its primary key; returns it as stored."]),
                    attributes: ["@discardableResult"], name: "upsert", parameters: [executor], returnType: typeName,
                    body: [
                        "guard let row = try await SQL.upsert.fetchOne(\(upsertBinds), on: db) else {",
                        "    throw PGDecodingError(table: \(SwiftRenderer.literal(table.name.name)), column: \"\", typeOID: 0, text: nil, reason: \"upsert returned no row\")",
                        "}",
                        "return row",
                    ]
                )),
                .function(FunctionDescription(
                    doc: DocComment(["Deletes the row with this primary key; `false` when there was none."]),
                    attributes: ["@discardableResult"], isStatic: true, name: "delete",
                    parameters: keyParameters + [executor], returnType: "Bool",
                    body: ["try await SQL.delete.execute(\(keyBinds), on: db) > 0"]
                )),
            ]
            // Nothing to change when no column can be written (only an ALWAYS identity key, say).
            if !writable.isEmpty {
                functions += [
                    .function(FunctionDescription(
                        doc: DocComment(["Sets only the given columns of the row with this primary key (`set: [.name(\"New\"), .note(nil)]`); returns it as stored, or `nil` when there is no such row."]),
                        attributes: ["@discardableResult"], isStatic: true, name: "update",
                        parameters: keyParameters + [.init(label: "set", name: "changes", type: "[Change]"), executor], returnType: "\(typeName)?",
                        body: [
                            "try await PGTableHelpers.update(\(tableLiteral), set: changes.map { (column: $0.column.stringValue, value: $0.value) }, key: \(keyValues), returning: SQL.columns, on: db)",
                        ]
                    )),
                ]
            }
        }

        // One finder per unique constraint.
        for key in table.uniqueConstraints {
            let columns = key.columns.compactMap { name in infos.first { $0.column.name == name } }
            guard columns.count == key.columns.count else { continue }
            let name = claim("findBy" + columns.map { info in let bare = Self.bare(info.property); return bare.prefix(1).uppercased() + bare.dropFirst() }.joined())
            sql.append(.property(PropertyDescription(doc: DocComment(["The row with a value of the unique constraint `\(key.name)`."]), isStatic: true, name: name, type: "PGQuery<\(typeName)>", value: query("\(select) WHERE \(condition(columns))"), isComputed: true)))
            // Optional columns are compared with =, so a NULL finds nothing: the parameter is not optional.
            functions.append(.function(FunctionDescription(
                doc: DocComment(["The row with these values of the unique constraint `\(key.name)`, or `nil`."]), isStatic: true, name: "find",
                parameters: parameters(columns) + [executor], returnType: "\(typeName)?",
                body: ["try await SQL.\(name).fetchOne(\(binds(columns)), on: db)"]
            )))
        }

        // One fetcher per foreign key: the knowledge base entries of a client.
        var fetchers: Set<String> = []
        // The foreign keys' columns, by the name part they give helpers (`ClientID`), for scoped searches too.
        var parents: [(suffix: String, columns: [ColumnInfo])] = []
        for key in table.foreignKeys {
            let columns = key.columns.compactMap { name in infos.first { $0.column.name == name } }
            guard columns.count == key.columns.count else { continue }
            let suffix = columns.map { info in let bare = Self.bare(info.property); return bare.prefix(1).uppercased() + bare.dropFirst() }.joined()
            guard fetchers.insert(suffix).inserted else { continue }
            let name = claim("fetchBy" + suffix)
            parents.append((suffix, columns))
            sql.append(.property(PropertyDescription(doc: DocComment(["The rows that the foreign key `\(key.name)` points from a row of `\(key.referencedTable)` (the helper adds the order and the page)."]), isStatic: true, name: name, type: "PGQuery<\(typeName)>", value: query("\(select) WHERE \(condition(columns))"), isComputed: true)))
            functions.append(.function(FunctionDescription(
                doc: DocComment([
                    "The rows whose `\(key.columns.joined(separator: "`, `"))` point at this row of `\(key.referencedTable)` (foreign key `\(key.name)`),",
                    primaryKey.isEmpty ? "optionally ordered by a column and paged." : "ordered by a column and then by the primary key (by the primary key alone when no column is given), optionally paged.",
                ]),
                isStatic: true, name: "fetch",
                parameters: parameters(columns) + [
                    .init(label: "orderBy", name: "column", type: "Column?", defaultValue: "nil"),
                    .init(name: "descending", type: "Bool", defaultValue: "false"),
                    .init(name: "limit", type: "Int?", defaultValue: "nil"),
                    .init(name: "offset", type: "Int", defaultValue: "0"),
                    executor,
                ],
                returnType: "[\(typeName)]",
                body: ["try await PGTableHelpers.fetchAll(SQL.\(name).sql, \(binds(columns)), orderBy: column?.stringValue, descending: descending\(primaryKey.isEmpty ? "" : ", then: " + SwiftRenderer.literal(primaryKey.map { Self.quote($0.column.name) }.joined(separator: ", "))), limit: limit, offset: offset, on: db)"]
            )))
        }

        // Containment search on arrays with a GIN index: rows that have all the given tags.
        for index in table.indexes where index.method == "gin" && index.elements.count == 1 && index.predicate == nil {
            guard let info = infos.first(where: { $0.column.name == index.columns[0] }), info.column.type.arrayDimensions == 1, !info.viaJSON else { continue }
            let bare = Self.bare(info.property)
            let name = claim("fetchBy" + bare.prefix(1).uppercased() + bare.dropFirst() + "Containing")
            sql.append(.property(PropertyDescription(doc: DocComment(["The rows whose `\(info.column.name)` contain every given value (uses the GIN index `\(index.name)`)."]), isStatic: true, name: name, type: "PGQuery<\(typeName)>", value: query("\(select) WHERE \(Self.quote(info.column.name)) @> $1\(keyOrder)"), isComputed: true)))
            functions.append(.function(FunctionDescription(
                doc: DocComment(["The rows whose `\(info.column.name)` contain every one of `values`."]), isStatic: true, name: "fetch",
                parameters: [.init(label: "\(bare)Containing", name: "values", type: info.swiftType), executor], returnType: "[\(typeName)]",
                body: ["try await SQL.\(name).fetchAll([values.pgBind], on: db)"]
            )))
        }

        // Full-text search on a tsvector column, best matches first.
        for info in infos where info.column.type.name == "tsvector" && info.column.type.arrayDimensions == 0 {
            let configuration = Self.textSearchConfiguration(info.column.generatedExpression)
            let vector = Self.quote(info.column.name)
            let search = "websearch_to_tsquery('\(configuration)', $1)"
            let tieBreak = primaryKey.map { ", " + Self.quote($0.column.name) }.joined()
            let name = claim("search" + (infos.filter { $0.column.type.name == "tsvector" }.count > 1 ? Self.bare(info.property).prefix(1).uppercased() + Self.bare(info.property).dropFirst() : ""))
            sql.append(.property(PropertyDescription(
                doc: DocComment(["Full-text search on `\(info.column.name)` with `websearch_to_tsquery` (\(configuration) configuration), best rank first."]),
                isStatic: true, name: name, type: "PGQuery<\(typeName)>",
                value: query("\(select) WHERE \(vector) @@ \(search) ORDER BY ts_rank(\(vector), \(search)) DESC\(tieBreak) LIMIT $2"), isComputed: true
            )))
            functions.append(.function(FunctionDescription(
                doc: DocComment([
                    "Rows matching a search typed by a person (`\"refund policy\" -shipping`, `or`), best match first.",
                    "",
                    "Searches `\(info.column.name)` with PostgreSQL's `websearch_to_tsquery` and `ts_rank`.",
                ]),
                isStatic: true, name: name,
                parameters: [.init(label: "_", name: "text", type: "String"), .init(name: "limit", type: "Int", defaultValue: "20"), executor],
                returnType: "[\(typeName)]",
                body: ["try await SQL.\(name).fetchAll([text.pgBind, limit.pgBind], on: db)"]
            )))
            // The same search within the rows of one parent (a client's knowledge base, not everyone's).
            for parent in parents {
                let scopedName = claim(name + "By" + parent.suffix)
                sql.append(.property(PropertyDescription(
                    doc: DocComment(["`\(name)`, within the rows with one value of `\(parent.columns.map(\.column.name).joined(separator: "`, `"))` (from $3)."]),
                    isStatic: true, name: scopedName, type: "PGQuery<\(typeName)>",
                    value: query("\(select) WHERE \(vector) @@ \(search) AND \(condition(parent.columns, from: 3)) ORDER BY ts_rank(\(vector), \(search)) DESC\(tieBreak) LIMIT $2"), isComputed: true
                )))
                functions.append(.function(FunctionDescription(
                    doc: DocComment(["Like `\(name)(_:limit:on:)`, within the rows of one `\(parent.columns.map(\.property).joined(separator: "`, `"))`."]),
                    isStatic: true, name: name,
                    parameters: [.init(label: "_", name: "text", type: "String")] + parameters(parent.columns)
                        + [.init(name: "limit", type: "Int", defaultValue: "20"), executor],
                    returnType: "[\(typeName)]",
                    body: ["try await SQL.\(scopedName).fetchAll([text.pgBind, limit.pgBind, \(bindList(parent.columns))], on: db)"]
                )))
            }
        }

        // Two helpers with the same Swift signature (a unique constraint on the primary key's
        // columns, two unique indexes or a unique index and a foreign key on the same columns):
        // the first one declared stays, and the statements only the others used go with them.
        var signatures: Set<String> = []
        var kept: [Declaration] = []
        var dropped: Set<String> = []
        for declaration in functions {
            guard case .function(let function) = declaration else {
                kept.append(declaration)
                continue
            }
            let labels = function.parameters.map { Self.bare($0.label ?? $0.name) + ":" + $0.type }.joined(separator: ",")
            if signatures.insert("\(function.isStatic ? "static " : "")\(function.name)(\(labels))").inserted {
                kept.append(declaration)
            } else {
                dropped.formUnion(Self.statementNames(in: function.body))
            }
        }
        functions = kept
        if !dropped.isEmpty {
            let used = kept.reduce(into: Set<String>()) { names, declaration in
                if case .function(let function) = declaration { names.formUnion(Self.statementNames(in: function.body)) }
            }
            sql.removeAll { declaration in
                guard case .property(let property) = declaration else { return false }
                return dropped.contains(property.name) && !used.contains(property.name)
            }
        }

        let namespace = EnumDescription(
            doc: DocComment(["The statements behind the helpers below, for logging, testing or preparing."]),
            name: "SQL", conformances: [], cases: [], members: sql.map(Self.unoptimized)
        )
        return [.extension_(ExtensionDescription(
            doc: DocComment(["Queries on `\(table.name)`: `fetchAll`, `count`, `insert` and `insertMany` come with `PGInsertable`; the rest are here."]),
            extendedType: typeName, conformances: ["PGInsertable"], members: [.enumeration(namespace)] + functions.map { declaration in
                if case .enumeration = declaration { return Self.unoptimized(declaration) }
                return declaration
            }
        ))]
    }

    /// Marks a member `@_optimize(none)`: the SQL texts and `Change`'s members gain nothing measurable from the
    /// optimiser, and a release build spends about 2 ms optimising each element of their literals,
    /// lists and switches, for every table, in one whole-module process (issue 14: with the PGTable
    /// facts and `CodingKeys` members too, a 100-table module's release build took 164 s of CPU and
    /// 1.61 GB instead of 243 s and 2.36 GB). Bodies that run for every row (`init(row:)`,
    /// `pgValues`) keep the optimiser.
    static func unoptimized(_ declaration: Declaration) -> Declaration {
        switch declaration {
        case .property(var property) where property.isComputed:
            // A string literal leaves the optimiser nothing to do.
            if case .stringLiteral = property.value { return declaration }
            property.attributes.insert("@_optimize(none)", at: 0)
            return .property(property)
        case .initializer(var initializer):
            initializer.attributes.insert("@_optimize(none)", at: 0)
            return .initializer(initializer)
        case .enumeration(var enumeration):
            enumeration.members = enumeration.members.map(unoptimized)
            return .enumeration(enumeration)
        default:
            return declaration
        }
    }

    /// The `SQL.name` statements a body uses.
    static func statementNames(in body: [String]) -> Set<String> {
        var names: Set<String> = []
        for line in body {
            var rest = line[...]
            while let range = rest.range(of: "SQL.") {
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                names.insert(String(name))
                rest = rest[range.upperBound...]
            }
        }
        return names
    }

    /// Names of parameters and locals that the helpers' bodies use besides the columns' values.
    static let fixedParameterNames: Set<String> = [
        "db", "text", "limit", "values", "value", "changes", "ordered", "column", "row", "descending", "offset", "draft", "drafts",
    ]

    /// The internal name of a column's parameter: the property's name (also the argument label),
    /// or `_name` when a fixed parameter of the helpers has that name (`find(db _db: …, on db: …)`).
    static func parameterName(_ property: String) -> String {
        fixedParameterNames.contains(property) ? "_" + property : property
    }

    /// A column's type as insert-many casts text to it: without length, precision or scale, so that
    /// the cast never cuts a value short (`'abc'::varchar(2)` would) and the assignment to the
    /// column reports what does not fit; user types schema-qualified and quoted.
    static func castType(_ type: ColumnType) -> String {
        let name: String
        if let schema = type.schema {
            name = quote(schema) + "." + quote(type.name)
        } else {
            switch type.name {
            case "character": name = "bpchar"
            case "bit": name = "bit varying"
            default: name = type.name
            }
        }
        return type.arrayDimensions > 0 ? name + "[]" : name
    }

    /// A dictionary literal: rendered like an array literal of `key: value` items, or `[:]`.
    static func dictionaryLiteral(_ entries: [(key: String, value: String)]) -> Expression {
        entries.isEmpty ? .identifier("[:]") : .arrayLiteral(entries.map { .identifier("\($0.key): \($0.value)") })
    }

    /// The text search configuration a generated `tsvector` column uses (`to_tsvector('indonesian', …)`);
    /// `simple` when it names none.
    static func textSearchConfiguration(_ expression: String?) -> String {
        guard let expression, let range = expression.range(of: "to_tsvector('") else { return "simple" }
        let rest = expression[range.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return "simple" }
        let name = rest[..<end]
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ? String(name) : "simple"
    }
}
