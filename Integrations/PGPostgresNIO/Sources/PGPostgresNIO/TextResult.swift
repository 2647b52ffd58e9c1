// Compiled when the package trait PostgresNIO is enabled (see Package.swift).
#if PostgresNIO
import PGRecord
import PostgresNIO
import Synchronization

/// The rows of one PostgresNIO result in PostgreSQL's text form, in one buffer: what
/// ``PGRow`` reads, as it reads libpq's result.
///
/// `@unchecked Sendable`: the buffer is written once, in `init`, and only read afterwards.
final class TextResult: PGResultStorage, @unchecked Sendable {
    let rowCount: Int
    let columnCount: Int
    private let names: [String]
    private let types: [UInt32]
    /// Per value: start and length in `buffer`; a length of -1 is SQL NULL.
    private let cells: [(start: Int, length: Int)]
    private let buffer: UnsafeMutableRawBufferPointer

    init(rows: [PostgresRow], forms: TypeForms) throws(PGTextFormError) {
        rowCount = rows.count
        let first = rows.first.map { Array($0) } ?? []
        columnCount = first.count
        let names = first.map(\.columnName)
        let types = first.map(\.dataType.rawValue)
        self.names = names
        self.types = types
        let columnForms = try types.map { oid throws(PGTextFormError) in
            guard let form = forms.form(oid) else { throw PGTextFormError(reason: "type OID \(oid) was not looked up") }
            return form
        }
        let writer = TextWriter(form: forms.form)
        var text: [UInt8] = []
        var cells: [(start: Int, length: Int)] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in rows {
            for (column, cell) in row.enumerated() {
                guard let bytes = cell.bytes else {
                    cells.append((0, -1))
                    continue
                }
                let start = text.count
                do {
                    try bytes.withUnsafeReadableBytes { (value) throws(PGTextFormError) in
                        try writer.append(value, as: columnForms[column], oid: types[column], to: &text)
                    }
                } catch {
                    throw PGTextFormError(reason: "column \"\(names[column])\": \(error.reason)")
                }
                cells.append((start, text.count - start))
            }
        }
        self.cells = cells
        buffer = .allocate(byteCount: max(1, text.count), alignment: 1)
        text.withUnsafeBytes { buffer.copyMemory(from: $0) }
    }

    deinit {
        buffer.deallocate()
    }

    func columnName(_ column: Int) -> String { names[column] }
    func columnType(_ column: Int) -> UInt32 { types[column] }

    func value(row: Int, column: Int) -> UnsafeRawBufferPointer? {
        let cell = cells[row * columnCount + column]
        guard cell.length >= 0 else { return nil }
        return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[cell.start..<cell.start + cell.length])
    }
}

/// What each type OID's binary form becomes (``TextForm``): the built-in types from a table, the
/// others (enums, domains' arrays, citext) looked up once in `pg_type` and kept. One per
/// `PostgresClient` or `PostgresConnection` (OIDs belong to a database).
final class TypeForms: Sendable {
    private let known = Mutex<[UInt32: TextForm]>([:])

    func form(_ oid: UInt32) -> TextForm? {
        TextForm.builtin(oid) ?? known.withLock { $0[oid] }
    }

    /// The OIDs of `rows` (and of their arrays' elements) not known yet.
    func unknown(in rows: [PostgresRow]) -> [UInt32] {
        guard let first = rows.first else { return [] }
        var missing: Set<UInt32> = []
        for cell in first where form(cell.dataType.rawValue) == nil { missing.insert(cell.dataType.rawValue) }
        // Arrays name their element type inside each value; look at every non-empty array.
        for row in rows {
            for cell in row where form(cell.dataType.rawValue) == .array {
                guard let bytes = cell.bytes, bytes.readableBytes >= 12,
                      let element = bytes.getInteger(at: bytes.readerIndex + 8, as: UInt32.self)
                else { continue }
                if form(element) == nil { missing.insert(element) }
            }
        }
        return missing.sorted()
    }

    /// Looks `oids` up in `pg_type` through `run` (a statement on the same database).
    func lookUp(_ oids: [UInt32], run: (PostgresQuery) async throws -> [PostgresRow]) async throws {
        var pending = oids
        while !pending.isEmpty {
            var binds = PostgresBindings()
            binds.append(TextBind("{" + pending.map(String.init).joined(separator: ",") + "}"))
            let rows = try await run(PostgresQuery(
                unsafeSQL: "SELECT oid::int8, typsend::regproc::text, typelem::int8 FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])",
                binds: binds
            ))
            var found: [UInt32: TextForm] = [:]
            var elements: [UInt32] = []
            for row in rows {
                let (wideOID, send, wideElement) = try row.decode((Int64, String, Int64).self)
                let (oid, element) = (UInt32(truncatingIfNeeded: wideOID), UInt32(truncatingIfNeeded: wideElement))
                let textForm = TextForm(sendFunction: send)
                found[oid] = textForm
                if textForm == .array, element != 0 { elements.append(element) }
            }
            for oid in pending where found[oid] == nil {
                found[oid] = .unsupported("a type not in pg_type")
            }
            known.withLock { $0.merge(found) { $1 } }
            pending = elements.filter { form($0) == nil }
        }
    }

    // One per client or connection, kept while it lives.
    private static let registry = Mutex<[ObjectIdentifier: Entry]>([:])

    private struct Entry: Sendable {
        weak var owner: (any AnyObject & Sendable)?
        let forms: TypeForms
    }

    static func of(_ owner: any AnyObject & Sendable) -> TypeForms {
        registry.withLock { registry in
            let key = ObjectIdentifier(owner)
            if let entry = registry[key], entry.owner === owner { return entry.forms }
            registry = registry.filter { $0.value.owner != nil }
            let forms = TypeForms()
            registry[key] = Entry(owner: owner, forms: forms)
            return forms
        }
    }
}

/// A statement parameter sent as libpq sends it: text, with no type (OID 0), so that the
/// server infers the type from where the parameter stands.
struct TextBind: PostgresDynamicTypeEncodable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var psqlType: PostgresDataType { PostgresDataType(0) }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}
#endif
