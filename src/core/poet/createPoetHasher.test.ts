import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { createPoetHasher } from './createPoetHasher.ts'

/** The plain definition, with noble's SHA-256, to check the tuned loop against. */
function h400(data: Uint8Array): Uint8Array {
  let d = sha256(data)
  for (let i = 1; i < 400; i++) d = sha256(d)
  return d
}

function u64be(i: number): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, BigInt(i))
  return b
}

describe('PoET hashes (poet hash/hash_test.go vectors, reference post-poet.md §6.4)', () => {
  const statement = utf8ToBytes('a123123123mskofvuw098e71bnj91273')

  it('label hash of free-form data matches upstream', () => {
    const out = new Uint8Array(32)
    createPoetHasher(statement).labelOfInput(
      utf8ToBytes('12312390819023879012379184718920408data0123128991231239081'),
      out,
    )
    expect(bytesToHex(out)).toBe('b0d5378b51463392b29347b686d8a7f041ce0ec278dd3e090c4e4ce05e61c4c4')
  })

  it('merkle node formula SHA256(statement ‖ left ‖ right) matches upstream', () => {
    const d = sha256(concatBytes(statement, utf8ToBytes('left-one'), utf8ToBytes('right-one')))
    expect(bytesToHex(d)).toBe('670196b573a99378513df4eefdbd84b4b59be86482a8df3802bafa334c760629')
  })

  it('node() equals that formula for 32-byte children', () => {
    const left = sha256(utf8ToBytes('l'))
    const right = sha256(utf8ToBytes('r'))
    const out = new Uint8Array(32)
    createPoetHasher(statement).node(left, right, out)
    expect(out).toEqual(sha256(concatBytes(statement, left, right)))
  })

  it('label() packs index and the parked siblings of set bits, ascending', () => {
    const hasher = createPoetHasher(statement)
    const p = Array.from({ length: 40 }, (_, k) => sha256(new Uint8Array([k])))
    for (const index of [0, 1, 2, 5, 6, 11, 2 ** 33 + 3]) {
      const used = p.filter((_, h) => Math.floor(index / 2 ** h) % 2 === 1)
      const out = new Uint8Array(32)
      hasher.label(index, p, out)
      expect(bytesToHex(out)).toBe(bytesToHex(h400(concatBytes(statement, u64be(index), ...used))))
    }
  })

  it('rejects a statement that is not 32 bytes', () => {
    expect(() => createPoetHasher(hexToBytes('00'))).toThrow(/expected 32 bytes, got 1/)
  })
})
