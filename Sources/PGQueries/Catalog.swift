import Foundation
import PGSchema

/// The functions and operators the analyser knows, as data: one line each, in the form
/// `name(argument types) -> result [flags]` for a function and `left op right -> result [flags]`
/// (or `op right -> result`) for an operator. More can be added with ``Catalog/adding(_:)``.
///
/// Types are PostgreSQL's names or these short ones: int2, int4, int8, float4, float8, bool,
/// varchar, bpchar, ts, tstz, time, timetz, and the polymorphic anyelement, anyarray,
/// anynonarray, anyenum, anycompatible, anycompatiblearray and any. A last argument written
/// `type...` is variadic. Flags: `agg` (an aggregate), `window` (a window function), `nonnull`
/// (never NULL), `nullable` (NULL even from non-NULL arguments), `nonnull-if-any` (NULL only when
/// every argument is), `setof` (a set-returning function); without one, a function is strict:
/// NULL exactly when an argument is.
public struct Catalog: Sendable {
    public struct Entry: Sendable, Equatable {
        public enum Nulls: Sendable, Equatable { case strict, never, always, unlessAny }
        public var name: String
        public var arguments: [ColumnType]
        public var variadic: Bool
        public var result: ColumnType
        public var isAggregate: Bool
        public var isWindow: Bool
        public var returnsSet: Bool
        public var nulls: Nulls
        public var isOperator: Bool
    }

    public private(set) var functions: [String: [Entry]] = [:]
    public private(set) var operators: [String: [Entry]] = [:]

    /// The built-in catalog.
    public static let standard: Catalog = {
        var catalog = Catalog()
        // The built-in lines are part of the program: a mistake in them is a programming error.
        try! catalog.add(builtinLines)
        return catalog
    }()

    /// This catalog with more entries (from a user's configuration), each line in the form above.
    public func adding(_ lines: [String]) throws(CatalogError) -> Catalog {
        var catalog = self
        try catalog.add(lines)
        return catalog
    }

    mutating func add(_ lines: [String]) throws(CatalogError) {
        for raw in lines {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let entry = try Self.parse(line)
            if entry.isOperator {
                operators[entry.name, default: []].append(entry)
            } else {
                functions[entry.name, default: []].append(entry)
            }
        }
    }

    static let aliases: [String: String] = [
        "int2": "smallint", "int4": "integer", "int8": "bigint", "float4": "real", "float8": "double precision",
        "bool": "boolean", "varchar": "character varying", "bpchar": "character", "ts": "timestamp without time zone",
        "tstz": "timestamp with time zone", "time": "time without time zone", "timetz": "time with time zone",
    ]

    static func type(_ text: String) -> ColumnType {
        var name = text.trimmingSpaces
        var dimensions = 0
        while name.hasSuffix("[]") {
            name.removeLast(2)
            dimensions += 1
        }
        return ColumnType(name: aliases[name] ?? name, arrayDimensions: dimensions)
    }

    static func parse(_ line: String) throws(CatalogError) -> Entry {
        guard let arrow = line.range(of: " -> ", options: .backwards) else { throw CatalogError(line: line, reason: "expected ' -> ' before the result type") }
        let signature = String(line[..<arrow.lowerBound]).trimmingSpaces
        var resultWords = line[arrow.upperBound...].split(separator: " ").map(String.init)
        var flags: Set<String> = []
        let known: Set<String> = ["agg", "window", "nonnull", "nullable", "nonnull-if-any", "setof"]
        while let last = resultWords.last, known.contains(last) {
            flags.insert(last)
            resultWords.removeLast()
        }
        guard !resultWords.isEmpty else { throw CatalogError(line: line, reason: "no result type") }
        let result = type(resultWords.joined(separator: " "))
        var nulls = Entry.Nulls.strict
        if flags.contains("nonnull") { nulls = .never }
        if flags.contains("nullable") || flags.contains("agg") && !flags.contains("nonnull") { nulls = .always }
        if flags.contains("nonnull-if-any") { nulls = .unlessAny }
        if let open = signature.firstIndex(of: "("), signature.hasSuffix(")"), !signature.hasPrefix("(") {
            let name = String(signature[..<open]).trimmingSpaces.lowercased()
            let inside = signature[signature.index(after: open)..<signature.index(before: signature.endIndex)]
            var arguments: [ColumnType] = []
            var variadic = false
            for part in inside.split(separator: ",") {
                var text = String(part).trimmingSpaces
                if text.hasSuffix("...") {
                    text.removeLast(3)
                    variadic = true
                }
                arguments.append(type(text))
            }
            return Entry(
                name: name, arguments: arguments, variadic: variadic, result: result, isAggregate: flags.contains("agg"),
                isWindow: flags.contains("window"), returnsSet: flags.contains("setof"), nulls: nulls, isOperator: false
            )
        }
        let words = signature.split(separator: " ").map(String.init)
        // An operator: `left op right` with multi-word types kept together by their short names.
        if words.count == 3 {
            return Entry(name: words[1], arguments: [type(words[0]), type(words[2])], variadic: false, result: result, isAggregate: false, isWindow: false, returnsSet: false, nulls: nulls, isOperator: true)
        }
        if words.count == 2 {
            return Entry(name: words[0], arguments: [type(words[1])], variadic: false, result: result, isAggregate: false, isWindow: false, returnsSet: false, nulls: nulls, isOperator: true)
        }
        throw CatalogError(line: line, reason: "expected name(arguments) or left op right")
    }
}

public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var line: String
    public var reason: String
    public var description: String { "catalog entry '\(line)': \(reason)" }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
