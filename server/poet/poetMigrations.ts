/**
 * The PoET service's SQLite schema. Registrations are keyed by (round, node id) as poet keys its
 * LevelDB (one challenge per node per round; reference post-poet.md §3.3), so the members of a
 * round read back in ascending node-id order — the order of the membership tree's leaves.
 * Migration 2 keeps the last checkpoint of a round whose sequential work is under way
 * (`poetProverCheckpointCodec`, ≤ 1,417 B), deleted with the publication of its proof.
 */
export const poetMigrations: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
   CREATE TABLE registrations (
     round INTEGER NOT NULL,
     node_id BLOB NOT NULL CHECK (length(node_id) = 32),
     challenge BLOB NOT NULL CHECK (length(challenge) = 32),
     PRIMARY KEY (round, node_id)
   ) WITHOUT ROWID;
   CREATE TABLE proofs (
     round INTEGER PRIMARY KEY,
     statement BLOB NOT NULL,
     proof BLOB NOT NULL,
     leaf_count INTEGER NOT NULL,
     published_ms INTEGER NOT NULL
   );`,
  `CREATE TABLE round_checkpoints (
     round INTEGER PRIMARY KEY,
     checkpoint BLOB NOT NULL,
     leaf_count INTEGER NOT NULL,
     saved_ms INTEGER NOT NULL
   );`,
]
