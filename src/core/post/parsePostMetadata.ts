/**
 * Reads `postdata_metadata.json` (post-rs / Go field names). Like every decoder it throws only
 * `DecodeError`, naming the field that is missing or malformed.
 */
import { hexToBytes } from '@noble/hashes/utils.js'
import { base64 } from '@scure/base'
import { DecodeError } from '../codec/index.ts'
import type { PostMetadata } from './PostMetadata.ts'

const idOf = (json: Record<string, unknown>, field: string): Uint8Array => {
  const v = json[field]
  let bytes: Uint8Array | undefined
  try {
    if (typeof v === 'string') bytes = base64.decode(v)
  } catch {
    bytes = undefined
  }
  if (bytes?.length !== 32) throw new DecodeError('INVALID_VALUE', `${field}: expected base64 of 32 bytes`)
  return bytes
}

const intOf = (json: Record<string, unknown>, field: string, min: number): number => {
  const v = json[field]
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    throw new DecodeError('INVALID_VALUE', `${field}: expected an integer ≥ ${min}, got ${JSON.stringify(v)}`)
  }
  return v
}

export function parsePostMetadata(text: string): PostMetadata {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new DecodeError('INVALID_VALUE', `metadata: not JSON (${(err as Error).message})`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DecodeError('INVALID_VALUE', 'metadata: expected a JSON object')
  }
  const o = json as Record<string, unknown>
  const maxFileSize = intOf(o, 'MaxFileSize', 16)
  if (maxFileSize % 16 !== 0) {
    throw new DecodeError('INVALID_VALUE', `MaxFileSize: expected a multiple of 16, got ${maxFileSize}`)
  }
  const present = (f: string) => o[f] !== undefined && o[f] !== null
  let nonceValue: Uint8Array | undefined
  if (present('NonceValue')) {
    try {
      nonceValue = hexToBytes(String(o.NonceValue))
    } catch {
      throw new DecodeError('INVALID_VALUE', 'NonceValue: expected hex')
    }
  }
  return {
    nodeId: idOf(o, 'NodeId'),
    commitmentAtxId: idOf(o, 'CommitmentAtxId'),
    labelsPerUnit: intOf(o, 'LabelsPerUnit', 1),
    numUnits: intOf(o, 'NumUnits', 1),
    maxFileSize,
    ...(present('Nonce') ? { nonce: intOf(o, 'Nonce', 0) } : {}),
    ...(nonceValue === undefined ? {} : { nonceValue }),
    ...(present('LastPosition') ? { lastPosition: intOf(o, 'LastPosition', 0) } : {}),
  }
}
