import Foundation
import PGCatalog
import PGSettings
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection through libpq loaded at run time (`dlopen`), so that `pg-codegen` links no system
/// library: a user who never calls `verify` needs no libpq at all (the build plugins run
/// `pg-codegen-generate`, which has no `verify`).
///
/// Only the dozen functions a catalog query needs are looked up (`PQconnectdb`, `PQexec`, …).
/// The simple-query protocol returns every value as text, which is what `CatalogSource` wants.
final class LibPQConnection: CatalogSource {
    private typealias ConnectFunction = @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias StatusFunction = @convention(c) (OpaquePointer?) -> Int32
    private typealias MessageFunction = @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    private typealias ExecFunction = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias CellFlagFunction = @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    private typealias CellValueFunction = @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    private typealias FreeFunction = @convention(c) (OpaquePointer?) -> Void

    private struct Functions {
        var connect: ConnectFunction
        var status: StatusFunction
        var errorMessage: MessageFunction
        var exec: ExecFunction
        var resultStatus: StatusFunction
        var tupleCount: StatusFunction
        var fieldCount: StatusFunction
        var isNull: CellFlagFunction
        var value: CellValueFunction
        var clear: FreeFunction
        var finish: FreeFunction
        var resultErrorMessage: MessageFunction
    }

    /// The names tried, in order, by `dlopen`.
    static var libraryNames: [String] {
        #if os(macOS)
        ["libpq.5.dylib", "/opt/homebrew/opt/libpq/lib/libpq.5.dylib", "/usr/local/opt/libpq/lib/libpq.5.dylib", "libpq.dylib"]
        #else
        ["libpq.so.5", "libpq.so"]
        #endif
    }

    private static let connectionOK: Int32 = 0
    private static let commandOK: Int32 = 1
    private static let tuplesOK: Int32 = 2

    private let functions: Functions
    private var connection: OpaquePointer?
    private let password: String?

    /// Connects with the settings libpq takes (`PGConfig.libpqParameters`: tool options such as
    /// `x-migrations-table` are not among them). `libraries` are the names or paths given to
    /// `dlopen`, tried in order.
    init(config: PGConfig, libraries: [String] = LibPQConnection.libraryNames) throws(VerifyError) {
        functions = try Self.load(libraries)
        password = config.password
        let connection = Self.conninfo(config).withCString { functions.connect($0) }
        guard let connection, functions.status(connection) == Self.connectionOK else {
            let message = connection.map { String(cString: functions.errorMessage($0)!) } ?? "out of memory"
            if let connection { functions.finish(connection) }
            // `config.description` shows the password as `***`.
            throw VerifyError("cannot connect to \(config): \(Self.scrub(message, config.password))")
        }
        self.connection = connection
    }

    deinit {
        if let connection { functions.finish(connection) }
    }

    func rows(_ sql: String) throws -> [[String?]] {
        guard let connection else { throw VerifyError("the connection is closed") }
        guard let result = sql.withCString({ functions.exec(connection, $0) }) else {
            throw VerifyError(Self.scrub(String(cString: functions.errorMessage(connection)!), password))
        }
        defer { functions.clear(result) }
        let status = functions.resultStatus(result)
        guard status == Self.tuplesOK || status == Self.commandOK else {
            throw VerifyError(Self.scrub(String(cString: functions.resultErrorMessage(result)!), password))
        }
        let rowCount = functions.tupleCount(result)
        let columnCount = functions.fieldCount(result)
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if functions.isNull(result, row, column) != 0 {
                    values.append(nil)
                } else {
                    values.append(functions.value(result, row, column).map { String(cString: $0) } ?? "")
                }
            }
            rows.append(values)
        }
        return rows
    }

    private static func load(_ libraries: [String]) throws(VerifyError) -> Functions {
        var handle: UnsafeMutableRawPointer?
        for name in libraries {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle else {
            #if os(macOS)
            let install = "install it with `brew install libpq`"
            #else
            let install = "install it with `apt-get install libpq5` (Debian, Ubuntu) or `dnf install libpq` (Fedora, RHEL)"
            #endif
            throw VerifyError("pg-codegen verify needs PostgreSQL's client library libpq (\(libraries.joined(separator: ", "))), which cannot be loaded: \(install)")
        }
        func symbol<T>(_ name: String, _ type: T.Type) throws(VerifyError) -> T {
            guard let pointer = dlsym(handle, name) else { throw VerifyError("libpq has no function \(name): it is too old or not libpq") }
            return unsafeBitCast(pointer, to: type)
        }
        return Functions(
            connect: try symbol("PQconnectdb", ConnectFunction.self),
            status: try symbol("PQstatus", StatusFunction.self),
            errorMessage: try symbol("PQerrorMessage", MessageFunction.self),
            exec: try symbol("PQexec", ExecFunction.self),
            resultStatus: try symbol("PQresultStatus", StatusFunction.self),
            tupleCount: try symbol("PQntuples", StatusFunction.self),
            fieldCount: try symbol("PQnfields", StatusFunction.self),
            isNull: try symbol("PQgetisnull", CellFlagFunction.self),
            value: try symbol("PQgetvalue", CellValueFunction.self),
            clear: try symbol("PQclear", FreeFunction.self),
            finish: try symbol("PQfinish", FreeFunction.self),
            resultErrorMessage: try symbol("PQresultErrorMessage", MessageFunction.self)
        )
    }

    /// `host='…' port='…' …`, each value quoted as libpq's conninfo strings want it.
    /// Text comes back as UTF-8 whatever the database's encoding, unless the URL says otherwise.
    static func conninfo(_ config: PGConfig) -> String {
        var parameters = config.libpqParameters
        if !parameters.contains(where: { $0.keyword == "client_encoding" }) { parameters.append(("client_encoding", "UTF8")) }
        return parameters.map { parameter in
            let value = parameter.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return "\(parameter.keyword)='\(value)'"
        }.joined(separator: " ")
    }

    /// libpq's message, trimmed, with the password (should it ever appear) replaced by `***`.
    static func scrub(_ message: String, _ password: String?) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let password, !password.isEmpty { text = text.replacingOccurrences(of: password, with: "***") }
        return text
    }
}
