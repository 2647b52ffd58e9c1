/// Reads a type name from tokens the way the DDL parser does (aliases and multi-word forms
/// canonicalised as `format_type` prints them, modifiers, array brackets), for other readers of
/// SQL: the query analyser's casts.
public enum TypeNameReader {
    /// A type name read at `index` in `tokens`, which moves past it.
    public struct Result: Sendable, Equatable {
        public var type: ColumnType
        /// For a name that is not a built-in type: the schema as written, if any.
        public var writtenSchema: String?
        public var isBuiltin: Bool
    }

    public static func read(_ tokens: [Token], at index: inout Int, source: SourceFile) throws(Diagnostic) -> Result {
        var cursor = Cursor(StatementTokens(tokens: tokens, start: tokens.first?.start ?? 0, end: tokens.last?.end ?? 0), source: source)
        cursor.index = index
        let ref = try cursor.typeRef()
        index = cursor.index
        return Result(type: ref.type, writtenSchema: ref.writtenSchema, isBuiltin: ref.isBuiltin)
    }
}

extension Token {
    /// A token made by another reader of SQL (the query files' parameter rewriting).
    public static func synthesized(_ kind: Kind, _ value: String, start: Int, end: Int) -> Token {
        Token(kind: kind, value: value, start: start, end: end)
    }
}
