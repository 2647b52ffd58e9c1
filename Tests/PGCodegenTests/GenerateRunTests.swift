import PGCodegen
import Testing

/// The arguments of `pg-codegen-generate`, the tool the build plugins run.
@Suite struct GenerateRunTests {
    @Test func readsWhatThePluginsPass() {
        let parsed = GenerateRun.parse([
            "--migrations", "Sources/ShopModels/migrations", "--output", "/out", "--module-name", "Shop", "--shards", "64",
            "--config", "Sources/ShopModels/pg-codegen.json", "--queries", "Sources/ShopModels/queries",
        ])
        #expect(parsed == .success(GenerateRun(
            migrations: "Sources/ShopModels/migrations", output: "/out", moduleName: "Shop", config: "Sources/ShopModels/pg-codegen.json",
            shards: 64, queries: "Sources/ShopModels/queries"
        )))
        #expect(GenerateRun.parse(["--output", "o", "--migrations", "m"]) == .success(GenerateRun(migrations: "m", output: "o")))
        #expect(GenerateRun.isHelp(["--help"]) && GenerateRun.isHelp(["--migrations", "m", "-h"]) && !GenerateRun.isHelp(["--migrations", "m"]))
    }

    @Test(arguments: [
        (["generate", "--migrations", "m", "--output", "o"], "unknown argument 'generate'"),
        (["--migrations", "m", "--output"], "--output needs a value"),
        (["--migrations", "--output", "o"], "--migrations needs a value"),
        (["--migrations", "m", "--migrations", "n", "--output", "o"], "--migrations is given twice"),
        (["--output", "o"], "--migrations is missing"),
        (["--migrations", "m"], "--output is missing"),
        (["--migrations", "m", "--output", "o", "--shards", "0"], "--shards must be a whole number from 1, not '0'"),
        (["--migrations", "m", "--output", "o", "--shards", "many"], "--shards must be a whole number from 1, not 'many'"),
    ])
    func refusesAnythingElseNamingTheArgument(arguments: [String], message: String) {
        #expect(GenerateRun.parse(arguments) == .failure(GenerateRun.ArgumentError(description: message)))
    }
}
