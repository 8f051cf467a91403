import { describe, expect, it } from 'vitest'
import { presets } from '../params/presets.ts'
import { computeSubsidyAtIndex } from './computeAccumulatedSubsidy.ts'
import { computeLayerSubsidy } from './computeLayerSubsidy.ts'

describe('computeLayerSubsidy', () => {
  it('counts every preset from FirstEffectiveGenesis = 2 · LayersPerEpoch − 1', () => {
    for (const p of Object.values(presets)) {
      const s = p.vm.subsidy
      if (s.kind !== 'decaying') throw new Error(`${p.name}: expected the decaying schedule`)
      expect(s.firstEffectiveGenesis, p.name).toBe(2 * p.layersPerEpoch - 1)
      expect(computeLayerSubsidy(s, s.firstEffectiveGenesis)).toBe(477_618_397_593n)
      expect(computeLayerSubsidy(s, s.firstEffectiveGenesis + 1000)).toBe(computeSubsidyAtIndex(1000))
      expect(() => computeLayerSubsidy(s, s.firstEffectiveGenesis - 1)).toThrow(/first effective genesis/)
    }
  })

  it('mints a constant schedule on every layer and refuses non-u32 layers', () => {
    const flat = { kind: 'constant', perLayer: 42n } as const
    expect(computeLayerSubsidy(flat, 0)).toBe(42n)
    expect(computeLayerSubsidy(flat, 0xffff_ffff)).toBe(42n)
    expect(() => computeLayerSubsidy(flat, -1)).toThrow(/layer: expected u32, got -1/)
    expect(() => computeLayerSubsidy(presets.mainnet.vm.subsidy, 2 ** 32)).toThrow(/layer: expected u32/)
  })
})
