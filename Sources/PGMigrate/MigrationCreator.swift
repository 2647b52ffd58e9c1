import Foundation
import PGSchema

/// Creates the empty up and down files of a new migration, as `migrate create` does.
public enum MigrationCreator {
    /// How the new version number is chosen.
    public enum Numbering: Sendable, Equatable {
        /// The next number after the highest version in the folder, zero-padded to `digits`.
        case sequential(digits: Int)
        /// The time in UTC as `yyyyMMddHHmmss` (golang-migrate's default).
        case timestamp
        /// Seconds since 1970.
        case unix
        /// Nanoseconds since 1970.
        case unixNano
    }

    /// Creates `VERSION_name.up.EXT` and `VERSION_name.down.EXT` in `directory` (made if missing)
    /// and returns their paths. Refuses a version that the folder already has, and never
    /// overwrites a file.
    public static func create(
        name: String, in directory: String, fileExtension: String = "sql", numbering: Numbering, now: Date = Date()
    ) throws(MigrateError) -> [String] {
        guard !name.isEmpty, !name.contains("/"), name.trimmingCharacters(in: .whitespaces) == name else {
            throw .create("a migration needs a name without slashes or surrounding spaces, such as add_new_field")
        }
        let ext = fileExtension.hasPrefix(".") ? String(fileExtension.dropFirst()) : fileExtension
        guard !ext.isEmpty else { throw .create("-ext must not be empty") }
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .create("cannot create \(directory): \(error.localizedDescription)")
        }
        let existing = (try? fileManager.contentsOfDirectory(atPath: directory)) ?? []
        let parsed = existing.compactMap(MigrationFile.parse(fileName:))

        let version: String
        switch numbering {
        case .sequential(let digits):
            guard digits > 0 else { throw .create("-digits must be positive") }
            var highest: UInt64 = 0
            for file in parsed {
                guard let number = UInt64(file.version) else {
                    throw .create("migration version \(file.version) in \(directory) is too large")
                }
                highest = max(highest, number)
            }
            let next = String(highest + 1)
            guard next.count <= digits else {
                throw .create("next sequence number \(next) is too large: at most \(digits) digits are allowed (-digits)")
            }
            version = String(repeating: "0", count: digits - next.count) + next
        case .timestamp:
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMddHHmmss"
            version = formatter.string(from: now)
        case .unix:
            version = String(Int64(now.timeIntervalSince1970))
        case .unixNano:
            version = String(Int64(now.timeIntervalSince1970 * 1_000_000_000))
        }
        if let number = UInt64(version), parsed.contains(where: { UInt64($0.version) == number }) {
            throw .create("duplicate migration version: \(version) already exists in \(directory)")
        }
        var created: [String] = []
        for direction in MigrationDirection.allCases {
            let path = (directory as NSString).appendingPathComponent("\(version)_\(name).\(direction.rawValue).\(ext)")
            // O_EXCL: fail rather than overwrite a file that appeared meanwhile.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                for path in created { try? fileManager.removeItem(atPath: path) }
                throw .create("cannot create \(path): \(reason)")
            }
            close(descriptor)
            created.append(path)
        }
        return created
    }
}
