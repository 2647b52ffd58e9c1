import Foundation
import PGRecord
import Testing

/// Every input kept in Tests/Fixtures/fuzz-regressions/json, checked as Fuzz/JSONFuzzer.swift
/// checks them: no crash, and a document that reads writes back as text that reads the same.
@Suite struct JSONFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz-regressions/json").path

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func thereAreInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func roundTrips(name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name))
        let parsed = data.withUnsafeBytes { bytes in Result { try JSONValue(parsing: bytes) } }
        guard case .success(let value) = parsed else { return }
        let text = try value.validJSONText()
        #expect(try JSONValue(parsing: text).jsonText == text)
    }
}
