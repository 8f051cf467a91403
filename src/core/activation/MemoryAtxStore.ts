/**
 * An in-memory set of validated ATX headers, indexed the ways validation and positioning-ATX
 * selection look them up (go-spacemesh keeps the same indexes in `sql/atxs`). Pure data: the
 * simulator and unit tests use it directly; persistent stores implement `AtxView` alike.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import type { AtxHeader, AtxView } from './AtxHeader.ts'

export class MemoryAtxStore implements AtxView {
  private readonly byId = new Map<string, AtxHeader>()
  private readonly bySmesher = new Map<string, AtxHeader[]>()
  private readonly byEpoch = new Map<number, AtxHeader[]>()

  /** Adds a header; adding the same id twice is a no-op. */
  add(header: AtxHeader): void {
    const key = bytesToHex(header.id)
    if (this.byId.has(key)) return
    this.byId.set(key, header)
    const smesher = bytesToHex(header.smesherId)
    const own = this.bySmesher.get(smesher) ?? []
    own.push(header)
    own.sort((a, b) => a.publishEpoch - b.publishEpoch)
    this.bySmesher.set(smesher, own)
    const epoch = this.byEpoch.get(header.publishEpoch) ?? []
    epoch.push(header)
    this.byEpoch.set(header.publishEpoch, epoch)
  }

  get(id: Uint8Array): AtxHeader | undefined {
    return this.byId.get(bytesToHex(id))
  }

  lastBySmesher(smesherId: Uint8Array): AtxHeader | undefined {
    return this.bySmesher.get(bytesToHex(smesherId))?.at(-1)
  }

  bySmesherInEpoch(smesherId: Uint8Array, epoch: number): AtxHeader | undefined {
    return this.bySmesher.get(bytesToHex(smesherId))?.find((h) => h.publishEpoch === epoch)
  }

  /** Every ATX published in `epoch`, in arrival order. */
  inEpoch(epoch: number): readonly AtxHeader[] {
    return this.byEpoch.get(epoch) ?? []
  }

  get size(): number {
    return this.byId.size
  }
}
