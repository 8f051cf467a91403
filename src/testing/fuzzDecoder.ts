/**
 * A decoder fuzz test in one line: `fuzzDecoder('ballot', decodeBallot, [validBallotBytes])`.
 *
 * Registers a vitest test that feeds the decoder random bytes and mutations of the valid
 * samples — bit flips, byte overwrites with boundary values (compact-mode headers, 0x00, 0xff),
 * truncations, extensions, insertions, deletions — and fails on any throw that is not a
 * DecodeError. A decoder reached from the network must turn every input into a value or a
 * DecodeError (a REJECT verdict), never a TypeError, RangeError or a hang. fast-check prints the
 * seed and the shrunk input of a failure; pass `{ seed }` to replay it.
 */
import fc from 'fast-check'
import { it } from 'vitest'

export type FuzzDecoderOptions = {
  /** Inputs to try (default 1000). */
  runs?: number
  /** Replays a failure fast-check reported. */
  seed?: number
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'extend'; tail: Uint8Array }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }

/** Bytes that sit on SCALE boundaries: compact modes 0-3, small lengths, the largest values. */
const interestingByte = fc.oneof(
  fc.constantFrom(0x00, 0x01, 0x02, 0x03, 0x04, 0x07, 0x3f, 0x40, 0x7f, 0x80, 0xfc, 0xfd, 0xfe, 0xff),
  fc.integer({ min: 0, max: 255 }),
)

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: interestingByte }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extend' as const), tail: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
)

function mutate(input: Uint8Array, m: Mutation): Uint8Array {
  const at = 'at' in m ? m.at % (input.length + 1) : 0
  switch (m.kind) {
    case 'flip':
    case 'set': {
      if (input.length === 0) return input
      const out = input.slice()
      const i = at % input.length
      out[i] = m.kind === 'flip' ? out[i]! ^ (1 << m.bit) : m.value
      return out
    }
    case 'truncate':
      return input.slice(0, at)
    case 'extend':
      return concat(input, m.tail)
    case 'insert':
      return concat(input.subarray(0, at), m.bytes, input.subarray(at))
    case 'delete':
      return concat(input.subarray(0, at), input.subarray(at + m.count))
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

/** Registers the fuzz test for `decode` in the current vitest suite. */
export function fuzzDecoder(
  name: string,
  decode: (bytes: Uint8Array) => unknown,
  validSamples: Uint8Array[],
  options: FuzzDecoderOptions = {},
): void {
  it(`${name}: random and mutated input decodes or throws DecodeError`, () => {
    checkDecoder(decode, validSamples, options)
  })
}

/** The property behind `fuzzDecoder`; throws (with fast-check's report) on the first bad input. */
export function checkDecoder(
  decode: (bytes: Uint8Array) => unknown,
  validSamples: Uint8Array[],
  options: FuzzDecoderOptions = {},
): void {
  for (const sample of validSamples) decode(sample) // the samples themselves must decode
  const longest = Math.max(64, ...validSamples.map((s) => s.length))
  const random = fc.uint8Array({ maxLength: 2 * longest })
  const inputs =
    validSamples.length === 0
      ? random
      : fc.oneof(
          { arbitrary: random, weight: 1 },
          {
            arbitrary: fc
              .tuple(fc.constantFrom(...validSamples), fc.array(mutation, { minLength: 1, maxLength: 4 }))
              .map(([sample, ms]) => ms.reduce(mutate, sample)),
            weight: 4,
          },
        )
  fc.assert(
    fc.property(inputs, (input) => {
      try {
        decode(input)
      } catch (err) {
        // Compared by name, not instanceof, so a second copy of the codec module still counts.
        if ((err as Error)?.name !== 'DecodeError') {
          throw new Error(
            `the decoder threw ${String((err as Error)?.stack ?? err)}\ninstead of a DecodeError`,
          )
        }
      }
    }),
    {
      numRuns: options.runs ?? 1000,
      includeErrorInReport: true,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    },
  )
}
