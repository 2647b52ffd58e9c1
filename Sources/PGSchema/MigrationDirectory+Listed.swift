extension MigrationDirectory {
    /// Migrations that are not read from a folder (those embedded in a binary): `path` names where
    /// they come from in messages, and each file's ``MigrationFile/path`` is what its errors name.
    /// Two migrations with the same version are an error.
    public init(path: String, migrations: [Migration]) throws(MigrationSourceError) {
        var seen: [Int64: Migration] = [:]
        for migration in migrations {
            if let earlier = seen[migration.version] {
                throw MigrationSourceError(
                    path: migration.up?.path ?? migration.down?.path ?? path,
                    message: "duplicate migration version \(migration.version): \(earlier.name) and \(migration.name)"
                )
            }
            seen[migration.version] = migration
        }
        self.path = path
        self.migrations = migrations.sorted { $0.version < $1.version }
    }
}

extension MigrationFile {
    /// A file that need not be on disk (the memberwise initializer is internal): `path` is what
    /// messages name it.
    public static func listed(version: Int64, name: String, direction: MigrationDirection, fileExtension: String = "sql", path: String) -> MigrationFile {
        MigrationFile(version: version, name: name, direction: direction, fileExtension: fileExtension, path: path)
    }
}

extension Migration {
    /// A version and its files (the memberwise initializer is internal).
    public static func listed(version: Int64, up: MigrationFile?, down: MigrationFile?) -> Migration {
        Migration(version: version, up: up, down: down)
    }
}
