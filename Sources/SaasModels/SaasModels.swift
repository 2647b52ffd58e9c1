// The saas module's models: generated at `swift build` by the GenerateModels plugin from
// migrations/saas (linked here as `migrations`). A backend writes `import SaasModels`.
//
// PGRecord's value types (JSONValue, PGDate, PGTime, PGInterval, PGTable) come along.
@_exported import PGRecord
