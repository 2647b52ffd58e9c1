import Foundation
import PGCodegen

// `pg-codegen-generate --migrations <dir> --output <dir> …`: what the build plugins run, the same
// as `pg-codegen generate` (see `GenerateRun`).
let parsed = GenerateRun.parse(Array(CommandLine.arguments.dropFirst()))
guard let run = parsed.run else {
    FileHandle.standardError.write(Data("error: \(parsed.error ?? "bad arguments")\n\(GenerateRun.usage)\n".utf8))
    exit(2)
}
do {
    exit(try run.run() ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
