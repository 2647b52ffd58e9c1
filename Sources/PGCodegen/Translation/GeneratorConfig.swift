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

    public init(tables: [String: TableConfig]? = nil, types: [String: String]? = nil, imports: [String]? = nil) {
        self.tables = tables
        self.types = types
        self.imports = imports
    }

    /// Reads a config file; a problem is a diagnostic at the file.
    public static func load(path: String) throws(Diagnostic) -> GeneratorConfig {
        let location = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.error, "cannot read the generator config", at: location)
        }
        do {
            return try JSONDecoder().decode(GeneratorConfig.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Diagnostic(.error, "invalid generator config at \(path.isEmpty ? "the top level" : path): \(context.debugDescription)", at: location)
        } catch {
            throw Diagnostic(.error, "the generator config is not valid JSON: \(error.localizedDescription)", at: location)
        }
    }
}
