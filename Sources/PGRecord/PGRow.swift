/// The storage behind the rows of one result: a database driver (PGClient over libpq, or an
/// adapter over another client) implements it, and ``PGRow`` reads from it without copying.
public protocol PGResultStorage: AnyObject, Sendable {
    var rowCount: Int { get }
    var columnCount: Int { get }
    func columnName(_ column: Int) -> String
    /// The PostgreSQL type OID of a column.
    func columnType(_ column: Int) -> UInt32
    /// The text-format bytes of a value, or `nil` for SQL `NULL`. The bytes stay valid, unchanged,
    /// for as long as the storage lives.
    func value(row: Int, column: Int) -> UnsafeRawBufferPointer?
}

/// One row of a result, with typed access by column index or name.
public struct PGRow: Sendable {
    /// The result the row belongs to.
    public let storage: any PGResultStorage
    /// The row's position in its result, from 0.
    public let index: Int

    /// The row at `index` of a result.
    public init(storage: any PGResultStorage, index: Int) {
        self.storage = storage
        self.index = index
    }

    /// How many columns the result has.
    public var columnCount: Int { storage.columnCount }

    /// The value as text, or `nil` for SQL `NULL`.
    public subscript(column: Int) -> String? {
        storage.value(row: index, column: column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The value as text by column name, or `nil` for SQL `NULL` or an unknown column.
    public subscript(name: String) -> String? {
        guard let column = columnIndex(named: name) else { return nil }
        return self[column]
    }

    /// The position of the first column called `name`, or `nil`.
    public func columnIndex(named name: String) -> Int? {
        (0..<storage.columnCount).first { storage.columnName($0) == name }
    }

    /// Decodes the value at `column` as `T`; a `NULL` decodes only into an `Optional`.
    ///
    /// Inlinable, so that a generated model's `init(row:)` calls each column's decoder directly:
    /// this runs once per value of every fetched row.
    @inlinable
    public func decode<T: PGDecodable>(_ type: T.Type = T.self, at column: Int) throws(PGDecodingError) -> T {
        guard column >= 0, column < storage.columnCount else { throw columnOutOfRange(column) }
        do {
            return try T.decode(pgText: storage.value(row: index, column: column))
        } catch {
            throw decodingError(error, at: column)
        }
    }

    @usableFromInline
    func columnOutOfRange(_ column: Int) -> PGDecodingError {
        PGDecodingError(column: "#\(column)", typeOID: 0, text: nil, reason: "the row has \(storage.columnCount) columns")
    }

    @usableFromInline
    func decodingError(_ failure: PGDecodingFailure, at column: Int) -> PGDecodingError {
        PGDecodingError(
            column: storage.columnName(column), typeOID: storage.columnType(column),
            text: self[column].map { String($0.prefix(200)) }, reason: failure.reason
        )
    }

    /// Decodes the value of the column called `name` as `T`.
    public func decode<T: PGDecodable>(_ type: T.Type = T.self, named name: String) throws(PGDecodingError) -> T {
        guard let column = columnIndex(named: name) else {
            throw PGDecodingError(column: name, typeOID: 0, text: nil, reason: "the result has no such column")
        }
        return try decode(type, at: column)
    }
}

/// The rows of one statement's result.
public struct PGRows: RandomAccessCollection, Sendable {
    /// The result the row belongs to.
    public let storage: any PGResultStorage

    /// The rows of one result.
    public init(storage: any PGResultStorage) {
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }
    public subscript(position: Int) -> PGRow { PGRow(storage: storage, index: position) }

    /// The result's column names, in order.
    public var columnNames: [String] { (0..<storage.columnCount).map(storage.columnName) }
}
