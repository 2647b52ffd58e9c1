/// Where the batches of a streamed statement come from: a driver implements it.
///
/// The statement starts with the first call of ``next()``. A source released before it returned
/// `nil` (a `for` loop left early) stops the statement on the server.
public protocol PGRowBatchSource: AnyObject, Sendable {
    /// The next batch of rows, or `nil` after the last.
    func next() async throws -> PGRows?
}

/// The rows of one statement in batches, read from the server while they are used; see
/// ``PGExecutor/streamBatches(_:_:)``.
public struct PGRowBatches: AsyncSequence, Sendable {
    public typealias Element = PGRows
    public typealias Failure = any Error

    private let start: @Sendable () -> any PGRowBatchSource

    /// `start` is called once per iteration, and makes the source that runs the statement.
    public init(_ start: @escaping @Sendable () -> any PGRowBatchSource) {
        self.start = start
    }

    public func makeSource() -> any PGRowBatchSource { start() }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(source: start()) }

    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        let source: any PGRowBatchSource

        public mutating func next() async throws -> PGRows? { try await source.next() }
    }
}

/// The decoded rows of one statement, read from the server as the loop asks for them: memory stays
/// bounded by a few batches, whatever the number of rows. Leaving the loop early cancels the rest
/// of the statement on the server (inside a transaction, the statement runs in a savepoint so the
/// transaction goes on).
public struct PGRowStream<Row: PGRowDecodable>: AsyncSequence, Sendable {
    public typealias Element = Row
    public typealias Failure = any Error

    let batches: PGRowBatches

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(source: batches.makeSource())
    }

    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        let source: any PGRowBatchSource
        var batch: PGRows?
        var index = 0

        public mutating func next() async throws -> Row? {
            while true {
                if let batch, index < batch.count {
                    defer { index += 1 }
                    return try Row(row: batch[index])
                }
                guard let next = try await source.next() else {
                    batch = nil
                    return nil
                }
                batch = next
                index = 0
            }
        }
    }
}

extension PGQuery {
    /// The query's rows, decoded one at a time while they arrive, in bounded memory: for results
    /// too large for ``fetchAll(_:on:)``. Breaking out of the loop cancels the rest of the query.
    ///
    /// ```swift
    /// for try await client in SaasClient.SQL.all.stream(on: pool) { … }
    /// ```
    public func stream(_ binds: [PGBind] = [], on db: some PGExecutor) throws -> PGRowStream<Row> {
        try PGBind.check(binds)
        return PGRowStream(batches: db.streamBatches(sql, binds))
    }
}
