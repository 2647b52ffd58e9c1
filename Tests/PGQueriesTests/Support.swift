import Foundation
import PGQueries
import PGSchema
import PGTestSupport

/// The saas schema, folded once for all tests.
let saasSchema: Schema = {
    let result = SchemaLoader.load(migrations: saasMigrationsPath)
    precondition(!result.hasErrors, "\(result.diagnostics)")
    return result.schema
}()

var saasQueriesPath: String { repositoryRoot + "/queries/saas" }

/// One query analysed over the saas schema, annotated for it.
func analyze(_ sql: String, command: String = ":many", schema: Schema = saasSchema) -> QueryAnalyzer.Result {
    QueryAnalyzer.analyze(sql: "-- name: Q \(command)\n" + sql, schema: schema)
}

/// A result's columns as `name type [NOT NULL]` lines, and parameters as `$n name type [NULL]`.
func describe(_ query: AnalyzedQuery) -> [String] {
    query.columns.map { "\($0.name) \(plain($0.type))\($0.isNotNull ? " NOT NULL" : "")" }
        + query.parameters.map { "$\($0.number) \($0.name) \(plain($0.type))\($0.isNullable ? " NULL" : "")" }
}

func plain(_ type: ColumnType) -> String {
    var type = type
    type.modifiers = []
    return type.description
}

var fixtureMigrationsPath: String { repositoryRoot + "/Tests/Fixtures/models" }

/// The fixture schema of every mapped type.
let fixtureSchema: Schema = {
    let result = SchemaLoader.load(migrations: fixtureMigrationsPath)
    precondition(!result.hasErrors, "\(result.diagnostics)")
    return result.schema
}()
