import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzDecoder } from '../../testing/fuzzDecoder.ts'
import { MemoryPoetTreeStore } from './MemoryPoetTreeStore.ts'
import { PoetProver } from './PoetProver.ts'
import { encodePoetProof } from './poetProofCodec.ts'
import { decodePoetProverCheckpoint, encodePoetProverCheckpoint } from './poetProverCheckpointCodec.ts'
import { verifyPoetProof } from './verifyPoetProof.ts'

const statement = new Uint8Array(32).fill(0x5c)
const other = new Uint8Array(32).fill(0x5d)
const MAX = 96
const T = 8
const tFor = (n: number) => Math.min(T, n)

// Uninterrupted proofs at every leaf count 1..MAX from one prover (proving does not mutate it).
const referenceProofs: Uint8Array[] = [new Uint8Array()]
const reference = new PoetProver(statement)
for (let n = 1; n <= MAX; n++) {
  reference.step(1)
  referenceProofs.push(encodePoetProof(reference.prove(tFor(n))))
}

function checkpointAt(n: number): { prover: PoetProver; bytes: Uint8Array } {
  const prover = new PoetProver(statement)
  prover.step(n)
  return { prover, bytes: encodePoetProverCheckpoint(prover.checkpoint()) }
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f()
  } catch (err) {
    return (err as { code?: string }).code
  }
  return undefined
}

describe('PoetProver checkpoints (poetProverCheckpointCodec v1)', () => {
  it('resumed at arbitrary points, with lost work after each, proves byte-identically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 0, max: 9 })), {
          maxLength: 5,
        }),
        (total, cuts) => {
          let prover = new PoetProver(statement)
          for (const [at, lost] of [...cuts].sort((x, y) => x[0] - y[0])) {
            if (at > total) break
            prover.step(at - prover.leafCount)
            const saved = encodePoetProverCheckpoint(prover.checkpoint())
            prover.step(lost) // computed and stored, then lost in a crash
            prover = PoetProver.fromCheckpoint(decodePoetProverCheckpoint(saved), prover.store, statement)
            expect(prover.leafCount).toBe(at)
          }
          prover.step(total - prover.leafCount)
          expect(encodePoetProof(prover.prove(tFor(total)))).toEqual(referenceProofs[total])
        },
      ),
      { numRuns: 60 },
    )
  })

  it('encodes to 41 + 32 bytes per set bit of the leaf count and round-trips', () => {
    for (const n of [0, 1, 2, 21, 64, 95]) {
      const { prover, bytes } = checkpointAt(n)
      let bits = 0
      for (let r = n; r > 0; r = Math.floor(r / 2)) bits += r % 2
      expect(bytes.length).toBe(41 + 32 * bits)
      expect(bytes[0]).toBe(1)
      expect(decodePoetProverCheckpoint(bytes)).toEqual(prover.checkpoint())
    }
  })

  it('resumes an empty checkpoint as a fresh prover', () => {
    const { prover, bytes } = checkpointAt(0)
    const resumed = PoetProver.fromCheckpoint(decodePoetProverCheckpoint(bytes), prover.store, statement)
    resumed.step(MAX)
    expect(encodePoetProof(resumed.prove(T))).toEqual(referenceProofs[MAX])
  })

  it('refuses a checkpoint of another round, a short store and a disagreeing parked node', () => {
    const { prover, bytes } = checkpointAt(21)
    const cp = decodePoetProverCheckpoint(bytes)
    expect(codeOf(() => PoetProver.fromCheckpoint(cp, prover.store, other))).toBe(
      'CHECKPOINT_STATEMENT_MISMATCH',
    )
    expect(codeOf(() => PoetProver.fromCheckpoint(cp, new MemoryPoetTreeStore(), statement))).toBe(
      'CHECKPOINT_STORE_MISMATCH',
    )
    const short = new PoetProver(statement)
    short.step(20)
    expect(codeOf(() => PoetProver.fromCheckpoint(cp, short.store, statement))).toBe(
      'CHECKPOINT_STORE_MISMATCH',
    )
    const flipped = bytes.slice()
    flipped[41 + 32 + 5]! ^= 0x10 // inside the parked node at height 2
    const bad = decodePoetProverCheckpoint(flipped)
    expect(codeOf(() => PoetProver.fromCheckpoint(bad, prover.store, statement))).toBe(
      'CHECKPOINT_STORE_MISMATCH',
    )
    // A refused checkpoint leaves the store as it was: the real one still resumes.
    expect(PoetProver.fromCheckpoint(cp, prover.store, statement).leafCount).toBe(21)
  })

  it('refuses a hand-built checkpoint whose parked nodes are not the bits of its leaf count', () => {
    const { prover } = checkpointAt(21)
    const cp = prover.checkpoint()
    const store = prover.store
    expect(codeOf(() => PoetProver.fromCheckpoint({ ...cp, leafCount: 22 }, store, statement))).toBe(
      'CHECKPOINT_INVALID',
    )
    expect(codeOf(() => PoetProver.fromCheckpoint({ ...cp, leafCount: -1 }, store, statement))).toBe(
      'CHECKPOINT_INVALID',
    )
    expect(codeOf(() => PoetProver.fromCheckpoint({ ...cp, leafCount: 2 ** 44 }, store, statement))).toBe(
      'CHECKPOINT_INVALID',
    )
    const extra = { ...cp, parked: [...cp.parked, new Uint8Array(32), new Uint8Array(32)] }
    expect(codeOf(() => PoetProver.fromCheckpoint(extra, store, statement))).toBe('CHECKPOINT_INVALID')
  })

  it('rejects an unknown version, a leaf count above 2^43 and a wrong length while decoding', () => {
    const { bytes } = checkpointAt(21)
    const v2 = bytes.slice()
    v2[0] = 2
    expect(codeOf(() => decodePoetProverCheckpoint(v2))).toBe('INVALID_TAG')
    const huge = bytes.slice()
    huge[40] = 0xff
    expect(codeOf(() => decodePoetProverCheckpoint(huge))).toBe('OUT_OF_RANGE')
    expect(codeOf(() => decodePoetProverCheckpoint(bytes.subarray(0, bytes.length - 1)))).toBe('TRUNCATED')
    expect(codeOf(() => decodePoetProverCheckpoint(new Uint8Array([...bytes, 0])))).toBe('TRAILING_BYTES')
  })

  it('never resumes a mutated checkpoint into a different proof', () => {
    const at = 45
    const { prover, bytes } = checkpointAt(at)
    prover.step(3)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (offset, xor) => {
          const mutated = bytes.slice()
          mutated[offset]! ^= xor
          let resumed: PoetProver
          try {
            resumed = PoetProver.fromCheckpoint(decodePoetProverCheckpoint(mutated), prover.store, statement)
          } catch (err) {
            expect(['DecodeError', 'PoetProofError']).toContain((err as Error).name)
            return
          }
          resumed.step(MAX - resumed.leafCount)
          const proof = resumed.prove(T)
          verifyPoetProof(proof, statement, { t: T })
          expect(encodePoetProof(proof)).toEqual(referenceProofs[MAX])
        },
      ),
      { numRuns: 300 },
    )
  })

  fuzzDecoder('poet prover checkpoint', decodePoetProverCheckpoint, [
    checkpointAt(0).bytes,
    checkpointAt(21).bytes,
    checkpointAt(63).bytes,
  ])
})
