import { describe, expect, it } from 'vitest'
import { DecodeError } from '../codec/index.ts'
import { formatPostMetadata } from './formatPostMetadata.ts'
import { parsePostMetadata } from './parsePostMetadata.ts'

const metadata = {
  nodeId: new Uint8Array(32).fill(0x4d),
  commitmentAtxId: new Uint8Array(32),
  labelsPerUnit: 4096,
  numUnits: 2,
  maxFileSize: 16 * 1000,
  nonce: 373,
  nonceValue: new Uint8Array(16).fill(1),
}

describe('postdata_metadata.json', () => {
  it('uses post-rs PascalCase names with base64 ids', () => {
    const json = JSON.parse(formatPostMetadata(metadata))
    expect(Object.keys(json)).toEqual([
      'NodeId',
      'CommitmentAtxId',
      'LabelsPerUnit',
      'NumUnits',
      'MaxFileSize',
      'Nonce',
      'NonceValue',
    ])
    expect(json.NodeId).toBe('TU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU0=')
  })

  it('round-trips, with and without the optional fields', () => {
    expect(parsePostMetadata(formatPostMetadata(metadata))).toEqual(metadata)
    const { nonce: _n, nonceValue: _v, ...bare } = metadata
    expect(parsePostMetadata(formatPostMetadata(bare))).toEqual(bare)
  })

  it('names the bad field in a DecodeError', () => {
    const json = JSON.parse(formatPostMetadata(metadata))
    for (const [field, value] of [
      ['NodeId', 'AAAA'],
      ['NumUnits', -1],
      ['MaxFileSize', 17],
      ['LabelsPerUnit', '4096'],
    ] as const) {
      const bad = JSON.stringify({ ...json, [field]: value })
      expect(() => parsePostMetadata(bad)).toThrow(DecodeError)
      expect(() => parsePostMetadata(bad)).toThrow(field)
    }
    expect(() => parsePostMetadata('{')).toThrow(DecodeError)
    expect(() => parsePostMetadata('[]')).toThrow(DecodeError)
  })
})
