import PGSchema

// Advice in error messages names the `migrate` command with the migrations folder, a form that
// works in any package: `swift run migrate -path FOLDER …` where swift-pg-models is a dependency,
// golang-migrate's `migrate -path FOLDER -database URL …` too. No message assumes this
// repository's Makefile.

extension MigrationFile {
    /// The folder the file was read from, as it was given (`migrations/app`); `.` for a bare name.
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// `` `migrate -path FOLDER ARGUMENTS` ``, quoted for a message.
func migrateCommand(_ arguments: String, folder: String) -> String {
    let shown = folder.contains(" ") ? "'\(folder)'" : folder
    return "`migrate -path \(shown) \(arguments)`"
}
