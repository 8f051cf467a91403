/**
 * Cross-checks against go-spacemesh test data (go-spacemesh.md §8 items 11, 12):
 * `hare3/eligibility/oracle_test.go` "miner active" (weight 1 of 15, committee 10: one seat iff
 * the 56-bit fraction ≥ 1/3; byte 7 of the proof is ignored) and the active-set hash of one ID.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { hash32 } from '../crypto/hash.ts'
import { computeActiveSetHash } from './computeActiveSetHash.ts'
import { countCommitteeSeats } from './countCommitteeSeats.ts'

describe('go-spacemesh vectors', () => {
  it('hare oracle "miner active" seat counts', () => {
    const cases: [string, number][] = [
      ['0516a574aef37257', 1],
      ['73929b4b69090bb6', 0],
      ['e2c27ad65b752b76', 0],
      ['384460966938c876', 1],
      ['15c5f565a7588897', 1],
    ]
    for (const [prefix, want] of cases) {
      const proof = new Uint8Array(80)
      proof.set(hexToBytes(prefix))
      expect(countCommitteeSeats({ weight: 1n, totalWeight: 15n, committee: 10, proof }), prefix).toBe(want)
    }
  })

  it('active-set hash of a single ID', () => {
    const id = hash32(new TextEncoder().encode('1'))
    expect(bytesToHex(computeActiveSetHash([id]))).toBe(
      '3c462dd7363d6e6fb7d5085679d2ee7de30f2d939722882be0816387983051f6',
    )
  })
})
