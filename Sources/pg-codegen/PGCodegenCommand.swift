import ArgumentParser
import Foundation
import PGSchema

/// `pg-codegen`: the generator's command line, which the build plugins run.
@main
struct PGCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pg-codegen",
        abstract: "Read PostgreSQL migrations into a schema model.",
        subcommands: [SchemaDump.self]
    )
}

struct SchemaDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the schema folded from a module's up migrations as JSON.",
        discussion: """
            Objects appear in the order the migrations created them (tables, then enums, composite \
            types, domains, views); columns in table order; object keys sorted. Errors are printed \
            as path:line:column: error: message, and the exit status is non-zero.
            """
    )

    @Option(help: ArgumentHelp("The module's migrations folder.", valueName: "dir"))
    var migrations: String

    @Option(help: ArgumentHelp("Write the JSON here instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let result = SchemaLoader.load(migrations: migrations)
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard !result.hasErrors else { throw ExitCode.failure }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(result.schema)
        data.append(0x0A)
        if let output {
            let url = URL(fileURLWithPath: output)
            if (try? Data(contentsOf: url)) != data { try data.write(to: url, options: .atomic) }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
