import { bytesToHex } from '@noble/hashes/utils.js'
import { base64 } from '@scure/base'
import type { PostMetadata } from './PostMetadata.ts'

/** The JSON text of `postdata_metadata.json` in post-rs's field names (PascalCase). */
export function formatPostMetadata(m: PostMetadata): string {
  const json: Record<string, unknown> = {
    NodeId: base64.encode(m.nodeId),
    CommitmentAtxId: base64.encode(m.commitmentAtxId),
    LabelsPerUnit: m.labelsPerUnit,
    NumUnits: m.numUnits,
    MaxFileSize: m.maxFileSize,
  }
  if (m.nonce !== undefined) json.Nonce = m.nonce
  if (m.nonceValue !== undefined) json.NonceValue = bytesToHex(m.nonceValue)
  if (m.lastPosition !== undefined) json.LastPosition = m.lastPosition
  return `${JSON.stringify(json, null, 2)}\n`
}
