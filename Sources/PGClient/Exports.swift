// The connection settings (`PGConfig`: URL, `DATABASE_URL`, `.env`) live in PGSettings, which has no
// system library, so that `pg-codegen verify` can read them too; every user of PGClient sees them
// as before.
@_exported import PGSettings
