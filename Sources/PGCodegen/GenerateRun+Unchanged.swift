import Foundation
import PGSchema

/// Knowing, without folding, that a model target's files cannot change.
///
/// In a schema split over several targets (`typesModule`), every target's generator runs when any
/// migration changes, but an edit to one table changes one target's files. Each of the others
/// would fold all the migrations again to write the same bytes. After a full run, a target whose
/// files depend on nothing but its own tables keeps a note beside its files
/// (``GenerateRun/stateFileName``): the migrations as they were, the names its tables depend on,
/// and the last migration that changed any of them. The next run compares the migrations with
/// that copy; when every changed up file, before and after the change, holds only statements that
/// cannot reach those tables, and comes no earlier than their last change, the files stand.
///
/// A statement cannot reach them when it is `ALTER TABLE`, `CREATE [UNIQUE] INDEX`, `COMMENT ON`
/// or a transaction's `BEGIN`/`COMMIT`, without RENAME, CASCADE, SET SCHEMA, INHERIT, ATTACH,
/// DETACH, OF, ALL or PARTITION, and without any identifier that begins as one of the names (its
/// tables, their parents and children, the tables they reference and that reference them, their
/// columns' types, their keys' and indexes' names; PostgreSQL's own names for indexes, sequences
/// and constraints begin with the table's name). Anything else folds as always.
/// Errors in such a statement are still reported: the types target, which every split target
/// imports, never takes this shortcut.
extension GenerateRun {
    /// The note a target keeps beside its generated files (not a Swift file: SwiftPM ignores it).
    public static let stateFileName = ".pg-codegen-state"

    /// What a note holds, before the copy of the migrations.
    struct UnchangedState: Codable, Equatable {
        /// The generator, its arguments and its config (its text): any change folds again.
        var key: String
        /// The up files' names, in version order, and their lengths in the copy that follows.
        var files: [String]
        var lengths: [Int]
        /// Names the target's tables depend on (see the type's comment).
        var names: [String]
        /// The version of the last migration that changed one of the target's tables.
        var lastVersion: Int64
        /// The generated files as the full run left them (name, size and modification time): one
        /// that is gone or was changed since is written again.
        var outputs: [String]
    }

    /// A generated file's name, size and modification time, or `nil` when it is not there.
    func outputStamp(_ name: String) -> String? {
        let path = URL(fileURLWithPath: output).appendingPathComponent(name).path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.int64Value,
              let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970
        else { return nil }
        return "\(name) \(size)@\(time)"
    }

    /// What stands for the generator and its inputs other than the migrations; `nil` when the
    /// generator's own file cannot be read (then a new generator could not be told from the old).
    func unchangedKey(module: String, configPath: String?) -> String? {
        guard let stamp = Self.generatorStamp() else { return nil }
        var parts = ["1", stamp, module, migrations, shards.map(String.init) ?? "-", queries ?? "-"]
        if let configPath {
            guard let bytes = FileManager.default.contents(atPath: configPath) else { return nil }
            parts.append(configPath + ":" + String(decoding: bytes, as: UTF8.self))
        }
        return parts.joined(separator: "|")
    }

    /// What tells this generator from another: the linker's build ID (a digest of the executable,
    /// the same when SwiftPM links the same objects again, as it does after a new migration), or
    /// else the executable's size and modification time.
    static func generatorStamp() -> String? {
        guard let executable = Bundle.main.executablePath else { return nil }
        if let id = buildID(ofExecutableAt: executable) { return "build-id " + id }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: executable),
              let size = (attributes[.size] as? NSNumber)?.int64Value,
              let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970
        else { return nil }
        return "\(size)@\(time)"
    }

    /// The GNU build ID of a 64-bit little-endian ELF file, in hex: the `NT_GNU_BUILD_ID` note of
    /// a `PT_NOTE` segment. `nil` for anything else.
    static func buildID(ofExecutableAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
            guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count), data.count == count else { return nil }
            return Array(data)
        }
        func number(_ bytes: [UInt8], _ at: Int, _ size: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[at + index]) }
            return value
        }
        // ELF magic, 64-bit, little-endian.
        guard let header = read(0, 64), header[0] == 0x7F, header[1] == 0x45, header[2] == 0x4C, header[3] == 0x46,
              header[4] == 2, header[5] == 1
        else { return nil }
        let programHeaders = number(header, 0x20, 8)
        let entrySize = Int(number(header, 0x36, 2))
        let entries = Int(number(header, 0x38, 2))
        guard entrySize >= 56, entries < 256, let table = read(programHeaders, entrySize * entries) else { return nil }
        for entry in 0..<entries {
            let base = entry * entrySize
            guard number(table, base, 4) == 4 else { continue } // PT_NOTE
            let size = Int(number(table, base + 32, 8))
            guard size < 65_536, let notes = read(number(table, base + 8, 8), size) else { continue }
            var offset = 0
            while offset + 12 <= notes.count {
                let nameSize = Int(number(notes, offset, 4))
                let descriptionSize = Int(number(notes, offset + 4, 4))
                let type = number(notes, offset + 8, 4)
                let name = offset + 12
                let description = name + (nameSize + 3) / 4 * 4
                let next = description + (descriptionSize + 3) / 4 * 4
                guard next <= notes.count, nameSize <= 64, descriptionSize <= 256 else { break }
                if type == 3, nameSize == 4, notes[name..<(name + 3)].elementsEqual([0x47, 0x4E, 0x55]), descriptionSize > 0 {
                    return notes[description..<(description + descriptionSize)].map { byte in
                        let hex = String(byte, radix: 16)
                        return byte < 16 ? "0" + hex : hex
                    }.joined()
                }
                offset = next
            }
        }
        return nil
    }

    /// The up migrations, read once for the check and the note.
    struct UpMigrations {
        var files: [MigrationFile]
        var contents: [Data]

        init?(path: String) {
            guard let directory = try? MigrationDirectory(path: path) else { return nil }
            files = directory.upFiles
            contents = []
            contents.reserveCapacity(files.count)
            for file in files {
                guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
                contents.append(data)
            }
        }
    }

    var statePath: String { URL(fileURLWithPath: output).appendingPathComponent(Self.stateFileName).path }

    /// Whether the files in `output` still hold what a full run would write; when they do, the
    /// note is brought up to date with the migrations as they are now.
    func filesStand(key: String) -> Bool { standing(key: key).stands }

    /// ``filesStand(key:)``, and the migrations when it read them.
    func standing(key: String) -> (stands: Bool, read: UpMigrations?) {
        guard let stored = FileManager.default.contents(atPath: statePath),
              let newline = stored.firstIndex(of: 0x0A),
              let state = try? JSONDecoder().decode(UnchangedState.self, from: stored[stored.startIndex..<newline]),
              state.key == key, state.files.count == state.lengths.count,
              state.outputs.allSatisfy({ stamp in stamp.split(separator: " ").first.flatMap { outputStamp(String($0)) } == stamp })
        else { return (false, nil) }
        guard let read = UpMigrations(path: Self.editablePath(migrations)) else { return (false, nil) }
        // The copy of the migrations, file after file.
        let copyStart = newline + 1
        guard state.lengths.reduce(0, +) == stored.count - (copyStart - stored.startIndex), read.files.count >= state.files.count else {
            return (false, read)
        }
        var changed: [(old: Data, new: Data, version: Int64)] = []
        var offset = copyStart
        for (index, file) in read.files.enumerated() {
            let bytes = read.contents[index]
            if index < state.files.count {
                guard state.files[index] == file.fileName else { return (false, read) }
                let old = stored[offset..<(offset + state.lengths[index])]
                offset += state.lengths[index]
                if Self.same(old, bytes) { continue }
                changed.append((Data(old), bytes, file.version))
            } else {
                // A new migration after the others: it is read like an edit of an empty file.
                // With one shard, the files' header counts the migrations.
                guard (shards ?? 1) > 1 else { return (false, read) }
                changed.append((Data(), bytes, file.version))
            }
        }
        let names = Set(state.names)
        for change in changed {
            guard change.version >= state.lastVersion,
                  Self.cannotReach(Array(change.old), names: names),
                  Self.cannotReach(Array(change.new), names: names)
            else { return (false, read) }
        }
        if !changed.isEmpty {
            var updated = state
            updated.files = read.files.map(\.fileName)
            updated.lengths = read.contents.map(\.count)
            try? Self.writeState(updated, copy: read.contents, to: statePath)
        }
        return (true, read)
    }

    /// Byte for byte, without the generic comparison that is slow in a debug build.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { a in b.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    /// After a full run: the note, when the target's files depend on its tables alone; otherwise
    /// no note (an old one would be wrong).
    /// The most migrations (up files, in bytes) a note copies: a history with large data
    /// migrations folds every time rather than keep a copy of them beside every target.
    static let noteLimit = 16 << 20

    func recordState(key: String, schema: Schema, config: GeneratorConfig, read: UpMigrations?, files: [String], limit: Int = noteLimit) {
        try? FileManager.default.removeItem(atPath: statePath)
        guard config.typesModule != nil, config.embedMigrations == false, queries == nil,
              config.migrationsTable?.model != true,
              !schema.views.contains(where: { config.models($0.name) }),
              let read = read ?? UpMigrations(path: Self.editablePath(migrations)),
              read.contents.reduce(0, { $0 + $1.count }) <= limit
        else { return }
        // The generator's schema holds no partitions (rows go through the parent), and an ALTER
        // TABLE on a partition cannot change its parent's columns, keys or indexes.
        let modeled = schema.tables.filter { config.models($0.name) }
        let modeledNames = Set(modeled.map(\.name))
        var names: Set<String> = []
        var locations: [SourceLocation] = []
        for table in modeled {
            names.insert(table.name.name)
            names.formUnion(table.inherits.map(\.name))
            locations += [table.provenance.created, table.provenance.lastChanged]
            for column in table.columns {
                // A user type's name (built-in ones, `integer`, are words of every statement).
                if column.type.schema != nil { names.insert(column.type.name) }
                if let sequence = column.sequence { names.insert(sequence) }
                locations += [column.provenance.created, column.provenance.lastChanged]
            }
            for key in [table.primaryKey].compactMap({ $0 }) + table.uniqueConstraints {
                names.insert(key.name)
                locations.append(key.location)
            }
            for foreignKey in table.foreignKeys {
                names.insert(foreignKey.name)
                names.insert(foreignKey.referencedTable.name)
                locations.append(foreignKey.location)
            }
            for check in table.checks + table.exclusions {
                names.insert(check.name)
                locations.append(check.location)
            }
            for index in table.indexes {
                names.insert(index.name)
                locations.append(index.location)
            }
        }
        // Tables that hang on the target's: children, and those whose keys point at them.
        for table in schema.tables {
            let hangs = table.inherits.contains(where: modeledNames.contains)
                || table.foreignKeys.contains { modeledNames.contains($0.referencedTable) }
            if hangs { names.insert(table.name.name) }
        }
        var lastVersion: Int64 = 0
        var versions: [String: Int64] = [:]
        for location in locations {
            if let version = versions[location.file] {
                lastVersion = max(lastVersion, version)
                continue
            }
            let fileName = (location.file as NSString).lastPathComponent
            guard let parsed = MigrationFile.parse(fileName: fileName), let version = Int64(parsed.version) else { return }
            versions[location.file] = version
            lastVersion = max(lastVersion, version)
        }
        var outputs: [String] = []
        for name in files {
            guard let stamp = outputStamp(name) else { return }
            outputs.append(stamp)
        }
        let state = UnchangedState(
            key: key, files: read.files.map(\.fileName), lengths: read.contents.map(\.count),
            names: names.filter { !$0.isEmpty }.sorted(), lastVersion: lastVersion, outputs: outputs
        )
        try? Self.writeState(state, copy: read.contents, to: statePath)
    }

    static func writeState(_ state: UnchangedState, copy: [Data], to path: String) throws {
        var data = try JSONEncoder().encode(state)
        data.append(0x0A)
        for bytes in copy { data.append(bytes) }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The statement kinds that may change a table without naming it, or change which tables a
    /// target models (renames, schemas, inheritance, partitions, dependent objects).
    static let reachingWords: Set<String> = ["rename", "cascade", "schema", "inherit", "attach", "detach", "of", "all", "partition"]

    /// Whether none of the statements in `bytes` can change the tables `names` describes.
    static func cannotReach(_ bytes: [UInt8], names: Set<String>) -> Bool {
        guard !bytes.isEmpty else { return true }
        let lexed = Lexer.lex(SourceFile(path: "", bytes: bytes))
        guard lexed.diagnostics.isEmpty, lexed.annotations.isEmpty else { return false }
        // A name of PostgreSQL's making begins with the table's name, cut to fit in 63 bytes
        // (never below 16 characters): any identifier that begins so counts as the table's.
        let prefixes = Set(names.map { String($0.prefix(16)) })
        for statement in lexed.statements {
            let words = statement.tokens.prefix(3).map { $0.kind == .word ? $0.value : "" }
            let opening = words.joined(separator: " ")
            if ["begin", "commit", "end", "start transaction"].contains(opening) { continue }
            guard opening.hasPrefix("alter table") || opening.hasPrefix("create index") || opening.hasPrefix("create unique index")
                || opening.hasPrefix("comment on")
            else { return false }
            for token in statement.tokens where token.isIdentifier {
                if token.kind == .word, reachingWords.contains(token.value) { return false }
                var prefix = ""
                for character in token.value.prefix(16) {
                    prefix.append(character)
                    if prefixes.contains(prefix) { return false }
                }
            }
        }
        return true
    }
}
