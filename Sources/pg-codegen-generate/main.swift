import Foundation
import PGCodegen

// `pg-codegen-generate --migrations <dir> --output <dir> …`: what the build plugins run, the same
// as `pg-codegen generate` (see `GenerateRun`).
func generate(_ arguments: [String]) -> Int32 {
    if GenerateRun.isHelp(arguments) {
        print(GenerateRun.usage + "\nWrites the Swift models of a module's migrations, as `pg-codegen generate` does.")
        return 0
    }
    switch GenerateRun.parse(arguments) {
    case .failure(let error):
        FileHandle.standardError.write(Data("error: \(error)\n\(GenerateRun.usage)\n".utf8))
        return 64 // EX_USAGE, as pg-codegen's argument parser exits
    case .success(let run):
        do {
            return try run.run() ? 0 : 1
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 1
        }
    }
}

exit(generate(Array(CommandLine.arguments.dropFirst())))
