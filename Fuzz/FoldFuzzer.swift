// libFuzzer entry point: lex, parse and fold arbitrary bytes as one migration file, and as a
// down file. Any crash, hang or sanitizer report is a bug (see scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFold(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "000001_fuzz.up.sql", bytes: bytes)
    _ = SchemaLoader.fold([file])
    _ = SQLStatementSplitter.split(String(decoding: bytes, as: UTF8.self))
    _ = TransactionBlock.firstRefusedStatement(in: String(decoding: bytes, as: UTF8.self))
    return 0
}
