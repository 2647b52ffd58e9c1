/// What every generated table model says about its table.
public protocol PGTable: Codable, Sendable {
    /// The table's name in the database (`saas_clients`).
    static var tableName: String { get }
    /// The table's schema (`public`).
    static var schemaName: String { get }
    /// The model's columns in table order, as the database names them (a column left out of the
    /// model, a `tsvector` by default, is not here).
    static var columnNames: [String] { get }
    /// The primary key's columns; empty when the table has none.
    static var primaryKey: [String] { get }
}
