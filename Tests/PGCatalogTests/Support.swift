import Foundation

/// Writes `files` into a new temporary folder and returns its path.
func temporaryMigrations(_ files: [String: String]) throws -> String {
    let path = NSTemporaryDirectory() + "pg-catalog-" + UUID().uuidString
    // Removed by the caller: `defer { try? FileManager.default.removeItem(atPath: path) }`.
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }
    return path
}
