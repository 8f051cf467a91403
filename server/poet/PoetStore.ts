/**
 * SQLite access of the PoET service: registrations, finished proofs, the checkpoint of a round
 * under way and a few meta values.
 */
import { openSqlite, type SqliteDatabase } from '../platform/sqlite/openSqlite.ts'
import { poetMigrations } from './poetMigrations.ts'

export interface StoredProof {
  readonly round: number
  readonly statement: Uint8Array
  /** SCALE `PoetProof`. */
  readonly proof: Uint8Array
  readonly leafCount: number
}

export interface Member {
  readonly nodeId: Uint8Array
  readonly challenge: Uint8Array
}

export interface StoredCheckpoint {
  /** `poetProverCheckpointCodec` bytes. */
  readonly checkpoint: Uint8Array
  readonly leafCount: number
}

export type RegisterOutcome = 'registered' | 'already-registered' | 'conflict' | 'round-full'

const bytes = (b: Buffer | Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength).slice()

export class PoetStore {
  private readonly db: SqliteDatabase

  constructor(path: string) {
    this.db = openSqlite({ path, migrations: poetMigrations })
  }

  close(): void {
    this.db.close()
  }

  getMeta(key: string): Uint8Array | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      | { value: Buffer }
      | undefined
    return row === undefined ? undefined : bytes(row.value)
  }

  setMeta(key: string, value: Uint8Array): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value)
  }

  /** One challenge per node per round: the same again is fine, a different one is refused. */
  register(round: number, nodeId: Uint8Array, challenge: Uint8Array, maxMembers: number): RegisterOutcome {
    return this.db.transaction((): RegisterOutcome => {
      const existing = this.db
        .prepare('SELECT challenge FROM registrations WHERE round = ? AND node_id = ?')
        .get(round, nodeId) as { challenge: Buffer } | undefined
      if (existing !== undefined) {
        return Buffer.compare(existing.challenge, challenge) === 0 ? 'already-registered' : 'conflict'
      }
      if (this.memberCount(round) >= maxMembers) return 'round-full'
      this.db
        .prepare('INSERT INTO registrations (round, node_id, challenge) VALUES (?, ?, ?)')
        .run(round, nodeId, challenge)
      return 'registered'
    })()
  }

  memberCount(round: number): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM registrations WHERE round = ?').get(round) as { n: number }
    ).n
  }

  /** Members in ascending node-id order (SQLite compares BLOBs bytewise, like LevelDB). */
  members(round: number): Member[] {
    const rows = this.db
      .prepare('SELECT node_id, challenge FROM registrations WHERE round = ? ORDER BY node_id')
      .all(round) as { node_id: Buffer; challenge: Buffer }[]
    return rows.map((r) => ({ nodeId: bytes(r.node_id), challenge: bytes(r.challenge) }))
  }

  /** Rounds below `beforeRound` that have members but no proof yet, oldest first. */
  unfinishedRounds(beforeRound: number): number[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT r.round FROM registrations r LEFT JOIN proofs p ON p.round = r.round
         WHERE r.round < ? AND p.round IS NULL ORDER BY r.round`,
      )
      .all(beforeRound) as { round: number }[]
    return rows.map((r) => r.round)
  }

  /** Publishes a round's proof and drops its checkpoint in one transaction. */
  saveProof(p: StoredProof, publishedMs: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT OR REPLACE INTO proofs (round, statement, proof, leaf_count, published_ms) VALUES (?, ?, ?, ?, ?)',
        )
        .run(p.round, p.statement, p.proof, p.leafCount, publishedMs)
      this.db.prepare('DELETE FROM round_checkpoints WHERE round = ?').run(p.round)
    })()
  }

  /** Replaces the round's checkpoint; one statement, so a crash keeps the old one or the new. */
  saveCheckpoint(round: number, c: StoredCheckpoint, savedMs: number): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO round_checkpoints (round, checkpoint, leaf_count, saved_ms) VALUES (?, ?, ?, ?)',
      )
      .run(round, c.checkpoint, c.leafCount, savedMs)
  }

  getCheckpoint(round: number): StoredCheckpoint | undefined {
    const row = this.db
      .prepare('SELECT checkpoint, leaf_count FROM round_checkpoints WHERE round = ?')
      .get(round) as { checkpoint: Buffer; leaf_count: number } | undefined
    return row === undefined ? undefined : { checkpoint: bytes(row.checkpoint), leafCount: row.leaf_count }
  }

  getProof(round: number): StoredProof | undefined {
    const row = this.db
      .prepare('SELECT statement, proof, leaf_count FROM proofs WHERE round = ?')
      .get(round) as { statement: Buffer; proof: Buffer; leaf_count: number } | undefined
    if (row === undefined) return undefined
    return { round, statement: bytes(row.statement), proof: bytes(row.proof), leafCount: row.leaf_count }
  }
}
