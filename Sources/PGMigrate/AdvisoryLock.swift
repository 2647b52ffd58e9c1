/// The advisory lock key golang-migrate's PostgreSQL driver takes, so that this tool and
/// golang-migrate exclude each other as well as themselves.
///
/// The key is the IEEE CRC-32 of `schema NUL table NUL database`, multiplied by 1486364155, modulo
/// 2^32: golang-migrate's `GenerateAdvisoryLockId(database, schema, table)` joins the additional
/// names first and the database last (its versions before 4.15 put the database first, and
/// DESIGN.md still says so). Its command line passes the database URL's path (`/dbname`, slash
/// included) as the database part; ``MigratorOptions`` derives the same from `current_database()`.
public enum AdvisoryLock {
    /// golang-migrate's salt for the lock key (`database/util.go`).
    public static let salt: UInt32 = 1_486_364_155

    /// The lock key golang-migrate computes for a version table: CRC-32 of the names, times the salt.
    public static func key(database: String, schema: String, table: String) -> UInt32 {
        var bytes = Array(schema.utf8)
        bytes.append(0)
        bytes.append(contentsOf: table.utf8)
        bytes.append(0)
        bytes.append(contentsOf: database.utf8)
        return crc32(bytes) &* salt
    }

    /// CRC-32 with the IEEE polynomial (reflected, 0xEDB88320), as zlib and Go's `hash/crc32` compute it.
    public static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }
}
