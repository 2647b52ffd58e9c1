import Foundation
import PGQueries
import PGSchema
import Testing

@Suite struct DebugDump {
    @Test func dumpSaasQueries() {
        let result = QueryAnalyzer.analyze(directory: saasQueriesPath, schema: saasSchema)
        for diagnostic in result.diagnostics { print(diagnostic) }
        for query in result.queries {
            print("== \(query.name) \(query.rowTable.map { "row of \($0)" } ?? "")")
            for line in describe(query) { print("   " + line) }
        }
    }
}
extension DebugDump {
    @Test func one() {
        let r = analyze("SELECT name || ' <' AS a, name || 'x' || email AS b FROM saas_clients")
        print(r.diagnostics, r.queries.map(describe))
    }
}
