import { describe, expect, it } from 'vitest'
import type { AtxHeader } from './AtxHeader.ts'
import { selectPositioningAtx } from './selectPositioningAtx.ts'

const golden = new Uint8Array(32).fill(0xff)
const me = new Uint8Array(32).fill(1)
const them = new Uint8Array(32).fill(2)

function atx(idByte: number, smesherId: Uint8Array, publishEpoch: number, tickHeight: bigint): AtxHeader {
  return { id: new Uint8Array(32).fill(idByte), smesherId, publishEpoch, tickHeight } as AtxHeader
}

describe('selectPositioningAtx', () => {
  const pick = (candidates: AtxHeader[], isMalicious?: (id: Uint8Array) => boolean) =>
    selectPositioningAtx({
      candidates,
      publishEpoch: 5,
      nodeId: me,
      goldenAtxId: golden,
      ...(isMalicious ? { isMalicious } : {}),
    })

  it('takes the golden ATX when nothing older is known', () => {
    expect(pick([atx(1, them, 5, 100n)])).toEqual({ id: golden, tickHeight: 0n })
  })

  it('takes the highest tick height published before the epoch', () => {
    expect(pick([atx(1, them, 4, 10n), atx(2, them, 3, 30n), atx(3, them, 5, 99n)]).id[0]).toBe(2)
  })

  it('breaks ties by our own ATX, then by the smallest id', () => {
    expect(pick([atx(9, them, 4, 10n), atx(7, me, 4, 10n), atx(3, them, 4, 10n)]).id[0]).toBe(7)
    expect(pick([atx(9, them, 4, 10n), atx(3, them, 4, 10n)]).id[0]).toBe(3)
  })

  it('skips identities proven malicious', () => {
    expect(pick([atx(1, them, 4, 50n), atx(2, me, 4, 10n)], (id) => id[0] === 2).id[0]).toBe(2)
  })
})
