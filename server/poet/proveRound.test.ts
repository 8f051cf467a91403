import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  decodePoetProof,
  decodePoetProverCheckpoint,
  encodePoetProverCheckpoint,
  POET_T,
  PoetProver,
  verifyPoetProof,
} from '../../src/core/poet/index.ts'
import { FilePoetTreeStore } from './FilePoetTreeStore.ts'
import { proveRound } from './proveRound.ts'

const dir = mkdtempSync(join(tmpdir(), 'poet-round-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const statement = new Uint8Array(32).fill(0x21)

describe('proveRound with tree files', () => {
  it('saves a checkpoint only once the nodes it counts are on disk, and resumes from it', async () => {
    const treeDir = join(dir, 'a')
    const saved: { checkpoint: Uint8Array; leafCount: number; onDisk: number }[] = []
    const first = await proveRound({
      statement,
      treeDir,
      checkpointEveryMs: 0,
      isPastEnd: () => (saved.at(-1)?.leafCount ?? 0) >= 200,
      onCheckpoint: (checkpoint, leafCount) => {
        const reader = new FilePoetTreeStore(treeDir) // what a restarted process would find
        saved.push({ checkpoint, leafCount, onDisk: reader.width(0) })
        reader.close()
      },
    })
    expect(saved.length).toBeGreaterThan(1)
    for (const s of saved) {
      expect(decodePoetProverCheckpoint(s.checkpoint).leafCount).toBe(s.leafCount)
      expect(s.onDisk).toBeGreaterThanOrEqual(s.leafCount)
    }
    verifyPoetProof(decodePoetProof(first.proof), statement)

    const mid = saved[Math.floor(saved.length / 2)]!
    let more = 0
    const resumed = await proveRound({
      statement,
      treeDir,
      checkpoint: mid.checkpoint,
      checkpointEveryMs: 0,
      isPastEnd: () => more >= 2,
      onCheckpoint: () => {
        more++
      },
    })
    expect(resumed.resumedFrom).toBe(mid.leafCount)
    expect(resumed.resumeError).toBeUndefined()
    expect(resumed.leafCount).toBeGreaterThan(mid.leafCount)
    verifyPoetProof(decodePoetProof(resumed.proof), statement)
  })

  it('drops a checkpoint that does not fit its files and restarts from leaf 0', async () => {
    const treeDir = join(dir, 'b')
    const other = new PoetProver(new Uint8Array(32).fill(0x22))
    other.step(40)
    const foreign = encodePoetProverCheckpoint(other.checkpoint())
    for (const checkpoint of [foreign, new Uint8Array([9, 9, 9])]) {
      const result = await proveRound({ statement, treeDir, checkpoint, isPastEnd: () => true })
      expect(result.resumedFrom).toBe(0)
      expect(result.resumeError).toMatch(/CHECKPOINT_STATEMENT_MISMATCH|checkpoint: expected at least/)
      expect(result.leafCount).toBe(POET_T)
      verifyPoetProof(decodePoetProof(result.proof), statement)
    }
  })
})
