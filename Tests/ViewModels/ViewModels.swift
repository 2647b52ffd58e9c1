// Models generated at build time from Tests/Fixtures/views (tables, views and a materialized
// view) and Tests/Fixtures/views-queries (typed queries over them). That this target compiles,
// with warnings as errors in Swift 6 mode, is the compile test; PGQueriesTests runs it.
@_exported import PGRecord
