import ArgumentParser
import Foundation
import PGCatalog
import PGCodegen
import PGQueries
import PGSchema
import PGSettings
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `pg-codegen check-queries`: the analyser's types against a real database's `Describe`.
struct CheckQueries: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-queries",
        abstract: "Compare the types inferred for a module's queries with what PostgreSQL describes for them.",
        discussion: """
            Folds the migrations, analyses the query files as `generate --queries` does, then prepares \
            each query on the database (libpq's PQprepare and PQdescribePrepared; nothing is run) and \
            compares PostgreSQL's parameter and result column types with the inferred ones. The \
            database must be migrated to the migrations' latest version. The database comes from \
            --database, else DATABASE_URL, else .env, as for verify.

            Exit status: 0 when every query agrees, 1 when some differ (one block each), 2 when the \
            check cannot run (queries that do not analyse, no database, no libpq).
            """
    )

    @Option(help: ArgumentHelp("The module's migrations folder.", valueName: "dir"))
    var migrations: String

    @Option(help: ArgumentHelp("The module's query files.", valueName: "dir"))
    var queries: String

    @Option(help: ArgumentHelp("postgresql://user:password@host:port/database (default: DATABASE_URL, else .env).", valueName: "url"))
    var database: String?

    func run() throws {
        let folded = SchemaLoader.load(migrations: GenerateRun.editablePath(migrations))
        let analysed = folded.hasErrors ? nil : QueryAnalyzer.analyze(directory: GenerateRun.editablePath(queries), schema: folded.schema)
        let diagnostics = folded.diagnostics + (analysed?.diagnostics ?? [])
        for diagnostic in diagnostics where diagnostic.severity == .error {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard let analysed, !analysed.hasErrors else { throw ExitCode(2) }
        let describer: QueryDescriber
        do {
            let config: PGConfig
            if let database {
                config = try PGConfig(url: database)
            } else if let (environment, _) = try PGConfig.fromEnvironment() {
                config = environment
            } else {
                throw VerifyError("no database configured: pass --database URL, set DATABASE_URL, or put DATABASE_URL in a .env file here")
            }
            let library = ProcessInfo.processInfo.environment["PG_CODEGEN_LIBPQ"].flatMap { $0.isEmpty ? nil : [$0] }
            describer = try QueryDescriber(config: config, libraries: library ?? LibPQConnection.libraryNames)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var differing = 0
        for query in analysed.queries {
            var lines: [String]
            do {
                let description = try describer.describe(query.sql)
                lines = QueryComparison.differences(query, parameterTypes: description.parameters, columns: description.columns)
            } catch {
                lines = ["PostgreSQL refuses it: \(error)"]
            }
            guard !lines.isEmpty else { continue }
            differing += 1
            print("\(query.location): \(query.name):")
            for line in lines { print("    " + line) }
        }
        print("\(analysed.queries.count - differing) of \(analysed.queries.count) queries agree with the database")
        if differing > 0 { throw ExitCode.failure }
    }
}

/// Prepares statements through libpq loaded at run time and reads their description.
final class QueryDescriber {
    private typealias Connect = @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias IntOf = @convention(c) (OpaquePointer?) -> Int32
    private typealias Message = @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    private typealias Prepare = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<UInt32>?) -> OpaquePointer?
    private typealias Describe = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias Exec = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias TypeAt = @convention(c) (OpaquePointer?, Int32) -> UInt32
    private typealias NameAt = @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>?
    private typealias Cell = @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    private typealias Free = @convention(c) (OpaquePointer?) -> Void

    private let connectionPointer: OpaquePointer
    private let status: IntOf
    private let errorMessage: Message
    private let prepare: Prepare
    private let describePrepared: Describe
    private let exec: Exec
    private let resultStatus: IntOf
    private let resultError: Message
    private let parameterCount: IntOf
    private let parameterType: TypeAt
    private let fieldCount: IntOf
    private let fieldName: NameAt
    private let fieldType: TypeAt
    private let tupleCount: IntOf
    private let value: Cell
    private let clear: Free
    private let finish: Free
    private var typeNames: [UInt32: String] = [:]

    init(config: PGConfig, libraries: [String]) throws(VerifyError) {
        guard let handle = libraries.lazy.compactMap({ dlopen($0, RTLD_NOW) }).first else {
            throw VerifyError("cannot load libpq (tried \(libraries.joined(separator: ", "))): install libpq5, or set PG_CODEGEN_LIBPQ")
        }
        func symbol<T>(_ name: String, _ type: T.Type) throws(VerifyError) -> T {
            guard let pointer = dlsym(handle, name) else { throw VerifyError("libpq has no function \(name)") }
            return unsafeBitCast(pointer, to: type)
        }
        let connect = try symbol("PQconnectdb", Connect.self)
        status = try symbol("PQstatus", IntOf.self)
        errorMessage = try symbol("PQerrorMessage", Message.self)
        prepare = try symbol("PQprepare", Prepare.self)
        describePrepared = try symbol("PQdescribePrepared", Describe.self)
        exec = try symbol("PQexec", Exec.self)
        resultStatus = try symbol("PQresultStatus", IntOf.self)
        resultError = try symbol("PQresultErrorMessage", Message.self)
        parameterCount = try symbol("PQnparams", IntOf.self)
        parameterType = try symbol("PQparamtype", TypeAt.self)
        fieldCount = try symbol("PQnfields", IntOf.self)
        fieldName = try symbol("PQfname", NameAt.self)
        fieldType = try symbol("PQftype", TypeAt.self)
        tupleCount = try symbol("PQntuples", IntOf.self)
        value = try symbol("PQgetvalue", Cell.self)
        clear = try symbol("PQclear", Free.self)
        finish = try symbol("PQfinish", Free.self)
        let connection = LibPQConnection.conninfo(config).withCString { connect($0) }
        let statusOf = status, messageOf = errorMessage, close = finish
        guard let connection, statusOf(connection) == 0 else {
            let message = connection.map { String(cString: messageOf($0)!) } ?? "out of memory"
            if let connection { close(connection) }
            throw VerifyError("cannot connect to \(config): \(LibPQConnection.scrub(message, config.password))")
        }
        connectionPointer = connection
    }

    deinit {
        finish(connectionPointer)
    }

    /// Parameter type names and result columns (name, type name) of a statement.
    func describe(_ sql: String) throws(VerifyError) -> (parameters: [String], columns: [(name: String, type: String)]) {
        let prepared = sql.withCString { prepare(connectionPointer, "", $0, 0, nil) }
        try check(prepared, expect: 1)
        clear(prepared)
        let described = describePrepared(connectionPointer, "")
        try check(described, expect: 1)
        defer { clear(described) }
        let parameters = (0..<parameterCount(described)).map { parameterType(described, $0) }
        let columns = (0..<fieldCount(described)).map { (String(cString: fieldName(described, $0)!), fieldType(described, $0)) }
        var parameterNames: [String] = []
        for oid in parameters { parameterNames.append(try typeName(oid)) }
        var columnTypes: [(name: String, type: String)] = []
        for (name, oid) in columns { columnTypes.append((name, try typeName(oid))) }
        return (parameterNames, columnTypes)
    }

    private func check(_ result: OpaquePointer?, expect: Int32) throws(VerifyError) {
        guard let result else { throw VerifyError(String(cString: errorMessage(connectionPointer)!)) }
        let code = resultStatus(result)
        guard code == expect || code == 2 else {
            let message = String(cString: resultError(result)!).trimmingCharacters(in: .whitespacesAndNewlines)
            clear(result)
            throw VerifyError(message)
        }
    }

    private func typeName(_ oid: UInt32) throws(VerifyError) -> String {
        if let known = typeNames[oid] { return known }
        let result = "SELECT format_type(\(oid), NULL)".withCString { exec(connectionPointer, $0) }
        try check(result, expect: 2)
        defer { clear(result) }
        let name = tupleCount(result) > 0 ? String(cString: value(result, 0, 0)!) : "oid \(oid)"
        typeNames[oid] = name
        return name
    }
}
