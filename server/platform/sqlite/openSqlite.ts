/**
 * Opens a SQLite database for a server component and brings its schema up to date.
 *
 * Migrations are an ordered list of SQL scripts; `PRAGMA user_version` records how many have run,
 * and each runs in its own transaction together with the version bump, so a crash leaves the
 * database at a whole version. WAL lets readers (HTTP handlers) proceed while a writer commits,
 * and `synchronous = NORMAL` is durable across process crashes in WAL mode (only an OS crash can
 * lose the last commits). go-spacemesh keeps its state in SQLite the same way (`sql/database.go`).
 */
import Database from 'better-sqlite3'

export type SqliteDatabase = Database.Database

export interface OpenSqliteOptions {
  /** File path, or ':memory:'. */
  readonly path: string
  /** Scripts in order; never edit or reorder a released one, only append. */
  readonly migrations: readonly string[]
}

export function openSqlite({ path, migrations }: OpenSqliteOptions): SqliteDatabase {
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > migrations.length) {
      throw new Error(
        `${path}: schema version ${version} is newer than this build knows (${migrations.length})`,
      )
    }
    for (let v = version; v < migrations.length; v++) {
      db.transaction(() => {
        db.exec(migrations[v]!)
        db.pragma(`user_version = ${v + 1}`)
      })()
    }
    return db
  } catch (err) {
    db.close()
    throw err
  }
}
