// The app's models: generated at `swift build` from migrations/app, linked here as `migrations`.
@_exported import PGRecord
