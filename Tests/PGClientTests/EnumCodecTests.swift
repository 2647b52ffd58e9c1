import Foundation
import PGRecord
import Testing

/// Generated enums are `CaseIterable`, and read a label by comparing its bytes with each case's
/// raw value; an enum that is not falls back on `init(rawValue:)`. Both must agree on every label.
@Suite struct EnumCodecTests {
    enum Listed: String, CaseIterable, PGEnum {
        case empty = ""
        case a
        case ab
        case accented = "é"
        case longer = "a label longer than fifteen bytes"
    }

    enum Unlisted: String, PGEnum {
        case empty = ""
        case a
        case ab
        case accented = "é"
        case longer = "a label longer than fifteen bytes"
    }

    static func decode<E: PGEnum>(_ type: E.Type, _ text: String?) throws -> E {
        guard let text else { return try E.decode(pgText: nil) }
        var bytes = Array(text.utf8)
        // A pointer that is not nil even for the empty label, as libpq gives.
        bytes.append(0)
        return try bytes.withUnsafeBytes { buffer in
            try E.decode(pgText: UnsafeRawBufferPointer(rebasing: buffer.dropLast()))
        }
    }

    @Test func everyLabelReadsAsItsCase() throws {
        for value in Listed.allCases {
            #expect(try Self.decode(Listed.self, value.rawValue) == value)
            #expect(try Self.decode(Unlisted.self, value.rawValue).rawValue == value.rawValue)
        }
    }

    @Test func otherLabelsAreErrorsThatNameThem() {
        // Prefixes and extensions of labels, another case, another normal form, a NUL.
        for text in ["abc", "b", "A", "e\u{301}", "a\0", "a label longer than fifteen byte", " a"] {
            for type in [Listed.self, Unlisted.self] as [any PGEnum.Type] {
                #expect(throws: PGDecodingFailure.self, "\(type) \(text)") { try Self.decode(type, text) }
            }
            do {
                _ = try Self.decode(Listed.self, text)
            } catch let error as PGDecodingFailure {
                #expect(error.reason.hasPrefix("'\(text)' is not a case of Listed"), "\(error.reason)")
            } catch {
                Issue.record(error)
            }
        }
        #expect(throws: PGDecodingFailure.self) { try Self.decode(Listed.self, nil) }
        #expect(throws: PGDecodingFailure.self) { try Self.decode(Unlisted.self, nil) }
    }
}
