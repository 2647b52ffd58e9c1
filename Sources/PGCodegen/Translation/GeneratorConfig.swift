import Foundation
import PGSchema

/// The optional `pg-codegen.json` beside a module's migrations: renames and type overrides.
///
/// ```json
/// {
///   "tables": {
///     "saas_knowledge_base": {
///       "name": "KnowledgeEntry",
///       "columns": { "content": { "type": "KnowledgeContent" }, "plain_text": { "name": "text" } }
///     }
///   },
///   "types": { "citext": "String" },
///   "imports": ["AppTypes"],
///   "migrationsTable": { "name": "schema_migrations", "model": false }
/// }
/// ```
///
/// `tables.<table>.name` renames a table's struct; `columns.<column>.name` a property;
/// `columns.<column>.type` gives a column a Swift type of the user's (it must be `Codable`,
/// `Hashable` and `Sendable`); `columns.<column>.omit` leaves a column out of the model and its
/// SELECT list (`true`) or keeps a `tsvector` column in it (`false`: they are left out by default); `types` maps a PostgreSQL type, by name, to a Swift type for every
/// column of that type; `imports` are modules the generated files import for those types.
/// `migrationsTable.name` is golang-migrate's version table when the URL sets `x-migrations-table`
/// (it exists before the first migration); `migrationsTable.model: true` generates a model for it.
///
/// A large schema can be split into several model targets of one package, each applying the plugin
/// to the same migrations with a `pg-codegen.json` of its own, so that an edited table rebuilds
/// only its target (issue 14):
///
/// ```json
/// { "include": ["billing_*", "audit.events"], "typesModule": "CoreModels", "embedMigrations": false }
/// ```
///
/// `include` lists the tables and views this target models (`*` matches any run of characters; a
/// pattern with a `.` also matches `schema.name`); all of them when absent, none when empty.
/// `exclude` leaves out those that match. `typesModule` names the target whose generated enums and
/// composite types this one uses: it imports that module and generates none of its own.
/// `embedMigrations: false` leaves `<Module>Migrations` out (one target embedding them is enough).
/// `mutableRows: false` makes a row's properties `let`s, which each target's rebuild compiles
/// faster; a row is then changed with `update(…, set: [.name("New")], on:)`.
/// Names are chosen over the whole schema, so every target calls a table or type the same.
public struct GeneratorConfig: Codable, Sendable, Equatable {
    public struct TableConfig: Codable, Sendable, Equatable {
        public var name: String?
        public var columns: [String: ColumnConfig]?

        public init(name: String? = nil, columns: [String: ColumnConfig]? = nil) {
            self.name = name
            self.columns = columns
        }
    }

    public struct ColumnConfig: Codable, Sendable, Equatable {
        public var name: String?
        public var type: String?
        /// Leaves the column out of the model and its SELECT list (`true`), or keeps a `tsvector`
        /// in it (`false`; a `tsvector` is left out by default).
        public var omit: Bool?

        public init(name: String? = nil, type: String? = nil, omit: Bool? = nil) {
            self.name = name
            self.type = type
            self.omit = omit
        }
    }

    public struct MigrationsTableConfig: Codable, Sendable, Equatable {
        public var name: String?
        public var model: Bool?

        public init(name: String? = nil, model: Bool? = nil) {
            self.name = name
            self.model = model
        }
    }

    public var tables: [String: TableConfig]?
    public var types: [String: String]?
    public var imports: [String]?
    public var migrationsTable: MigrationsTableConfig?
    /// The tables and views this module models (patterns); all when `nil`.
    public var include: [String]?
    /// Tables and views left out (patterns).
    public var exclude: [String]?
    /// The module whose enums and composite types this one imports instead of generating.
    public var typesModule: String?
    /// Whether `Versions.swift` embeds the migrations; `true` when `nil`.
    public var embedMigrations: Bool?
    /// Whether a row's properties are `var`s; `true` when `nil`. With `false` they are `let`s: a
    /// row is a read-only value, and the compiler's interface step, which every rebuild runs over
    /// the whole module, has a third fewer accessors to make (a 100-table module rebuilds about
    /// 0.8 s faster, issue 14). A row is then changed in the database with the
    /// typed changes of `update(…, set: [.name("New")], on:)`, or by building a new row.
    public var mutableRows: Bool?

    public init(tables: [String: TableConfig]? = nil, types: [String: String]? = nil, imports: [String]? = nil) {
        self.tables = tables
        self.types = types
        self.imports = imports
    }

    /// Whether this module models the table or view `name` (`include` and `exclude`).
    public func models(_ name: QualifiedName) -> Bool {
        let matches = { (pattern: String) in Self.matches(pattern, name) }
        return (include.map { $0.contains(where: matches) } ?? true) && !(exclude ?? []).contains(where: matches)
    }

    /// Whether `pattern` matches the bare name, or, when it has a `.`, `schema.name`.
    static func matches(_ pattern: String, _ name: QualifiedName) -> Bool {
        // By Unicode scalars: PostgreSQL takes `é` and `e` + a combining accent for two names.
        let scalars = Array(pattern.unicodeScalars)
        return glob(scalars, Array(name.name.unicodeScalars))
            || (pattern.contains(".") && glob(scalars, Array("\(name.schema).\(name.name)".unicodeScalars)))
    }

    /// `*` matches any run of characters, everything else itself.
    static func glob(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        // Classic two-pointer matching with backtracking to the last `*`.
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] != "*", pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// The modules the generated files import besides Foundation and PGRecord.
    var allImports: [String] {
        var modules = imports ?? []
        if let typesModule, !modules.contains(typesModule) { modules.append(typesModule) }
        return modules
    }

    /// Reads a config file; a problem is a diagnostic at the file.
    public static func load(path: String) throws(Diagnostic) -> GeneratorConfig {
        try loadWithUnknownKeys(path: path).config
    }

    /// Reads a config file, and names its top-level keys that the generator does not know
    /// (`"includes"` for `"include"`), which JSON decoding would pass over in silence.
    public static func loadWithUnknownKeys(path: String) throws(Diagnostic) -> (config: GeneratorConfig, unknownKeys: [String]) {
        let location = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.error, "cannot read the generator config", at: location)
        }
        do {
            let config = try JSONDecoder().decode(GeneratorConfig.self, from: data)
            let known: Set<String> = ["tables", "types", "imports", "migrationsTable", "include", "exclude", "typesModule", "embedMigrations", "mutableRows"]
            let keys = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?.keys.filter { !known.contains($0) } ?? []
            return (config, keys.sorted())
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Diagnostic(.error, "invalid generator config at \(path.isEmpty ? "the top level" : path): \(context.debugDescription)", at: location)
        } catch {
            throw Diagnostic(.error, "the generator config is not valid JSON: \(error.localizedDescription)", at: location)
        }
    }
}
