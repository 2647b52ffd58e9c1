/// A generated model of a table or view that can be read whole: it gets ``fetchAll(orderBy:descending:limit:offset:on:)``
/// and ``count(on:)``.
///
/// The helpers are written once here rather than once per table in the generated code: a model
/// says only where its rows come from and which columns it reads. Code of your own can be generic
/// over it (`func export<T: PGSelectable & Encodable>(_: T.Type, on db: some PGExecutor)`).
public protocol PGSelectable: PGRowDecodable {
    /// The columns a caller can order by: the model's `CodingKeys`, whose `stringValue` is the
    /// column's name in the database.
    associatedtype Column: CodingKey
    /// The table or view as statements name it, schema-qualified and quoted (`"public"."saas_clients"`).
    static var relationName: String { get }
    /// The select list that `init(row:)` reads, in its order (`"id", "name", …`).
    static var selectList: String { get }
}

extension PGSelectable {
    /// All rows, optionally ordered by a column and paged (`LIMIT`/`OFFSET`).
    public static func fetchAll(
        orderBy column: Column? = nil,
        descending: Bool = false,
        limit: Int? = nil,
        offset: Int = 0,
        on db: some PGExecutor
    ) async throws -> [Self] {
        try await PGTableHelpers.fetchAll(
            "SELECT \(selectList) FROM \(relationName)", orderBy: column?.stringValue, descending: descending,
            limit: limit, offset: offset, on: db
        )
    }

    /// The number of rows.
    public static func count(on db: some PGExecutor) async throws -> Int {
        try await PGQuery<Int>("SELECT count(*) FROM \(relationName)").fetchOne(on: db) ?? 0
    }
}

/// The values of a new row: a generated model's `Draft`.
public protocol PGDraft: Sendable {
    /// The columns this draft sets and their values; a column it leaves to the database is not here.
    var pgValues: [(column: String, value: PGBind)] { get }
}

/// A generated model of a table, which gets ``insert(_:on:)->Self``, ``insert(_:on:)->[Self]``
/// and ``insertMany(_:on:)``.
public protocol PGInsertable: PGSelectable {
    /// The model's draft: the values of a new row.
    associatedtype Draft: PGDraft
    /// The types that inserting many rows casts each writable column's values to, by column name
    /// (see ``PGTableHelpers/insertMany(into:_:types:atomic:on:)``).
    static var insertTypes: [String: String] { get }
}

extension PGInsertable {
    /// Inserts a row and returns it as stored, with what the database filled in.
    @discardableResult
    public static func insert(_ draft: Draft, on db: some PGExecutor) async throws -> Self {
        try await PGTableHelpers.insert(into: relationName, draft.pgValues, returning: selectList, on: db)
    }

    /// Inserts rows, many to a statement, and returns them as stored, in the order given: all of
    /// them or none.
    @discardableResult
    public static func insert(_ drafts: [Draft], on db: some PGExecutor) async throws -> [Self] {
        try await PGTableHelpers.insertMany(
            into: relationName, drafts.map { $0.pgValues }, types: insertTypes, returning: selectList, on: db
        )
    }

    /// Inserts rows like ``insert(_:on:)->[Self]`` without reading them back: the fastest way
    /// to load many rows. Returns how many were inserted.
    @discardableResult
    public static func insertMany(_ drafts: [Draft], on db: some PGExecutor) async throws -> Int {
        try await PGTableHelpers.insertMany(into: relationName, drafts.map { $0.pgValues }, types: insertTypes, on: db)
    }
}
