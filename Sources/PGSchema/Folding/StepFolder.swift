/// The fold, one statement at a time, for tools that need the schema as it stands before each
/// statement (`migrate lint`): a thin public face of the internal folder.
///
/// A value type: copying it (to fold a down file on top of an up file and compare) is cheap.
public struct StepFolder: Sendable {
    var folder: Folder

    /// A fold whose schema starts with golang-migrate's version table, as ``SchemaLoader`` folds.
    public init(migrationsTable: String = SchemaLoader.defaultMigrationsTable) {
        folder = Folder(migrationsTable: migrationsTable)
    }

    /// The schema so far (golang-migrate's version table among its tables).
    public var schema: Schema { folder.schema }

    /// Every diagnostic of the fold so far.
    public var diagnostics: [Diagnostic] { folder.diagnostics }

    public mutating func apply(_ statement: LocatedStatement) { folder.apply(statement) }

    /// The statement with its unqualified names qualified by the `search_path` the migrations
    /// set, as the fold reads it (unchanged with the default path).
    public func qualified(_ statement: LocatedStatement) -> LocatedStatement {
        guard !folder.hasDefaultSearchPath else { return statement }
        var copy = folder
        return copy.qualifiedBySearchPath(statement) ?? statement
    }

    /// What happens at the end of a file (a `SET LOCAL search_path` ends).
    public mutating func endOfFile() { folder.endOfFile() }

    /// Lexes and parses one file, keeping each statement's tokens beside it: `tokens` is `nil` for
    /// a statement that an annotation comment supplies.
    public static func parse(_ source: SourceFile) -> (statements: [(statement: LocatedStatement, tokens: StatementTokens?)], lexed: LexedFile, diagnostics: [Diagnostic]) {
        let lexed = Lexer.lex(source)
        let (statements, diagnostics) = Parser.parse(lexed)
        var byStart: [SourceLocation: StatementTokens] = [:]
        for tokens in lexed.statements { byStart[source.location(of: tokens.start)] = tokens }
        return (statements.map { ($0, byStart[$0.location]) }, lexed, diagnostics)
    }
}
