import Foundation

/// Where and how to connect: the settings libpq takes, read from a `postgres://` URL, from
/// `DATABASE_URL`, or from a `.env` file.
///
/// `description` shows the settings with the password replaced by `***`; nothing in this package
/// prints a password.
public struct PGConfig: Sendable, Equatable, CustomStringConvertible {
    public var host: String?
    public var port: Int?
    public var user: String?
    public var password: String?
    public var database: String?
    /// libpq's `sslmode` (`disable`, `prefer`, `require`, …); libpq's default (`prefer`) when `nil`.
    public var sslMode: String?
    /// Further libpq connection keywords (`connect_timeout`, `application_name`, `options`, …).
    public var parameters: [String: String]
    /// Options addressed to tools rather than to libpq: the URL query items that start with `x-`
    /// (`x-migrations-table`, `x-statement-timeout`), as golang-migrate reads them.
    public var toolOptions: [String: String]
    /// The URL's path as written (`/dbname`): golang-migrate's command line uses it, not the
    /// server's database name, as the database part of its advisory lock key.
    public var urlPath: String

    public init(
        host: String? = nil, port: Int? = nil, user: String? = nil, password: String? = nil,
        database: String? = nil, sslMode: String? = nil, parameters: [String: String] = [:],
        toolOptions: [String: String] = [:], urlPath: String? = nil
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
        self.parameters = parameters
        self.toolOptions = toolOptions
        self.urlPath = urlPath ?? database.map { "/\($0)" } ?? ""
    }

    /// Reads a `postgres://` or `postgresql://` URL:
    /// `postgresql://user:password@host:port/database?sslmode=disable&x-migrations-table=…`.
    /// Percent-encoded characters in the user, password and database are decoded.
    public init(url: String) throws(PGConfigError) {
        guard let schemeEnd = url.range(of: "://") else {
            throw PGConfigError("database URL must start with postgres:// or postgresql://")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw PGConfigError("database URL scheme '\(scheme)' is not supported; use postgres:// or postgresql://")
        }
        // The URL is never echoed in an error: it may hold a password.
        guard let components = URLComponents(string: url) else {
            throw PGConfigError(
                "database URL cannot be parsed (characters such as @ : / ? # % in the user or password must be percent-encoded)"
            )
        }
        // A user or password with an unencoded `/ ? # @` still parses, into the wrong parts: the
        // rest of the password becomes the database name, a query item or a fragment. An `@`
        // after the host, or any fragment, is such a URL; refused, and never printed.
        let afterAuthority = [components.percentEncodedPath, components.percentEncodedQuery ?? ""].joined()
        if components.fragment != nil || afterAuthority.contains("@") || (components.percentEncodedHost ?? "").contains("@") {
            throw PGConfigError(
                "database URL cannot be parsed: it has an @ or # after the host (characters such as @ : / ? # % in the user or password must be percent-encoded)"
            )
        }
        let path = components.percentEncodedPath
        var database = path.hasPrefix("/") ? String(path.dropFirst()) : path
        database = database.removingPercentEncoding ?? database
        self.init(
            host: components.host.flatMap { $0.isEmpty ? nil : $0 },
            port: components.port,
            user: components.percentEncodedUser.map { $0.removingPercentEncoding ?? $0 },
            password: components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 },
            database: database.isEmpty ? nil : database,
            urlPath: path
        )
        if let host, host.hasPrefix("["), host.hasSuffix("]") {
            self.host = String(host.dropFirst().dropLast())
        }
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case let name where name.hasPrefix("x-"): toolOptions[name] = value
            case "sslmode": sslMode = value
            case "host": host = value
            case "port":
                guard let number = Int(value) else { throw PGConfigError("database URL option port=\(value) is not a number") }
                port = number
            case "user": user = value
            case "password": password = value
            case "dbname": database = value
            default: parameters[item.name] = value
            }
        }
    }

    /// The keywords and values handed to `PQconnectdbParams`.
    ///
    /// `connect_timeout` defaults to 10 seconds, so an unreachable host fails in bounded time.
    public var libpqParameters: [(keyword: String, value: String)] {
        var result: [(String, String)] = []
        if let host { result.append(("host", host)) }
        if let port { result.append(("port", String(port))) }
        if let user { result.append(("user", user)) }
        if let password { result.append(("password", password)) }
        if let database { result.append(("dbname", database)) }
        if let sslMode { result.append(("sslmode", sslMode)) }
        var parameters = parameters
        if parameters["connect_timeout"] == nil { parameters["connect_timeout"] = "10" }
        for key in parameters.keys.sorted() { result.append((key, parameters[key]!)) }
        return result
    }

    /// The settings as a URL, with the password shown as `***`.
    public var description: String {
        var text = "postgresql://"
        if let user {
            text += percentEncode(user)
            if password != nil { text += ":***" }
            text += "@"
        }
        if let host { text += host.contains(":") ? "[\(host)]" : (host.hasPrefix("/") ? "" : host) }
        if let port { text += ":\(port)" }
        text += "/" + (database.map(percentEncode) ?? "")
        var query: [String] = []
        if let host, host.hasPrefix("/") { query.append("host=\(host)") }
        if let sslMode { query.append("sslmode=\(sslMode)") }
        // Values are shown only for settings known to hold none of a secret; any other (a
        // mistyped `Password=`, `sslpassword=`, an option unknown here) shows its name only.
        for key in parameters.keys.sorted() { query.append(Self.shown(key, parameters[key]!)) }
        for key in toolOptions.keys.sorted() { query.append(Self.shown(key, toolOptions[key]!)) }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }

    /// The libpq settings and tool options whose values are safe to print.
    static let harmlessKeys: Set<String> = [
        "connect_timeout", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
        "keepalives_interval", "keepalives_count", "target_session_attrs", "load_balance_hosts", "gssencmode",
        "sslcompression", "sslnegotiation", "ssl_min_protocol_version", "ssl_max_protocol_version", "channel_binding",
        "client_encoding", "hostaddr", "x-migrations-table", "x-statement-timeout", "x-multi-statement",
        "x-multi-statement-max-size", "x-migrations-table-quoted",
    ]

    static func shown(_ key: String, _ value: String) -> String {
        let name = key.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=#"))) ?? key
        guard harmlessKeys.contains(key.lowercased()) else { return "\(name)=***" }
        return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=#"))) ?? value)"
    }

    private func percentEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/"))) ?? text
    }
}

/// A database setting that cannot be used. Its message never contains the password.
public struct PGConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

// MARK: - Environment and .env

extension PGConfig {
    /// Where a configuration came from, for messages such as `using DATABASE_URL from .env`.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case explicit
        case environment
        case dotEnv(path: String)

        public var description: String {
            switch self {
            case .explicit: "the command line"
            case .environment: "the DATABASE_URL environment variable"
            case .dotEnv(let path): path
            }
        }
    }

    /// The database to use when none is given explicitly: `DATABASE_URL` from the environment,
    /// else a `.env` file in `directory` with `DATABASE_URL` or the `DB_HOST`, `DB_PORT`, `DB_USER`,
    /// `DB_PASSWORD`, `DB_NAME` and `DB_SSLMODE` variables. `nil` when none of them is set.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        dotEnvDirectory directory: String = FileManager.default.currentDirectoryPath
    ) throws(PGConfigError) -> (config: PGConfig, source: Source)? {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return (try PGConfig(url: url), .environment)
        }
        let path = (directory as NSString).appendingPathComponent(".env")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PGConfigError("\(path): cannot read: \(error.localizedDescription)")
        }
        let values = try DotEnv.parse(text, path: path)
        if let url = values["DATABASE_URL"], !url.isEmpty {
            return (try PGConfig(url: url), .dotEnv(path: path))
        }
        let keys = ["DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME", "DB_SSLMODE"]
        guard keys.contains(where: { values[$0] != nil }) else { return nil }
        var port: Int?
        if let text = values["DB_PORT"], !text.isEmpty {
            guard let number = Int(text) else { throw PGConfigError("\(path): DB_PORT=\(text) is not a number") }
            port = number
        }
        func value(_ key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }
        let config = PGConfig(
            host: value("DB_HOST"), port: port, user: value("DB_USER"), password: values["DB_PASSWORD"],
            database: value("DB_NAME"), sslMode: value("DB_SSLMODE")
        )
        return (config, .dotEnv(path: path))
    }
}

/// The `.env` format that backend projects use: `KEY=value` lines, optionally `export KEY=value`,
/// values optionally in single or double quotes, `#` comments.
public enum DotEnv {
    public static func parse(_ text: String, path: String = ".env") throws(PGConfigError) -> [String: String] {
        var values: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                throw PGConfigError("\(path):\(number + 1):1: error: expected KEY=value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let quote = value.first, quote == "\"" || quote == "'" {
                guard value.count >= 2, let close = value.dropFirst().firstIndex(of: quote) else {
                    throw PGConfigError("\(path):\(number + 1):\(key.count + 2): error: unterminated quoted value for \(key)")
                }
                var inner = String(value[value.index(after: value.startIndex)..<close])
                if quote == "\"" {
                    inner = inner.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\"", with: "\"")
                }
                value = inner
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            values[key] = value
        }
        return values
    }
}
