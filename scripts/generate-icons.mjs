// Renders public/icon-192.png and public/icon-512.png from the same shapes as public/icon.svg
// (64×64 design: rounded square, triangle outline, dot) with 4×4 supersampling; PNG written
// by hand (IHDR, one zlib-compressed IDAT, IEND) so no image library is needed.
// Run: node scripts/generate-icons.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const BG = [0x0b, 0x1c, 0x16]
const FG = [0x4b, 0xe3, 0xa8]
const TRIANGLE = [
  [14, 44],
  [32, 14],
  [50, 44],
]

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/** Colour at design coordinates (x, y), or null outside the rounded square. */
function sample(x, y) {
  const r = 12
  const cx = Math.min(Math.max(x, r), 64 - r)
  const cy = Math.min(Math.max(y, r), 64 - r)
  if (x < 0 || y < 0 || x > 64 || y > 64 || Math.hypot(x - cx, y - cy) > r) return null
  const onStroke = TRIANGLE.some((a, i) => distanceToSegment(x, y, a, TRIANGLE[(i + 1) % 3]) <= 2.5)
  if (onStroke || Math.hypot(x - 32, y - 36) <= 5) return FG
  return BG
}

function crc32(bytes) {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'ascii')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

function renderPng(size) {
  const S = 4
  const raw = Buffer.alloc(size * (1 + 4 * size))
  for (let py = 0; py < size; py++) {
    raw[py * (1 + 4 * size)] = 0 // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0]
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = sample(((px + (sx + 0.5) / S) * 64) / size, ((py + (sy + 0.5) / S) * 64) / size)
          if (c === null) continue
          acc[0] += c[0]
          acc[1] += c[1]
          acc[2] += c[2]
          acc[3] += 255
        }
      }
      const o = py * (1 + 4 * size) + 1 + 4 * px
      const n = acc[3] / 255
      raw[o] = n ? Math.round(acc[0] / n) : 0
      raw[o + 1] = n ? Math.round(acc[1] / n) : 0
      raw[o + 2] = n ? Math.round(acc[2] / n) : 0
      raw[o + 3] = Math.round(acc[3] / (S * S))
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const size of [192, 512]) {
  writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), renderPng(size))
}
