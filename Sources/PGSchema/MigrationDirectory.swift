import Foundation

/// Which way a migration file moves the schema.
public enum MigrationDirection: String, Sendable, Hashable, CaseIterable {
    case up
    case down
}

/// One migration file, named the way golang-migrate names them:
/// `^([0-9]+)_(.*)\.(down|up)\.(.*)$`, for example `000001_create_saas_clients.up.sql`.
public struct MigrationFile: Sendable, Hashable {
    /// The numeric version; versions compare as numbers, so `2` comes before `10`.
    public var version: Int64
    /// The part between the version and the direction (`create_saas_clients`).
    public var name: String
    public var direction: MigrationDirection
    /// The extension after the direction, without the dot (`sql`).
    public var fileExtension: String
    /// The path as found: the directory given to ``MigrationDirectory`` joined with the file name.
    public var path: String

    public var fileName: String { (path as NSString).lastPathComponent }

    /// Parses a file name; `nil` when it does not have the golang-migrate form.
    ///
    /// A name that has the form but whose version does not fit a `bigint` is still returned as
    /// `nil` by this function; ``MigrationDirectory`` reports it as an error instead.
    public static func parse(fileName: String) -> (version: Substring, name: String, direction: MigrationDirection, fileExtension: String)? {
        // ^([0-9]+)_(.*)\.(down|up)\.(.*)$ : the `.*` groups are greedy, so the direction is the last
        // `.up.` or `.down.` in the name, and the extension is whatever follows it.
        let digits = fileName.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, fileName.dropFirst(digits.count).first == "_" else { return nil }
        let rest = fileName.dropFirst(digits.count + 1)
        var best: (name: Substring, direction: MigrationDirection, ext: Substring)?
        for direction in MigrationDirection.allCases {
            let marker = ".\(direction.rawValue)."
            guard let range = rest.range(of: marker, options: .backwards) else { continue }
            if let current = best, current.name.endIndex >= range.lowerBound { continue }
            best = (rest[..<range.lowerBound], direction, rest[range.upperBound...])
        }
        guard let best else { return nil }
        return (digits, String(best.name), best.direction, String(best.ext))
    }

    /// Reads the file as UTF-8 text.
    ///
    /// A NUL byte is refused with its location: PostgreSQL's text cannot hold one, and libpq
    /// takes a statement as a C string, so everything after it would be dropped without a word.
    public func read() throws(MigrationSourceError) -> String {
        if let problem = MigrationDirectory.problem(withFileAt: path) {
            throw MigrationSourceError(path: path, message: problem)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MigrationSourceError(path: path, message: "cannot read migration file: \(MigrationDirectory.describe(error))")
        }
        let nulOffset = data.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
        if let nulOffset {
            let (line, column) = Self.location(ofByte: nulOffset, in: data)
            throw MigrationSourceError(
                path: path, line: line, column: column,
                message: "migration file contains a NUL byte (PostgreSQL cannot store it, and everything after it would be lost)"
            )
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = Self.firstInvalidUTF8(in: data)
            throw MigrationSourceError(path: path, line: line, column: column, message: "migration file is not valid UTF-8")
        }
        return text
    }

    /// The 1-based line and column (in characters) of a byte offset.
    private static func location(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data.prefix(offset))
        let lineStart = (bytes.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let line = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        return (line, String(decoding: bytes[lineStart...], as: UTF8.self).unicodeScalars.count + 1)
    }

    private static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid = length > 0 && index + length <= bytes.count
                && bytes[(index + 1)..<(index + max(length, 1))].allSatisfy { $0 & 0xC0 == 0x80 }
            if !valid {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                return (line, column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }
}

/// One version: its up file and, usually, its down file.
public struct Migration: Sendable, Hashable {
    public var version: Int64
    public var up: MigrationFile?
    public var down: MigrationFile?

    /// The name from the up file, else the down file.
    public var name: String { up?.name ?? down?.name ?? "" }

    public func file(_ direction: MigrationDirection) -> MigrationFile? {
        direction == .up ? up : down
    }
}

/// A folder of migration files, such as `migrations/saas`, read and put in version order.
///
/// Files whose names do not have the golang-migrate form (a README, `.gitkeep`) are passed over,
/// as golang-migrate passes them over. Two up files (or two down files) with the same version are
/// an error that names both files.
public struct MigrationDirectory: Sendable {
    public let path: String
    /// The migrations in ascending version order.
    public let migrations: [Migration]

    public init(path: String) throws(MigrationSourceError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MigrationSourceError(path: path, message: "migrations folder does not exist")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw MigrationSourceError(path: path, message: "cannot list migrations folder: \(Self.describe(error))")
        }
        var byVersion: [Int64: Migration] = [:]
        for fileName in names where !fileName.hasPrefix(".") {
            guard let parsed = MigrationFile.parse(fileName: fileName) else { continue }
            let filePath = (path as NSString).appendingPathComponent(fileName)
            if let problem = Self.problem(withFileAt: filePath) {
                throw MigrationSourceError(path: filePath, message: problem)
            }
            guard let version = Int64(parsed.version) else {
                throw MigrationSourceError(
                    path: filePath, line: 1, column: 1,
                    message: "migration version \(parsed.version) does not fit in a bigint"
                )
            }
            let file = MigrationFile(
                version: version, name: parsed.name, direction: parsed.direction,
                fileExtension: parsed.fileExtension, path: filePath
            )
            var migration = byVersion[version] ?? Migration(version: version)
            if let existing = migration.file(file.direction) {
                throw MigrationSourceError(
                    path: filePath, line: 1, column: 1,
                    message: "duplicate migration version \(version) (\(file.direction.rawValue)): \(existing.fileName) and \(file.fileName)"
                )
            }
            switch file.direction {
            case .up: migration.up = file
            case .down: migration.down = file
            }
            byVersion[version] = migration
        }
        migrations = byVersion.values.sorted { $0.version < $1.version }
    }

    /// What keeps the path from being read as a migration file (a directory named like one, a
    /// symbolic link that loops or leads nowhere, a socket), or `nil` for a regular file.
    static func problem(withFileAt path: String) -> String? {
        var info = stat()
        if lstat(path, &info) != 0 {
            return "cannot read migration file: \(String(cString: strerror(errno)))"
        }
        let isLink = info.st_mode & mode_t(S_IFMT) == mode_t(S_IFLNK)
        if isLink {
            if stat(path, &info) != 0 {
                let reason = errno == ELOOP ? "a loop of symbolic links" : errno == ENOENT
                    ? "a symbolic link to a file that does not exist" : "a symbolic link that cannot be followed (\(String(cString: strerror(errno))))"
                return "migration file is \(reason)"
            }
        }
        switch info.st_mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG): return nil
        case mode_t(S_IFDIR): return "named like a migration file, but it is a directory\(isLink ? " (through a symbolic link)" : "")"
        default: return "named like a migration file, but it is not a regular file"
        }
    }

    /// A Foundation error as a sentence: the POSIX reason when there is one, not "error 256".
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }

    /// The versions in ascending order.
    public var versions: [Int64] { migrations.map(\.version) }

    public func migration(version: Int64) -> Migration? {
        // Sorted, so a binary search; folders of a thousand migrations are read on every build.
        var low = 0
        var high = migrations.count
        while low < high {
            let mid = (low + high) / 2
            if migrations[mid].version < version { low = mid + 1 } else { high = mid }
        }
        return low < migrations.count && migrations[low].version == version ? migrations[low] : nil
    }

    /// The up files in version order: what the schema is folded from.
    public var upFiles: [MigrationFile] { migrations.compactMap(\.up) }
}

/// A problem with a migrations folder or file, located as precisely as it is known.
///
/// Printed as `path:line:column: error: message`, the form SwiftPM and editors pick up.
public struct MigrationSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as a diagnostic, placed at line 1, column 1 when it has no position of its own.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, message, at: SourceLocation(file: path, line: line ?? 1, column: column ?? 1))
    }

    public var description: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): error: \(message)"
    }
}

extension MigrationDirectory {
    private init(emptyAt path: String) {
        self.path = path
        self.migrations = []
    }

    /// No folder at all: for commands that read only the database (`version`).
    public static let empty = MigrationDirectory(emptyAt: "")
}
