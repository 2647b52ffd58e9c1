import PGRecord

/// A connection runs generated queries. The calls block the calling thread while libpq waits for
/// the server (one connection serves one statement at a time); give each task its own
/// connection, or a pool, to run statements in parallel.
extension PGConnection: PGExecutor {
    public func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
        try blockingQuery(sql, binds)
    }

    public func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
        try blockingUpdate(sql, binds)
    }

    // In a synchronous context the synchronous overloads are chosen.
    private func blockingQuery(_ sql: String, _ binds: [PGBind]) throws -> PGRows { try query(sql, binds) }
    private func blockingUpdate(_ sql: String, _ binds: [PGBind]) throws -> Int { try update(sql, binds) }
}
