import Foundation
import PGSchema

/// Builds the descriptions of the generated files from a folded schema.
struct ModelTranslator {
    let schema: Schema
    let config: GeneratorConfig
    let moduleName: String
    /// The migration files the schema came from, for the header.
    let sourceFiles: [String]
    private(set) var diagnostics: [Diagnostic] = []
    private var typeNames: [QualifiedName: String] = [:]
    private var tableNames: [QualifiedName: String] = [:]
    private var mapping: TypeMapping
    /// What the query helpers need to know of each table's columns, filled by `tableDeclarations`.
    var columnInfos: [QualifiedName: [ColumnInfo]] = [:]

    struct ColumnInfo {
        var column: Column
        /// The Swift property name (escaped if needed).
        var property: String
        /// The property's type without `?`.
        var swiftType: String
        var isOptional: Bool
        /// Read through `to_jsonb` and JSON decoding: composite types, and jsonb columns given a
        /// Swift type of the user's.
        var viaJSON: Bool
        /// Written in a draft (not generated, not an ALWAYS identity).
        var isWritable: Bool
        /// In a draft, `nil` leaves it to the database.
        var databaseFills: Bool
        /// Left out of the model and its SELECT list (a `tsvector`, by default); the helpers can
        /// still search it.
        var isOmitted = false
    }

    /// Whether a column is left out of its table's model: a `tsvector` is, unless the config's
    /// `omit` says otherwise (it is an index's input, read back as a string of lexemes that nobody
    /// wants on every fetch), and so is any column whose config says `"omit": true`. A column
    /// that a key uses, or that an insert must give (NOT NULL without a default), is never left
    /// out; `nil` when the config asks for that.
    static func omits(_ column: Column, of table: Table, config: GeneratorConfig) -> Bool? {
        let tableConfig = config.tables?[table.name.name] ?? config.tables?[table.name.description]
        let configured = tableConfig?.columns?[column.name]?.omit
        // A `tsvector` given a Swift type of the user's (by column or by type) is wanted in the model.
        let isSearchVector = column.type.name == "tsvector" && column.type.arrayDimensions == 0 && column.type.qualifiedName == nil
            && tableConfig?.columns?[column.name]?.type == nil && config.types?["tsvector"] == nil
        guard configured ?? isSearchVector else { return false }
        let keys = [table.primaryKey?.columns ?? []] + table.uniqueConstraints.map(\.columns) + table.foreignKeys.map(\.columns)
        let inKey = keys.contains { $0.contains(column.name) }
        let databaseFills = column.generatedExpression != nil || column.defaultExpression != nil || column.identity != nil || !column.isNotNull
        if inKey || !databaseFills { return configured == true ? nil : false }
        return true
    }

    init(schema: Schema, config: GeneratorConfig, moduleName: String, sourceFiles: [String]) {
        self.schema = schema
        self.config = config
        self.moduleName = moduleName
        self.sourceFiles = sourceFiles
        mapping = TypeMapping(schema: schema, config: config, typeNames: [:])
        chooseTypeNames()
        mapping = TypeMapping(schema: schema, config: config, typeNames: typeNames)
        checkConfig()
    }

    // MARK: - Names

    /// Swift type names for tables, enums and composites; a name that two of them would share is
    /// numbered (`Status2`), with a warning that says how to choose a better one.
    private mutating func chooseTypeNames() {
        var used: Set<String> = []
        // The module's own name (`SaasModels`, and `Saas` as the plugin calls it) would hide the module.
        let moduleNames: Set<String> = [moduleName, moduleName + "Models"]
        func take(_ proposed: String, kind: Naming.TypeKind, for what: String, at location: SourceLocation) -> String {
            let proposed = moduleNames.contains(proposed) ? proposed + kind.suffix : proposed
            var name = proposed
            var number = 2
            while used.contains(name) {
                name = "\(proposed)\(number)"
                number += 1
            }
            if name != proposed {
                diagnostics.append(Diagnostic(.warning, "\(what) would be called \(proposed) in Swift, like another table or type; it is called \(name)", at: location, note: "rename one of them in pg-codegen.json"))
            }
            used.insert(name)
            return name
        }
        for table in schema.tables {
            let configured = config.tables?[table.name.name]?.name
            let proposed = configured ?? Naming.typeName(forTable: table.name.name)
            tableNames[table.name] = take(proposed, kind: .table, for: "table \(table.name)", at: table.provenance.created)
        }
        for enumType in schema.enums {
            typeNames[enumType.name] = take(Naming.typeName(for: enumType.name.name, kind: .enumeration), kind: .enumeration, for: "enum type \(enumType.name)", at: enumType.provenance.created)
        }
        for composite in schema.composites {
            typeNames[composite.name] = take(Naming.typeName(for: composite.name.name, kind: .composite), kind: .composite, for: "composite type \(composite.name)", at: composite.provenance.created)
        }
    }

    /// A config entry that names a table or column the schema does not have is probably a typo.
    private mutating func checkConfig() {
        let relations = schema.tables.map(\.name) + schema.views.map(\.name)
        for (key, patterns) in [("include", config.include ?? []), ("exclude", config.exclude ?? [])] {
            for pattern in patterns where !relations.contains(where: { GeneratorConfig.matches(pattern, $0) }) {
                diagnostics.append(Diagnostic(.warning, "\(key) pattern \(pattern) matches no table or view of the migrations", at: SourceLocation(file: "pg-codegen.json", line: 1, column: 1)))
            }
        }
        for (tableName, tableConfig) in config.tables ?? [:] {
            guard let table = schema.tables.first(where: { $0.name.name == tableName || $0.name.description == tableName }) else {
                diagnostics.append(Diagnostic(.warning, "pg-codegen.json names table \(tableName), which the migrations do not create", at: SourceLocation(file: "pg-codegen.json", line: 1, column: 1)))
                continue
            }
            for columnName in (tableConfig.columns ?? [:]).keys where table.column(columnName) == nil {
                diagnostics.append(Diagnostic(.warning, "pg-codegen.json names column \(tableName).\(columnName), which the migrations do not create", at: SourceLocation(file: "pg-codegen.json", line: 1, column: 1)))
            }
        }
    }

    /// Property names for columns, numbered where two columns would share one.
    private mutating func propertyNames(_ columns: [Column], tableConfig: GeneratorConfig.TableConfig?, owner: String) -> [String] {
        var used: Set<String> = []
        return columns.map { column in
            let proposed = tableConfig?.columns?[column.name]?.name.map(Naming.escaped) ?? Naming.propertyName(column.name)
            var name = proposed
            var number = 2
            while used.contains(name) {
                name = proposed.hasPrefix("`") ? "\(proposed.dropFirst().dropLast())\(number)" : "\(proposed)\(number)"
                number += 1
            }
            if name != proposed {
                diagnostics.append(Diagnostic(.warning, "column \(owner).\(column.name) would be the property \(proposed), like another column; it is \(name)", at: column.provenance.created, note: "rename one of them in pg-codegen.json"))
            }
            used.insert(name)
            return name
        }
    }

    // MARK: - Files

    mutating func files(shards: Int = 1) -> [(name: String, file: FileDescription)] {
        // Names were chosen over the whole schema; this module writes only what its config selects.
        let tables = schema.tables.filter { config.models($0.name) }
        let enums = config.typesModule == nil ? schema.enums : []
        let composites = config.typesModule == nil ? schema.composites : []
        // In a module that imports its types, the files say where they are.
        let enumsNote = config.typesModule.map { ["The enum types are generated in \($0) (pg-codegen.json: typesModule)."] } ?? []
        let compositesNote = config.typesModule.map { ["The composite types are generated in \($0) (pg-codegen.json: typesModule)."] } ?? []
        guard shards > 1 else {
            return [
                ("Tables.swift", file(tables.map { tableDeclarations($0) }.flatMap { $0 })),
                ("Enums.swift", file(enums.map(enumDeclaration), note: enumsNote)),
                ("CompositeTypes.swift", file(composites.map { compositeDeclaration($0) }, note: compositesNote)),
                ("Queries.swift", file(tables.flatMap { queryDeclarations($0) })),
            ]
        }
        // Each shard holds its tables and their queries. No header names the migration files, so
        // that a new migration leaves the files it does not touch byte for byte the same.
        var byShard = [[Table]](repeating: [], count: shards)
        for table in tables { byShard[Generator.shard(of: table.name, shards: shards)].append(table) }
        var result: [(name: String, file: FileDescription)] = [
            ("Enums.swift", file(enums.map(enumDeclaration), namingSources: false, note: enumsNote)),
            ("CompositeTypes.swift", file(composites.map { compositeDeclaration($0) }, namingSources: false, note: compositesNote)),
        ]
        for (shard, tables) in byShard.enumerated() {
            let declarations = tables.flatMap { tableDeclarations($0) + queryDeclarations($0) }
            result.append((Generator.shardFileName("Tables", shard), file(declarations, namingSources: false)))
        }
        return result
    }

    private func file(_ declarations: [Declaration], namingSources: Bool = true, note: [String] = []) -> FileDescription {
        var header = ["Generated by pg-codegen from the \(moduleName) migrations. Do not edit: change the migrations and build again."]
        if namingSources, let first = sourceFiles.first, let last = sourceFiles.last {
            header.append(first == last ? "Source: \(first)" : "Source: \(sourceFiles.count) files, \(first) to \(last)")
        }
        header += note
        var imports = ["Foundation", "PGRecord"]
        for module in config.allImports where !imports.contains(module) { imports.append(module) }
        return FileDescription(header: header, imports: declarations.isEmpty ? [] : imports, declarations: declarations)
    }

    func tableTypeName(_ name: QualifiedName) -> String? { tableNames[name] }

    /// The Swift name chosen for an enum or composite type (what typed queries use too).
    func typeName(_ name: QualifiedName) -> String? { typeNames[name] }

    private static func fileName(_ location: SourceLocation) -> String {
        let name = location.file.lastIndex(of: "/").map { location.file[location.file.index(after: $0)...] } ?? location.file[...]
        return "\(name):\(location.line)"
    }

    private static func provenanceText(_ provenance: Provenance) -> String {
        var text = "from \(fileName(provenance.created))"
        if provenance.lastChanged != provenance.created { text += ", last changed in \(fileName(provenance.lastChanged))" }
        return text
    }

    /// SQL as written, on one line: runs of white space become one space; backticks, which would
    /// end the code span, become quotes.
    static func oneLine(_ sql: String) -> String {
        // Most SQL is on one line already, single-spaced: take it as it is.
        var previous: UInt8 = 0
        let clean = !sql.utf8.contains { byte in
            defer { previous = byte }
            return byte == UInt8(ascii: "`") || (byte == UInt8(ascii: " ") && previous == UInt8(ascii: " ")) || (byte < 0x20) || byte >= 0x80
        }
        if clean, sql.first != " ", sql.last != " " { return sql }
        return sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").replacingOccurrences(of: "`", with: "'")
    }

    private static func commentLines(_ comment: String?) -> [String] {
        guard let comment, !comment.isEmpty else { return [] }
        return comment.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init) + [""]
    }

    // MARK: - Tables

    private mutating func tableDeclarations(_ table: Table) -> [Declaration] {
        let typeName = tableNames[table.name]!
        let tableConfig = config.tables?[table.name.name] ?? config.tables?[table.name.description]
        let names = propertyNames(table.columns, tableConfig: tableConfig, owner: table.name.description)
        let primaryKey = table.primaryKey?.columns ?? []

        var properties: [PropertyDescription] = []
        var parameters: [InitializerDescription.Parameter] = []
        var draftProperties: [PropertyDescription] = []
        var draftParameters: [InitializerDescription.Parameter] = []
        var draftNames: [String] = []
        var codingKeys: [EnumDescription.Case] = []
        var failed = false
        var infos: [ColumnInfo] = []

        for (column, name) in zip(table.columns, names) {
            guard let base = columnType(column, in: table.name, override: tableConfig?.columns?[column.name]?.type) else {
                failed = true
                continue
            }
            let notNull = column.isNotNull || mapping.isNotNullByDomain(column.type)
            let type = notNull ? base : base + "?"
            let override = tableConfig?.columns?[column.name]?.type
            let isJSONColumn = ["json", "jsonb"].contains(column.type.name) && column.type.qualifiedName == nil
            let omitted: Bool
            if let decided = Self.omits(column, of: table, config: config) {
                omitted = decided
            } else {
                omitted = false
                diagnostics.append(Diagnostic(.error, "column \(table.name).\(column.name) cannot be omitted from the model: \(column.isNotNull && column.defaultExpression == nil && column.generatedExpression == nil && column.identity == nil ? "every insert must give it (NOT NULL without a default)" : "a key uses it")", at: column.provenance.created, note: "remove \"omit\" for it from pg-codegen.json"))
            }
            infos.append(ColumnInfo(
                column: column, property: name, swiftType: base, isOptional: !notNull,
                viaJSON: isComposite(column.type) || (override != nil && isJSONColumn),
                // An omitted column is never written by the model: the database fills it.
                isWritable: column.generatedExpression == nil && column.identity != .always && !omitted,
                databaseFills: column.defaultExpression != nil || mapping.domainDefault(column.type) != nil || column.identity != nil,
                isOmitted: omitted
            ))
            if omitted { continue }
            var details = "`\(column.name) \(column.type)"
            if column.isNotNull { details += " NOT NULL" }
            if let value = column.defaultExpression { details += " DEFAULT \(Self.oneLine(value))" }
            if let identity = column.identity { details += " GENERATED \(identity == .always ? "ALWAYS" : "BY DEFAULT") AS IDENTITY" }
            if let expression = column.generatedExpression { details += " GENERATED ALWAYS AS (\(Self.oneLine(expression))) STORED" }
            details += "`"
            if primaryKey.contains(column.name) { details += ", primary key" }
            details += "; \(Self.provenanceText(column.provenance))."
            let doc = DocComment(Self.commentLines(column.comment) + [details])
            properties.append(PropertyDescription(doc: doc, isLet: config.mutableRows == false, name: name, type: type))
            parameters.append(.init(name: name, type: type, defaultValue: notNull ? nil : .nil))
            let key = EnumDescription.Case(name: name, rawValue: Self.sameBytes(bareName(name), column.name) ? nil : column.name)
            codingKeys.append(key)

            // In a draft, what the database fills in is optional (a column's default, its
            // domain's, an identity); generated and ALWAYS identity columns cannot be written.
            if column.generatedExpression != nil || column.identity == .always { continue }
            let defaultExpression = column.defaultExpression ?? mapping.domainDefault(column.type)
            let databaseFills = defaultExpression != nil || column.identity != nil
            // A nullable column with a default has three choices (default, NULL, a value), which
            // `nil` cannot tell apart: `PGDraftValue` spells them.
            let threeWay = databaseFills && !notNull
            let draftType = threeWay ? "PGDraftValue<\(base)>" : notNull && !databaseFills ? base : base + "?"
            var draftDoc = DocComment(Self.commentLines(column.comment))
            let defaultText = defaultExpression.map { "`\(Self.oneLine($0))`\(column.defaultExpression == nil ? ", the domain's default" : "")" }
                ?? "the identity sequence"
            if threeWay {
                draftDoc.lines.append("`.default` leaves it to the database (\(defaultText)); `.null` stores NULL.")
            } else if databaseFills {
                draftDoc.lines.append("`nil` leaves it to the database: \(defaultText).")
            } else if draftDoc.lines.last == "" {
                draftDoc.lines.removeLast()
            }
            draftProperties.append(PropertyDescription(doc: draftDoc, isLet: true, name: name, type: draftType))
            draftParameters.append(.init(name: name, type: draftType, defaultValue: threeWay ? .identifier(".default") : draftType.hasSuffix("?") ? .nil : nil))
            draftNames.append(name)
        }
        guard !failed else { return [] }
        columnInfos[table.name] = infos

        var conformances = ["Codable", "Hashable", "Sendable"]
        var members: [Declaration] = properties.map { .property($0) }
        // The row's properties: an omitted column has none.
        let keptNames = properties.map(\.name)
        if primaryKey.count == 1, let index = table.columns.firstIndex(where: { $0.name == primaryKey[0] }) {
            if names[index] == "id" {
                conformances.append("Identifiable")
            } else if !keptNames.contains("id"), let key = properties.first(where: { $0.name == names[index] }) {
                conformances.append("Identifiable")
                members.append(.property(PropertyDescription(
                    doc: DocComment(["The primary key, for `Identifiable`."]), name: "id",
                    type: key.type, value: .identifier("{ \(names[index]) }"), isComputed: true
                )))
            }
        }
        members.append(.initializer(InitializerDescription(parameters: parameters, assignments: keptNames)))
        members.append(.enumeration(Self.codingKeys(codingKeys, doc: DocComment(["The columns, by their names in the database."]))))

        var tableDoc = Self.commentLines(table.comment)
        tableDoc.append("A row of `\(table.name)`; \(Self.provenanceText(table.provenance)).")
        let omitted = infos.filter(\.isOmitted)
        if !omitted.isEmpty {
            // Why each is left out: the config says so, or it is a `tsvector` (left out by default).
            let tableConfig = config.tables?[table.name.name] ?? config.tables?[table.name.description]
            let names = omitted.map { info in
                let configured = tableConfig?.columns?[info.column.name]?.omit == true
                let reason = configured ? "pg-codegen.json `omit`" : "a `tsvector`, searched by the `search` helpers, never read back"
                return "`\(Self.oneLine(info.column.name))` (\(reason))"
            }.joined(separator: ", ")
            tableDoc.append("")
            tableDoc.append("Left out of the model: \(names).")
        }
        let structure = Declaration.structure(StructDescription(
            doc: DocComment(tableDoc), name: typeName, conformances: conformances, members: members
        ))

        let draft = StructDescription(
            doc: DocComment([
                "The values of a new `\(table.name)` row, for inserting it.",
                "",
            ] + (draftProperties.contains { $0.type?.hasPrefix("PGDraftValue<") == true } ? [
                "Columns the database can fill in (defaults, identity) are optional here: `nil` leaves them to the database;",
                "a nullable column with a default is a `PGDraftValue` (`.default`, `.null` or a value).",
            ] : [
                "Columns the database can fill in (defaults, identity) are optional here: `nil` leaves them to the database.",
            ]) + [
                "Generated columns are not written, so they are not here.",
            ]),
            name: "Draft", conformances: ["Codable", "Equatable", "Sendable"],
            members: draftProperties.map { .property($0) } + [
                .initializer(InitializerDescription(parameters: draftParameters, assignments: draftNames)),
            ] + Self.draftCoding(draftProperties, rowType: typeName)
        )
        let metadata = ExtensionDescription(
            extendedType: typeName, conformances: ["PGTable"],
            members: [
                .property(PropertyDescription(isStatic: true, name: "tableName", type: "String", value: .stringLiteral(table.name.name), isComputed: true)),
                .property(PropertyDescription(isStatic: true, name: "schemaName", type: "String", value: .stringLiteral(table.name.schema), isComputed: true)),
                .property(PropertyDescription(isStatic: true, name: "columnNames", type: "[String]", value: .arrayLiteral(infos.filter { !$0.isOmitted }.map { .stringLiteral($0.column.name) }), isComputed: true)),
                .property(PropertyDescription(isStatic: true, name: "primaryKey", type: "[String]", value: .arrayLiteral(primaryKey.map { .stringLiteral($0) }), isComputed: true)),
            ].map(Self.unoptimized)
        )
        let quotedTable = Self.quotedName(table.name)
        let decoding = InitializerDescription(
            doc: DocComment(["Reads a row selected with `SQL.columns`, in that order."]),
            parameters: [.init(name: "row", type: "PGRow", defaultValue: nil)], assignments: [],
            effects: "throws(PGDecodingError)",
            body: infos.filter { !$0.isOmitted }.enumerated().map { index, info in
                let method = info.viaJSON ? (info.isOptional ? "decodeJSONIfPresent" : "decodeJSON") : "decode"
                let type = info.viaJSON ? info.swiftType : info.swiftType + (info.isOptional ? "?" : "")
                return "\(Self.reference(info.property, locals: ["row"])) = try row.\(method)(\(type).self, at: \(index), table: \(SwiftRenderer.literal(table.name.name)))"
            }
        )
        let rowValues = PropertyDescription(
            doc: DocComment(["The row's writable columns and their values, as binds (generated and `ALWAYS` identity columns are left out)."]),
            name: "pgValues", type: "[(column: String, value: PGBind)]",
            value: .identifier("{\n    [\n" + infos.filter(\.isWritable).map { "        (\(SwiftRenderer.literal($0.column.name)), \(Self.bindExpression($0, optional: $0.isOptional)))," }.joined(separator: "\n") + "\n    ]\n}"),
            isComputed: true
        )
        // Room for every column at once: `insertMany` builds this for each row it sends.
        var draftValueLines = [
            "var values: [(column: String, value: PGBind)] = []",
            "values.reserveCapacity(\(infos.filter(\.isWritable).count))",
        ]
        for info in infos where info.isWritable {
            let literal = SwiftRenderer.literal(info.column.name)
            let locals: Set<String> = ["values", "value", "bind"]
            let reference = Self.reference(info.property, locals: locals)
            if info.databaseFills && info.isOptional {
                // `.default` leaves the column out; `.null` and a value are bound.
                draftValueLines.append("if let bind = \(reference).bind({ \(Self.bindExpression(info, optional: false, name: "$0")) }) { values.append((\(literal), bind)) }")
            } else if info.databaseFills {
                // `if let name` for a plain name; a keyword or a local's name is unwrapped into `value`.
                let unwrapped = reference == info.property ? info.property : "value"
                let binding = reference == info.property ? info.property : "value = \(reference)"
                draftValueLines.append("if let \(binding) { values.append((\(literal), \(Self.bindExpression(info, optional: false, name: unwrapped)))) }")
            } else {
                draftValueLines.append("values.append((\(literal), \(Self.bindExpression(info, optional: info.isOptional, name: reference))))")
            }
        }
        draftValueLines.append("return values")
        let draftValues = PropertyDescription(
            doc: DocComment(["The columns this draft sets and their values, as binds: a `nil` that leaves a column to the database is left out."]),
            name: "pgValues", type: "[(column: String, value: PGBind)]",
            value: .identifier(infos.contains(where: \.isWritable) ? "{\n" + draftValueLines.map { "    " + $0 }.joined(separator: "\n") + "\n}" : "{ [] }"), isComputed: true
        )
        _ = quotedTable
        return [
            structure,
            .extension_(ExtensionDescription(extendedType: typeName, members: [.structure(draft)])),
            .extension_(metadata),
            .extension_(ExtensionDescription(extendedType: typeName, conformances: ["PGRowDecodable"], members: [.initializer(decoding), .property(rowValues)])),
            .extension_(ExtensionDescription(extendedType: "\(typeName).Draft", conformances: ["PGDraft"], members: [.property(draftValues)])),
        ]
    }

    /// A draft's `Codable` members, written out: they read and write the row's `CodingKeys` (a draft's
    /// columns are some of the row's), so a draft needs no keys of its own, and written-out bodies
    /// are compiled only with their own file, where synthesised ones would be checked again at
    /// every build (issue 14). Like synthesised ones, a `nil` is left out and a missing key is
    /// `nil`; a `PGDraftValue` leaves `.default` out and reads a missing key as `.default`.
    static func draftCoding(_ properties: [PropertyDescription], rowType: String) -> [Declaration] {
        let keys = "\(rowType).CodingKeys.self"
        let locals: Set<String> = ["container", "decoder", "encoder"]
        var decoding = properties.isEmpty ? ["_ = try decoder.container(keyedBy: \(keys))"] : ["let container = try decoder.container(keyedBy: \(keys))"]
        var encoding = ["\(properties.isEmpty ? "_" : "var container") = encoder.container(keyedBy: \(keys))"]
        for property in properties {
            let type = property.type ?? ""
            let reference = reference(property.name, locals: locals)
            if type.hasSuffix("?") {
                decoding.append("\(reference) = try container.decodeIfPresent(\(type.dropLast()).self, forKey: .\(property.name))")
                encoding.append("try container.encodeIfPresent(\(reference), forKey: .\(property.name))")
            } else {
                decoding.append("\(reference) = try container.decode(\(type).self, forKey: .\(property.name))")
                encoding.append("try container.encode(\(reference), forKey: .\(property.name))")
            }
        }
        return [
            .initializer(InitializerDescription(
                doc: DocComment(["Reads a draft keyed by the columns' names in the database, as the row is."]),
                parameters: [.init(name: "decoder", type: "any Decoder", label: "from")], assignments: [],
                effects: "throws", body: decoding
            )),
            .function(FunctionDescription(
                doc: DocComment(["Writes the draft keyed by the columns' names in the database, as the row is."]),
                name: "encode", parameters: [.init(label: "to", name: "encoder", type: "any Encoder")], isAsync: false,
                body: encoding
            )),
        ]
    }

    /// `enum CodingKeys: String, CodingKey, CaseIterable`. With no cases (a table without columns)
    /// an enum can have no raw type, so the members `String` would give are written out.
    static func codingKeys(_ cases: [EnumDescription.Case], doc: DocComment = DocComment()) -> EnumDescription {
        guard cases.isEmpty else {
            // Written out rather than a `String` raw type: the compiler would synthesise
            // `init(rawValue:)` for each of these enums, and it checks synthesised bodies again
            // whenever any file of the module changes (issue 14). Bodies written here are only
            // compiled with their own file.
            let names = cases.map { item in
                "case .\(item.name): " + SwiftRenderer.literal(item.rawValue ?? (item.name.hasPrefix("`") ? String(item.name.dropFirst().dropLast()) : item.name))
            }
            return EnumDescription(
                doc: doc, name: "CodingKeys", conformances: ["CodingKey", "CaseIterable"], cases: cases.map { EnumDescription.Case(doc: $0.doc, name: $0.name) },
                members: [
                    .property(PropertyDescription(
                        doc: DocComment(["The name in the database."]), name: "stringValue", type: "String",
                        value: .identifier((["{", "    switch self {"] + names.map { "    " + $0 } + ["    }", "}"]).joined(separator: "\n")), isComputed: true
                    )),
                    .initializer(InitializerDescription(
                        parameters: [.init(name: "stringValue", type: "String")], assignments: [], isFailable: true,
                        body: ["guard let key = Self.allCases.first(where: { $0.stringValue == stringValue }) else { return nil }", "self = key"]
                    )),
                    .property(PropertyDescription(name: "intValue", type: "Int?", value: .identifier("{ nil }"), isComputed: true)),
                    .initializer(InitializerDescription(parameters: [.init(name: "intValue", type: "Int")], assignments: [], isFailable: true, body: ["nil"])),
                ].map(unoptimized)
            )
        }
        func never(_ name: String, _ type: String) -> Declaration {
            .property(PropertyDescription(name: name, type: type, value: .identifier("{ switch self {} }"), isComputed: true))
        }
        return EnumDescription(
            doc: DocComment(doc.lines + (doc.isEmpty ? [] : [""]) + ["The table has no columns: there is no key."]),
            name: "CodingKeys", conformances: ["CodingKey", "CaseIterable", "Hashable"], cases: [],
            members: [
                .initializer(InitializerDescription(parameters: [.init(name: "stringValue", type: "String")], assignments: [], isFailable: true, body: ["nil"])),
                .initializer(InitializerDescription(parameters: [.init(name: "intValue", type: "Int")], assignments: [], isFailable: true, body: ["nil"])),
                never("stringValue", "String"),
                .property(PropertyDescription(name: "intValue", type: "Int?", value: .identifier("{ nil }"), isComputed: true)),
            ]
        )
    }

    private func isComposite(_ type: ColumnType) -> Bool {
        guard let name = type.qualifiedName else { return false }
        if schema.composite(name) != nil { return true }
        if let domain = schema.domain(name) { return isComposite(domain.baseType) }
        return false
    }

    static func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    /// How a body refers to a property: by its name, or as `self.name` when the name is a
    /// keyword (escaped) or one of the body's own local or parameter names, which would hide it.
    static func reference(_ property: String, locals: Set<String>) -> String {
        property.hasPrefix("`") || locals.contains(property) ? "self." + property : property
    }

    /// `"public"."saas_clients"`
    static func quotedName(_ name: QualifiedName) -> String {
        quote(name.schema) + "." + quote(name.name)
    }

    static func quote(_ identifier: String) -> String {
        guard identifier.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + identifier + "\"" }
        return "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The Swift expression that binds a property: JSON for user types in jsonb columns, the
    /// value's own text form otherwise.
    static func bindExpression(_ info: ColumnInfo, optional: Bool, name: String? = nil) -> String {
        let property = name ?? info.property
        let isJSONColumn = ["json", "jsonb"].contains(info.column.type.name) && info.column.type.qualifiedName == nil
        if info.viaJSON, isJSONColumn { return "PGBind.json(\(property))" }
        return "\(property).pgBind"
    }

    /// Whether two names are the same bytes: Swift's `==` also equates canonically equivalent text
    /// (`é` and `e` + combining acute), which PostgreSQL keeps apart.
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        first.utf8.elementsEqual(second.utf8)
    }

    private func bareName(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    /// The column's Swift type, or a diagnostic that names the column and the override that fixes it.
    private mutating func columnType(_ column: Column, in owner: some CustomStringConvertible, override: String?) -> String? {
        if let override {
            var result = override
            for _ in 0..<column.type.arrayDimensions where !override.hasPrefix("[") { result = "[\(result)]" }
            return override.hasPrefix("[") ? override : result
        }
        if let type = mapping.swiftType(for: column.type) { return type }
        diagnostics.append(Diagnostic(
            .error, "column \(owner).\(column.name) has type \(column.type), which has no Swift type",
            at: column.provenance.created,
            note: "give it one in pg-codegen.json beside the migrations: {\"types\": {\"\(column.type.element)\": \"String\"}} for every column of that type, or {\"tables\": {\"\(owner)\": {\"columns\": {\"\(column.name)\": {\"type\": \"YourType\"}}}}} for this column"
        ))
        return nil
    }

    // MARK: - Enums and composite types

    private func enumDeclaration(_ enumType: EnumType) -> Declaration {
        var used: Set<String> = []
        let cases = enumType.labels.map { label -> EnumDescription.Case in
            let proposed = Naming.caseName(label)
            var name = proposed
            var number = 2
            while used.contains(name) {
                name = "\(proposed.hasPrefix("`") ? String(proposed.dropFirst().dropLast()) : proposed)\(number)"
                number += 1
            }
            used.insert(name)
            return EnumDescription.Case(name: name, rawValue: Self.sameBytes(bareName(name), label) ? nil : label)
        }
        var doc = Self.commentLines(enumType.comment)
        doc.append("The PostgreSQL enum `\(enumType.name)`; \(Self.provenanceText(enumType.provenance)).")
        return .enumeration(EnumDescription(
            doc: DocComment(doc), name: typeNames[enumType.name]!,
            conformances: ["String", "Codable", "CaseIterable", "Hashable", "Sendable", "PGEnum"], cases: cases
        ))
    }

    private mutating func compositeDeclaration(_ composite: CompositeType) -> Declaration {
        let names = propertyNames(composite.attributes, tableConfig: nil, owner: composite.name.description)
        var properties: [Declaration] = []
        var parameters: [InitializerDescription.Parameter] = []
        var keys: [EnumDescription.Case] = []
        for (attribute, name) in zip(composite.attributes, names) {
            // Attributes of a composite value may always be NULL.
            let base = columnType(attribute, in: composite.name, override: nil) ?? "JSONValue"
            var doc = Self.commentLines(attribute.comment)
            doc.append("`\(attribute.name) \(attribute.type)`.")
            properties.append(.property(PropertyDescription(doc: DocComment(doc), name: name, type: base + "?")))
            parameters.append(.init(name: name, type: base + "?", defaultValue: .nil))
            keys.append(EnumDescription.Case(name: name, rawValue: Self.sameBytes(bareName(name), attribute.name) ? nil : attribute.name))
        }
        var doc = Self.commentLines(composite.comment)
        doc.append("The PostgreSQL composite type `\(composite.name)`; \(Self.provenanceText(composite.provenance)).")
        let literal = PropertyDescription(
            doc: DocComment(["The value as PostgreSQL's composite literal, for binding."]), name: "pgBind", type: "PGBind",
            value: .identifier("{ PGCompositeLiteral.make([\(names.map { "\($0).pgBind" }.joined(separator: ", "))]) }"), isComputed: true
        )
        return .structure(StructDescription(
            doc: DocComment(doc), name: typeNames[composite.name]!, conformances: ["Codable", "Hashable", "Sendable", "PGBindable", "PGArrayElement"],
            members: properties + [
                .property(literal),
                .initializer(InitializerDescription(parameters: parameters, assignments: names)),
            ] + (keys.isEmpty ? [] : [.enumeration(Self.codingKeys(keys))])
        ))
    }
}
