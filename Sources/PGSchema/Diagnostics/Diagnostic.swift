/// A place in a migration file: 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// Encoded as one string, `path:line:column`, as compilers print locations.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected path:line:column, found \(text)")
        }
        self.init(file: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
    }
}

/// A problem found while reading migrations, located in its file.
///
/// Printed as `path:line:column: error: message`, the form SwiftPM and editors pick up; a fix, when
/// one is known, follows as a `note:` line at the same place.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// How to fix it, when that is known.
    public var note: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, note: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.note = note
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let note { text += "\n\(location): note: \(note)" }
        return text
    }
}

/// Every error and warning of a run, reported together.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
