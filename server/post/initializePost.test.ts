import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compareBytes } from '../../src/core/post/compareBytes.ts'
import { computeCommitment } from '../../src/core/post/computeCommitment.ts'
import { computeLabelFull } from '../../src/core/post/computeLabel.ts'
import { computeVrfDifficulty } from '../../src/core/post/computeVrfDifficulty.ts'
import { parsePostMetadata } from '../../src/core/post/parsePostMetadata.ts'
import { loadPostWasm } from '../../src/post-wasm/loadPostWasm.ts'
import { initializePost } from './initializePost.ts'

const root = mkdtempSync(join(tmpdir(), 'post-init-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const nodeId = new Uint8Array(32).fill(0x4d)
const commitmentAtxId = new Uint8Array(32).fill(0x01)
const base = { nodeId, commitmentAtxId, numUnits: 3, labelsPerUnit: 64, scryptN: 4, maxFileSize: 16 * 50 }
const numLabels = 192

const readAll = (dir: string): Uint8Array =>
  Uint8Array.from([0, 1, 2, 3].flatMap((f) => [...readFileSync(join(dir, `postdata_${f}.bin`))]))

describe('initializePost', () => {
  it('writes post-rs files and metadata, resumes after an interruption and a torn write', async () => {
    const dir = join(root, 'resumed')
    const progress: number[] = []
    const first = await initializePost({ ...base, dir, threads: 2, batchLabels: 16, maxLabels: 70 })
    expect(first.complete).toBe(false)
    expect(statSync(join(dir, 'postdata_0.bin')).size).toBe(50 * 16)
    expect(statSync(join(dir, 'postdata_1.bin')).size).toBe(20 * 16)
    expect(parsePostMetadata(readFileSync(join(dir, 'postdata_metadata.json'), 'utf8')).nonce).toBeUndefined()
    const before = readFileSync(join(dir, 'postdata_0.bin'))
    appendFileSync(join(dir, 'postdata_1.bin'), new Uint8Array(5).fill(0xee)) // a crash mid-label

    const second = await initializePost({
      ...base,
      dir,
      threads: 2,
      batchLabels: 16,
      onProgress: (p) => progress.push(p.labelsDone),
    })
    expect(second.complete).toBe(true)
    expect(progress.at(-1)).toBe(numLabels)
    expect(progress[0]).toBeGreaterThan(70)
    expect(readFileSync(join(dir, 'postdata_0.bin'))).toEqual(before)
    expect(readdirSync(dir).sort()).toEqual([
      'postdata_0.bin',
      'postdata_1.bin',
      'postdata_2.bin',
      'postdata_3.bin',
      'postdata_metadata.json',
    ])
    expect(statSync(join(dir, 'postdata_3.bin')).size).toBe(42 * 16)

    // Every label equals the reference, and the VRF nonce is the smallest full label.
    const commitment = computeCommitment(nodeId, commitmentAtxId)
    const data = readAll(dir)
    let best = { value: computeLabelFull(commitment, 0, 4), index: 0 }
    for (let i = 0; i < numLabels; i++) {
      const full = computeLabelFull(commitment, i, 4)
      expect(data.subarray(16 * i, 16 * i + 16)).toEqual(full.subarray(0, 16))
      if (compareBytes(full, best.value) < 0) best = { value: full, index: i }
    }
    const meta = parsePostMetadata(readFileSync(join(dir, 'postdata_metadata.json'), 'utf8'))
    expect(meta.nonce).toBe(best.index)
    expect(meta.nonceValue).toEqual(best.value.subarray(0, 16))
    expect(second.metadata).toEqual(meta)

    // Same bytes as an uninterrupted single-thread run.
    const fresh = join(root, 'fresh')
    await initializePost({ ...base, dir: fresh, threads: 1, batchLabels: 40 })
    expect(readAll(fresh)).toEqual(data)
  })

  it('refuses a directory that holds another allocation', async () => {
    const dir = join(root, 'other')
    await initializePost({ ...base, dir, maxLabels: 1 })
    await expect(initializePost({ ...base, dir, nodeId: new Uint8Array(32) })).rejects.toThrow('NodeId')
    await expect(initializePost({ ...base, dir, numUnits: 2 })).rejects.toThrow('numUnits')
  })

  it('searches past the data when no stored label is below the VRF threshold', async () => {
    // 32 labels: threshold (2^256 / 32) << 3 = 2^254, missed by all 32 with probability
    // (3/4)^32 ≈ 10^-4. This commitment ATX id was found by searching ids (about 35 s), so the
    // test only re-checks the precondition.
    const wasm = await loadPostWasm()
    const threshold = computeVrfDifficulty(32)
    const small = { ...base, numUnits: 1, labelsPerUnit: 32, scryptN: 2, maxFileSize: 16 * 32 }
    const atx = 26347
    const idOf = (k: number) => new Uint8Array(32).fill(k & 0xff).map((b, i) => (i === 0 ? k >> 8 : b))
    const stored = wasm.labels(computeCommitment(nodeId, idOf(atx)), 2, 0n, 32)
    expect(compareBytes(stored.minLabel, threshold)).toBe(1)
    const dir = join(root, 'vrf-beyond')
    const { metadata } = await initializePost({ ...small, commitmentAtxId: idOf(atx), dir, batchLabels: 8 })
    expect(metadata.nonce).toBeGreaterThanOrEqual(32)
    expect(metadata.lastPosition).toBeGreaterThan(metadata.nonce!)
    const full = computeLabelFull(computeCommitment(nodeId, idOf(atx)), metadata.nonce!, 2)
    expect(compareBytes(full, threshold)).toBe(-1)
    expect(statSync(join(dir, 'postdata_0.bin')).size).toBe(32 * 16) // nothing past the data is stored
  })
})
