import Foundation
import PGQueries
import PGSchema

/// Read-only models for views and materialized views, their columns typed by the query analyser.
extension QueryTranslation {
    static func quoted(_ name: QualifiedName) -> String {
        "\"\(name.schema.replacingOccurrences(of: "\"", with: "\"\""))\".\"\(name.name.replacingOccurrences(of: "\"", with: "\"\""))\""
    }

    static func quoted(_ column: String) -> String { "\"\(column.replacingOccurrences(of: "\"", with: "\"\""))\"" }

    /// The model's name: the view's name as a table's would be, `View` added when a table, enum
    /// or other view already has it.
    func viewTypeName(_ view: AnalyzedView, taken: Set<String>) -> String {
        let name = Naming.typeName(forTable: view.name.name)
        return taken.contains(name) ? name + "View" : name
    }

    mutating func viewModel(_ view: AnalyzedView, typeName: String) -> [Declaration] {
        let location = view.provenance.lastChanged
        let kind = view.isMaterialized ? "materialized view" : "view"
        var properties: [Declaration] = []
        var keys: [EnumDescription.Case] = []
        var decodes: [String] = []
        var initParameters: [InitializerDescription.Parameter] = []
        var names = Set<String>()
        var propertyNames: [String] = []
        for (index, column) in view.columns.enumerated() {
            guard let type = swiftType(column.type, nullable: !column.isNotNull, what: "column \(column.name) of \(kind) \(view.name)", at: location) else { return [] }
            var name = Naming.propertyName(column.name)
            let base = name
            var counter = 2
            while !names.insert(name).inserted {
                name = base + String(counter)
                counter += 1
            }
            propertyNames.append(name)
            var doc: [String] = []
            if let comment = view.columnComments[column.name] { doc += [comment, ""] }
            var line = "`\(column.name) \(column.type)\(column.isNotNull ? " NOT NULL" : "")`"
            if let table = column.originTable, let origin = column.originColumn { line += "; from \(table).\(origin)" }
            doc.append(line)
            properties.append(.property(PropertyDescription(doc: DocComment(doc), name: name, type: type)))
            let bare = name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
            keys.append(EnumDescription.Case(name: name, rawValue: bare == column.name ? nil : column.name))
            decodes.append("self.\(bare) = try row.decode(\(type).self, at: \(index), table: \(SwiftRenderer.literal(view.name.description)))")
            initParameters.append(.init(name: name, type: type))
        }
        properties.append(.initializer(InitializerDescription(parameters: initParameters, assignments: initParameters.map(\.name))))
        properties.append(.enumeration(ModelTranslator.codingKeys(keys, doc: DocComment(["The columns, by their names in the view."]))))
        var doc: [String] = []
        if let comment = view.comment { doc += [comment, ""] }
        doc.append("A row of the \(kind) `\(view.name)` (read-only); from \(URL(fileURLWithPath: view.provenance.created.file).lastPathComponent):\(view.provenance.created.line).")
        let model = StructDescription(doc: DocComment(doc), name: typeName, conformances: ["Codable", "Hashable", "Sendable"], members: properties)

        let table = Self.quoted(view.name)
        let columns = view.columns.map { Self.quoted($0.name) }.joined(separator: ", ")
        var sql: [Declaration] = [
            .property(PropertyDescription(doc: DocComment(["The columns in view order, as every query here selects them."]), isStatic: true, name: "columns", type: "String", value: .stringLiteral(columns), isComputed: true)),
            .property(PropertyDescription(doc: DocComment(["Every row."]), isStatic: true, name: "selectAll", type: "PGQuery<\(typeName)>", value: .identifier("PGQuery(\"SELECT \\(columns) FROM \(SwiftRenderer.literalBody(table))\")"), isComputed: true)),
            .property(PropertyDescription(doc: DocComment(["The number of rows."]), isStatic: true, name: "count", type: "PGQuery<Int>", value: .identifier("PGQuery(\(SwiftRenderer.literal("SELECT count(*) FROM \(table)")))"), isComputed: true)),
        ]
        // `fetchAll` and `count` are PGRecord's (`PGSelectable`): the model names the view and its columns.
        var functions: [Declaration] = [
            .typeAlias(name: "Column", type: "CodingKeys", doc: DocComment(["A column, for ordering: `CodingKeys` by another name."])),
            .property(PropertyDescription(doc: DocComment(["The \(kind), as every statement here names it."]), isStatic: true, name: "relationName", type: "String", value: .stringLiteral(table), isComputed: true)),
            .property(PropertyDescription(doc: DocComment(["The columns every query here selects, in the order `init(row:)` reads them."]), isStatic: true, name: "selectList", type: "String", value: .identifier("SQL.columns"), isComputed: true)),
        ]
        // Fetches by the columns that come from a single-column key of a table.
        for (index, column) in view.columns.enumerated() {
            guard let origin = column.originTable, let originColumn = column.originColumn, let source = schema.table(origin) else { continue }
            let keys = ([source.primaryKey].compactMap { $0 } + source.uniqueConstraints).map(\.columns)
            guard keys.contains([originColumn]), let type = mapping.swiftType(for: column.type) else { continue }
            let property = propertyNames[index]
            let bare = property.hasPrefix("`") ? String(property.dropFirst().dropLast()) : property
            let queryName = "findBy" + bare.prefix(1).uppercased() + bare.dropFirst()
            sql.append(.property(PropertyDescription(
                doc: DocComment(["The rows whose `\(column.name)` (a key of \(origin)) is $1."]), isStatic: true, name: queryName, type: "PGQuery<\(typeName)>",
                value: .identifier("PGQuery(\"SELECT \\(columns) FROM \(SwiftRenderer.literalBody(table)) WHERE \(SwiftRenderer.literalBody(Self.quoted(column.name))) = $1\")"), isComputed: true
            )))
            // The parameter is the property's name (escaped if a keyword), `_db` beside `on db`.
            let parameter: FunctionDescription.Parameter = bare == "db"
                ? .init(label: property, name: "_db", type: type) : .init(label: nil, name: property, type: type)
            if view.readsOneTable {
                functions.append(.function(FunctionDescription(
                    doc: DocComment(["The row with this `\(column.name)`, a key of \(origin), or `nil`."]), isStatic: true, name: "find",
                    parameters: [parameter, .init(label: "on", name: "db", type: "some PGExecutor")],
                    returnType: "\(typeName)?", body: ["try await SQL.\(queryName).fetchOne([\(parameter.name).pgBind], on: db)"]
                )))
            } else {
                functions.append(.function(FunctionDescription(
                    doc: DocComment(["The rows with this `\(column.name)`, which comes from a key of \(origin) (the view may repeat it)."]), isStatic: true, name: "fetch",
                    parameters: [parameter, .init(label: "on", name: "db", type: "some PGExecutor")],
                    returnType: "[\(typeName)]", body: ["try await SQL.\(queryName).fetchAll([\(parameter.name).pgBind], on: db)"]
                )))
            }
        }
        if view.isMaterialized {
            sql.append(.property(PropertyDescription(doc: DocComment(["Recomputes the view."]), isStatic: true, name: "refresh", type: "PGStatement", value: .identifier("PGStatement(\(SwiftRenderer.literal("REFRESH MATERIALIZED VIEW \(table)")))"), isComputed: true)))
            sql.append(.property(PropertyDescription(doc: DocComment(["Recomputes the view without blocking readers (it needs a unique index)."]), isStatic: true, name: "refreshConcurrently", type: "PGStatement", value: .identifier("PGStatement(\(SwiftRenderer.literal("REFRESH MATERIALIZED VIEW CONCURRENTLY \(table)")))"), isComputed: true)))
            functions.append(.function(FunctionDescription(
                doc: DocComment(["Recomputes the materialized view; `concurrently` lets readers go on (it needs a unique index)."]), isStatic: true, name: "refresh",
                parameters: [.init(label: nil, name: "concurrently", type: "Bool", defaultValue: "false"), .init(label: "on", name: "db", type: "some PGExecutor")],
                returnType: nil, body: ["_ = try await (concurrently ? SQL.refreshConcurrently : SQL.refresh).execute(on: db)"]
            )))
        }
        let queries = ExtensionDescription(
            doc: DocComment(["Reading `\(view.name)`: `fetchAll` and `count` come with `PGSelectable`; the rest are here."]), extendedType: typeName, conformances: ["PGSelectable"],
            members: [.enumeration(EnumDescription(doc: DocComment(["The statements behind the helpers below."]), name: "SQL", conformances: [], cases: [], members: sql))] + functions
        )
        let decoder = ExtensionDescription(
            extendedType: typeName, conformances: ["PGRowDecodable"],
            members: [.initializer(InitializerDescription(
                doc: DocComment(["Reads a row selected with `SQL.columns`, in that order."]),
                parameters: [.init(name: "row", type: "PGRow")], assignments: [], effects: "throws(PGDecodingError)", body: decodes
            ))]
        )
        return [.structure(model), .extension_(queries), .extension_(decoder)]
    }
}
