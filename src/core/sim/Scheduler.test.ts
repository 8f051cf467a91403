import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng } from './createRng.ts'
import { Scheduler } from './Scheduler.ts'

describe('Scheduler', () => {
  it('runs callbacks by time, then by insertion order, and moves time only forward', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), (times) => {
        const s = new Scheduler()
        const seen: [number, number][] = []
        for (const [i, t] of times.entries()) s.at(t, () => seen.push([s.now, i]))
        s.runUntil(100)
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        expect(seen).toEqual(expected)
        expect(s.now).toBe(100)
      }),
    )
  })

  it('clamps a callback scheduled in the past to now and stops at the horizon', () => {
    const s = new Scheduler()
    const seen: number[] = []
    s.at(10, () => s.at(3, () => seen.push(s.now)))
    s.at(20, () => seen.push(-1))
    s.runUntil(15)
    expect(seen).toEqual([10])
    expect(s.now).toBe(15)
  })
})

describe('createRng', () => {
  it('is a function of the seed', () => {
    const a = createRng(42)
    const b = createRng(42)
    const c = createRng(43)
    const draw = (r: ReturnType<typeof createRng>) => [r.nextU64(), r.nextInt(1000), ...r.bytes(5)]
    expect(draw(a)).toEqual(draw(b))
    expect(draw(createRng(42))).not.toEqual(draw(c))
  })

  it('matches SplitMix64 reference output for seed 0', () => {
    // First outputs of SplitMix64 seeded with 0 (Vigna's reference splitmix64.c).
    const r = createRng(0)
    expect(r.nextU64()).toBe(0xe220a8397b1dcdafn)
    expect(r.nextU64()).toBe(0x6e789e6aa1b965f4n)
  })

  it('keeps nextInt in range', () => {
    const r = createRng(7)
    for (let i = 0; i < 1000; i++) {
      const v = r.nextInt(7)
      expect(v >= 0 && v < 7).toBe(true)
    }
  })
})
