// libFuzzer entry point for the JSON reader and writer of `json`/`jsonb` columns: no crash or
// hang on any bytes; a document that reads writes back as text that reads to the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let value = try? JSONValue(parsing: bytes) else { return 0 }
    guard let text = try? value.validJSONText() else {
        preconditionFailure("a value read from JSON text cannot be written")
    }
    guard let again = try? JSONValue(parsing: text) else {
        preconditionFailure("written JSON does not read: \(text.prefix(200))")
    }
    precondition(again.jsonText == text, "JSON does not round-trip: \(text.prefix(200))")
    return 0
}
