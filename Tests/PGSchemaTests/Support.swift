import Foundation

/// A temporary migrations folder for one test.
struct TemporaryMigrations {
    let path: String

    init(_ files: [String: String]) throws {
        path = NSTemporaryDirectory() + "pg-schema-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
