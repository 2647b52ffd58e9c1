import Foundation
import PGLint
import PGSchema
import PGTestSupport
import Testing

/// Tests/Fixtures/lint-seeded: 30 dangerous statements, each line marked `-- danger: RULE`, and
/// safe look-alikes (`-- safe`). Every danger is found with its rule; nothing else is reported.
@Suite struct SeededFixtureTests {
    static let folder = repositoryRoot + "/Tests/Fixtures/lint-seeded"

    @Test func everySeededDangerIsFoundAndNothingElse() throws {
        var expected: [String: String] = [:]
        var safe = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder).sorted() where name.hasSuffix(".up.sql") {
            let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let range = line.range(of: "-- danger: ") {
                    expected["\(name):\(offset + 1)"] = String(line[range.upperBound...])
                } else if line.hasSuffix("-- safe") {
                    safe += 1
                }
            }
        }
        #expect(expected.count == 30)
        #expect(safe >= 30)
        var options = LintOptions()
        options.disabled = ["missing-down-file"]
        let report = Linter.lint(path: Self.folder, options: options)
        var found: [String: String] = [:]
        for finding in report.findings {
            let key = "\((finding.location.file as NSString).lastPathComponent):\(finding.location.line)"
            #expect(found[key] == nil, "two findings on \(key)")
            found[key] = finding.rule
        }
        #expect(found == expected)
    }
}
