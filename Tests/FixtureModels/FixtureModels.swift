// Models generated at build time from Tests/Fixtures/models: every mapped type and awkward names.
// That this target compiles, with warnings as errors in Swift 6 mode, is the compile test.
@_exported import PGRecord

/// The Swift type that pg-codegen.json gives the column `every_types.doc`.
public struct Document: Codable, Hashable, Sendable {
    public var title: String
    public var pages: Int

    public init(title: String, pages: Int) {
        self.title = title
        self.pages = pages
    }
}
