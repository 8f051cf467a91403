/**
 * Derived values of a valid ATX (go-spacemesh `handler_v1.go` `processATX`): the PoET's leaf
 * count in ticks, the tick interval the ATX covers, and its weight = effective units × ticks.
 * Weights are u64 in go-spacemesh; a product that overflows is rejected rather than wrapped.
 */
const U64_MAX = (1n << 64n) - 1n

export interface AtxWeightParameters {
  /** min(previous ATX's numUnits, numUnits), or numUnits for an initial ATX. */
  readonly effectiveNumUnits: number
  /** Leaves of the PoET proof the NIPoST used. */
  readonly leafCount: bigint
  /** `TickSize`: PoET leaves per tick. */
  readonly tickSize: number
  /** The positioning ATX's tick height (0 for the golden ATX). */
  readonly baseTickHeight: bigint
}

export interface AtxWeightReturnType {
  readonly tickCount: bigint
  readonly tickHeight: bigint
  /** undefined when the weight or the tick height overflows a u64. */
  readonly weight: bigint | undefined
}

export function computeAtxWeight(p: AtxWeightParameters): AtxWeightReturnType {
  if (!Number.isSafeInteger(p.tickSize) || p.tickSize <= 0) {
    throw new RangeError(`tickSize: expected a positive integer, got ${p.tickSize}`)
  }
  const tickCount = p.leafCount / BigInt(p.tickSize)
  const tickHeight = p.baseTickHeight + tickCount
  const weight = BigInt(p.effectiveNumUnits) * tickCount
  const overflow = weight > U64_MAX || tickHeight > U64_MAX
  return { tickCount, tickHeight, weight: overflow ? undefined : weight }
}
