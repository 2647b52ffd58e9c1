/// The storage behind the rows of one result: a database driver (PGClient over libpq, or an
/// adapter over another client) implements it, and ``PGRow`` reads from it without copying.
public protocol PGResultStorage: AnyObject, Sendable {
    var rowCount: Int { get }
    var columnCount: Int { get }
    func columnName(_ column: Int) -> String
    /// The PostgreSQL type OID of a column.
    func columnType(_ column: Int) -> UInt32
    /// The text-format bytes of a value, or `nil` for SQL `NULL`. Valid while the storage lives.
    func withValue<R>(row: Int, column: Int, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R
}

/// One row of a result, with typed access by column index or name.
public struct PGRow: Sendable {
    public let storage: any PGResultStorage
    public let index: Int

    public init(storage: any PGResultStorage, index: Int) {
        self.storage = storage
        self.index = index
    }

    public var columnCount: Int { storage.columnCount }

    /// The value as text, or `nil` for SQL `NULL`.
    public subscript(column: Int) -> String? {
        storage.withValue(row: index, column: column) { bytes in
            bytes.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The value as text by column name, or `nil` for SQL `NULL` or an unknown column.
    public subscript(name: String) -> String? {
        guard let column = columnIndex(named: name) else { return nil }
        return self[column]
    }

    public func columnIndex(named name: String) -> Int? {
        (0..<storage.columnCount).first { storage.columnName($0) == name }
    }

    /// Decodes the value at `column` as `T`; a `NULL` decodes only into an `Optional`.
    public func decode<T: PGDecodable>(_ type: T.Type = T.self, at column: Int) throws(PGDecodingError) -> T {
        guard column >= 0, column < storage.columnCount else {
            throw PGDecodingError(column: "#\(column)", typeOID: 0, text: nil, reason: "the row has \(storage.columnCount) columns")
        }
        let result = storage.withValue(row: index, column: column) { bytes in
            Result { () throws(PGDecodingFailure) in try T.decode(pgText: bytes) }
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let failure):
            throw PGDecodingError(
                column: storage.columnName(column), typeOID: storage.columnType(column),
                text: self[column].map { String($0.prefix(200)) }, reason: failure.reason
            )
        }
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
    public let storage: any PGResultStorage

    public init(storage: any PGResultStorage) {
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }
    public subscript(position: Int) -> PGRow { PGRow(storage: storage, index: position) }

    public var columnNames: [String] { (0..<storage.columnCount).map(storage.columnName) }
}
