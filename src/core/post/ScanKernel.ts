/**
 * The hot loop of proving, behind an interface so the platform can bring a faster one: the TS
 * reference (`createTsScanKernel`) in core, the WASM kernel of `src/post-wasm` on Node and in
 * browser workers. Both must report identical hits (checked in `src/post-wasm`'s tests).
 *
 * `scan` encrypts every 16-byte label of `labels` as one AES-128-ECB block under `key` (a nonce
 * group's key, `deriveCipherKey`) and reports each output byte `j` of label `i` with value ≤ msb
 * — a candidate of nonce 16·group + j (post-poet.md §2.3) — as the entry
 * `((i * 16 + j) << 1) | (byte === msb ? 1 : 0)`, in ascending order of i then j.
 */
export interface ScanKernel {
  scan(key: Uint8Array, labels: Uint8Array, msb: number): Uint32Array
}

/** Bit 0 of a hit: the byte tied the msb and the lazy nonce cipher decides (§2.3). */
export const HIT_TIE = 1
