import PGSchema

/// Compares what the analyser inferred for a query with what PostgreSQL describes for it
/// (`PQdescribePrepared`, type names as `format_type` prints them without modifiers): the check
/// that `pg-codegen check-queries` and the oracle tests run.
public enum QueryComparison {
    /// Readable differences, empty when the two agree: result columns by name and type, parameters by type.
    public static func differences(_ query: AnalyzedQuery, parameterTypes: [String], columns: [(name: String, type: String)]) -> [String] {
        var lines: [String] = []
        let ours = query.columns.map { ($0.name, plainTypeName($0.type)) }
        if ours.count != columns.count {
            lines.append("PostgreSQL returns \(columns.count) columns, the analyser \(ours.count)")
        }
        for (index, (server, mine)) in zip(columns, ours).enumerated() where server.name != mine.0 || server.type != mine.1 {
            lines.append("column \(index + 1): PostgreSQL \(server.name) \(server.type), analyser \(mine.0) \(mine.1)")
        }
        let mineParameters = query.parameters.map { plainTypeName($0.type) }
        if mineParameters.count != parameterTypes.count {
            lines.append("PostgreSQL takes \(parameterTypes.count) parameters, the analyser \(mineParameters.count)")
        }
        for (index, (server, mine)) in zip(parameterTypes, mineParameters).enumerated() where server != mine {
            lines.append("parameter $\(index + 1): PostgreSQL \(server), analyser \(mine)")
        }
        return lines
    }

    /// `character varying` for `varchar(20)`, `text[]`, a user type as `format_type` names it.
    public static func plainTypeName(_ type: ColumnType) -> String {
        SQLTypes.plain(type).description
    }
}
