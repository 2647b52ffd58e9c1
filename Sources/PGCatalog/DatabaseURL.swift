import Foundation

/// A `postgres://` or `postgresql://` URL as `pg-codegen verify` takes it: what libpq is given,
/// the options addressed to tools (`x-migrations-table`), and a form safe to print.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// The URL without the `x-…` options, with `connect_timeout=10` unless one is given.
    public var libpqURL: String
    /// The `x-…` query options, decoded.
    public var toolOptions: [String: String]
    /// The password, decoded, to keep it out of messages.
    public var password: String?
    /// The URL with its password replaced by `***`: `postgresql://user:***@host/db`.
    public var redacted: String

    public init(_ url: String) throws(VerifyError) {
        guard let schemeEnd = url.range(of: "://"),
              ["postgres", "postgresql"].contains(url[..<schemeEnd.lowerBound].lowercased()) else {
            throw VerifyError("the database URL must start with postgres:// or postgresql://")
        }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        var prefix = String(url[..<schemeEnd.upperBound])
        var redactedPrefix = prefix
        password = nil
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            let hostPart = authority[at...]
            if let colon = userInfo.firstIndex(of: ":") {
                let user = userInfo[..<colon]
                let secret = String(userInfo[userInfo.index(after: colon)...])
                password = secret.removingPercentEncoding ?? secret
                prefix += user + ":" + secret + hostPart
                redactedPrefix += user + ":***" + hostPart
            } else {
                prefix += authority
                redactedPrefix += authority
            }
        } else {
            prefix += authority
            redactedPrefix += authority
        }
        let rest = afterScheme[authorityEnd...]
        var path = String(rest)
        var query: [String] = []
        if let question = rest.firstIndex(of: "?") {
            path = String(rest[..<question])
            query = rest[rest.index(after: question)...].split(separator: "&").map(String.init)
        }
        var options: [String: String] = [:]
        var kept: [String] = []
        var redactedQuery: [String] = []
        for item in query {
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            let key = pair[0]
            let value = pair.count > 1 ? (pair[1].removingPercentEncoding ?? pair[1]) : ""
            if key.hasPrefix("x-") {
                options[key] = value
                redactedQuery.append(item)
                continue
            }
            kept.append(item)
            if key == "password" {
                password = value
                redactedQuery.append("password=***")
            } else {
                redactedQuery.append(item)
            }
        }
        if !kept.contains(where: { $0.hasPrefix("connect_timeout=") }) { kept.append("connect_timeout=10") }
        toolOptions = options
        libpqURL = prefix + path + "?" + kept.joined(separator: "&")
        redacted = redactedPrefix + path + (redactedQuery.isEmpty ? "" : "?" + redactedQuery.joined(separator: "&"))
    }

    /// golang-migrate's version table: `x-migrations-table`, else `schema_migrations`.
    public var migrationsTable: String { toolOptions["x-migrations-table"].flatMap { $0.isEmpty ? nil : $0 } ?? "schema_migrations" }

    public var description: String { redacted }
}
