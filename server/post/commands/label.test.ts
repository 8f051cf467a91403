import { afterEach, describe, expect, it, vi } from 'vitest'
import vectors from '../../../src/core/post/fixtures/post-labels.json' with { type: 'json' }
import { run } from './label.ts'

function captureStdout(): () => string {
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  return () => {
    spy.mockRestore()
    return out
  }
}

afterEach(() => vi.restoreAllMocks())

describe('post label', () => {
  it('prints consecutive labels that match post-labels.json', async () => {
    // The zero commitment has vectors for indices 0..3 at N=512 or 8192; pick a run of them.
    const zero = '0'.repeat(64)
    const byN = vectors.vectors.filter((v) => v.commitment === zero && v.n === 8192 && v.index <= 3)
    const stop = captureStdout()
    await run(['--commitment', zero, '--n', '8192', '--index', '0', '--count', '4'])
    const lines = stop().trim().split('\n')
    expect(lines).toHaveLength(4)
    for (const v of byN) expect(lines[v.index]).toBe(v.label)
  })

  it('prints a label at a 64-bit index', async () => {
    const v = vectors.vectors.find((v) => BigInt(v.index) > 0xffffffffn)
    if (v === undefined) throw new Error('expected a vector with an index above 2^32')
    const stop = captureStdout()
    await run(['--commitment', v.commitment, '--n', String(v.n), '--index', String(v.index)])
    expect(stop().trim()).toBe(v.label)
  })

  it('names the bad option', async () => {
    await expect(run(['--commitment', 'abcd', '--n', '16', '--index', '0'])).rejects.toThrow(
      "--commitment: expected 64 hex digits (32 bytes), got 'abcd'",
    )
    await expect(run(['--commitment', '0'.repeat(64), '--n', '12', '--index', '0'])).rejects.toThrow(
      '--n: expected a power of two in 2..2^24, got 12',
    )
    await expect(run(['--commitment', '0'.repeat(64), '--n', '16'])).rejects.toThrow('missing --index')
  })
})
