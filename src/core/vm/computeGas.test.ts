import { describe, expect, it } from 'vitest'
import { baseGas, computeGas, execGas, loadGas, txDataGas } from './computeGas.ts'

const keys = (n: number) => Array.from({ length: n }, () => new Uint8Array(32))
const ceil8 = (x: number) => BigInt(Math.ceil(x / 8))

// The closed forms reference go-spacemesh.md §2.1 gives for the templates' gas.go.
describe('template gas (go-spacemesh genvm gas.go, reference §2.1)', () => {
  it('prices wallets: base 53,000 / 23,000, load 4,138, exec 45,000 / 7,032', () => {
    const w = { template: 'wallet', args: { publicKey: new Uint8Array(32) } } as const
    expect([
      baseGas(w, 'spawn'),
      baseGas(w, 'spend'),
      loadGas(w),
      execGas(w, 'spawn'),
      execGas(w, 'spend'),
    ]).toEqual([53_000n, 23_000n, 4_138n, 45_000n, 7_032n])
    expect(computeGas(w, 'spend', 118, undefined).maxGas).toBe(36_090n)
    expect(computeGas(w, 'spawn', 148, { self: true }).maxGas).toBe(100_432n)
  })

  it('prices k-of-n multisig and vesting by the reference formulas for every k ≤ n ≤ 10', () => {
    for (let n = 1; n <= 10; n++) {
      for (let k = 1; k <= n; k++) {
        for (const template of ['multisig', 'vesting'] as const) {
          const t = { template, args: { required: k, publicKeys: keys(n) } }
          expect(baseGas(t, 'spawn')).toBe(50_000n + 3_000n * BigInt(k))
          expect(baseGas(t, 'spend')).toBe(20_000n + 3_000n * BigInt(k))
          expect(loadGas(t)).toBe(2_500n + 182n * ceil8(32 * n + 36))
          expect(execGas(t, 'spawn')).toBe(5_000n * ceil8(32 * n + 36))
          expect(execGas(t, 'spend')).toBe(7_032n)
        }
        const v = { template: 'vesting', args: { required: k, publicKeys: keys(n) } } as const
        expect(baseGas(v, 'drain')).toBe(20_000n + 3_000n * BigInt(k))
        expect(execGas(v, 'drain')).toBe(2_500n + 182n * ceil8(92) + 725n * ceil8(36) + 725n * ceil8(16))
      }
    }
  })

  it('charges a spawn of another account the principal load plus the target spawn', () => {
    const owner = { template: 'vesting', args: { required: 1, publicKeys: keys(2) } } as const
    const vault = {
      template: 'vault',
      args: {
        owner: new Uint8Array(24),
        totalAmount: 1n,
        initialUnlockAmount: 0n,
        vestingStart: 0,
        vestingEnd: 1,
      },
    } as const
    const g = computeGas(owner, 'spawn', 200, { self: false, target: vault })
    expect(g.intrinsic).toBe(baseGas(owner, 'spawn') + txDataGas(200))
    expect(g.maxGas).toBe(g.intrinsic + loadGas(owner) + 0n)
    expect(txDataGas(1)).toBe(128n)
    expect(txDataGas(8)).toBe(128n)
    expect(txDataGas(9)).toBe(256n)
  })
})
