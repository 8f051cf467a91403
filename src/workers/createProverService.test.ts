import { describe, expect, it } from 'vitest'
import { sim } from '../core/params/presets.ts'
import { computeCommitment } from '../core/post/computeCommitment.ts'
import { loadPostWasm } from '../post-wasm/loadPostWasm.ts'
import { createMemoryOpfs } from './createMemoryOpfs.ts'
import { createProverService } from './createProverService.ts'

const params = sim.post // 64 labels per unit, scrypt N = 2, K2 = 4, pow difficulty ff…ff
const nodeId = new Uint8Array(32).fill(3)
const commitmentAtxId = new Uint8Array(32).fill(4)
const allocation = { dir: 'post', nodeId, commitmentAtxId, numUnits: 4, labelsPerUnit: 64, labelsPerFile: 64 }
const challenge = new Uint8Array(32).fill(9)

/** Writes the allocation's 256 labels into four 64-label files, as the labeler pool would. */
async function initialized() {
  const memory = createMemoryOpfs()
  const wasm = await loadPostWasm()
  const commitment = computeCommitment(nodeId, commitmentAtxId)
  const dir = await memory.root.getDirectoryHandle('post', { create: true })
  for (let f = 0; f < 4; f++) {
    const handle = await (
      await dir.getFileHandle(`postdata_${f}.bin`, { create: true })
    ).createSyncAccessHandle()
    handle.write(wasm.labels(commitment, params.scryptN, BigInt(f * 64), 64).labels, { at: 0 })
  }
  return { memory, wasm }
}

describe('createProverService', () => {
  it('proves over the stored labels with the WASM and the TS scan kernels; both proofs verify', async () => {
    const { memory, wasm } = await initialized()
    const withWasm = createProverService(
      async () => wasm,
      async () => memory.root,
    )
    const withTs = createProverService(
      async () => undefined,
      async () => memory.root,
    )
    for (const service of [withWasm, withTs]) {
      const r = await service.prove(allocation, params, challenge)
      expect(r.proof.indices.length).toBe(Math.ceil((9 * params.k2) / 8))
      expect(await service.verify(r.proofBytes, allocation, params, challenge)).toMatchObject({ ok: true })
    }
    expect((await withWasm.prove(allocation, params, challenge)).kernel).toBe('wasm')
  })

  it('rejects the proof for another challenge, another identity and altered bytes, naming the check', async () => {
    const { memory, wasm } = await initialized()
    const service = createProverService(
      async () => wasm,
      async () => memory.root,
    )
    const { proofBytes } = await service.prove(allocation, params, challenge)
    const other = new Uint8Array(32).fill(10)
    const results = [
      await service.verify(proofBytes, allocation, params, other),
      await service.verify(proofBytes, { ...allocation, nodeId: other }, params, challenge),
      await service.verify(proofBytes.subarray(0, 3), allocation, params, challenge),
    ]
    for (const r of results) expect(r.ok).toBe(false)
    expect(results[2]).toMatchObject({ ok: false, code: 'DecodeError' })
  })

  it('finds a corrupted label by recomputing the stored ones', async () => {
    const { memory } = await initialized()
    const service = createProverService(
      async () => undefined,
      async () => memory.root,
    )
    expect(await service.checkLabels(allocation, params.scryptN, 1000, 1)).toMatchObject({
      checked: 256,
      mismatchCount: 0,
    })
    const f2 = memory.file('postdata_2.bin')
    if (f2 === undefined) throw new Error('file 2 missing')
    f2.bytes[5 * 16 + 3] = (f2.bytes[5 * 16 + 3] as number) ^ 1 // label 2 × 64 + 5
    expect(await service.checkLabels(allocation, params.scryptN, 1000, 1)).toMatchObject({
      mismatches: [133],
      mismatchCount: 1,
    })
    const sampled = await service.checkLabels(allocation, params.scryptN, 32, 7)
    expect(sampled.checked).toBe(32)
  })
})
