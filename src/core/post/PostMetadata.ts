/**
 * `postdata_metadata.json`, the description of an initialized PoST directory as post-rs
 * (`metadata.rs`, serde PascalCase) and the Go `post` package write it (post-poet.md §1.2).
 * Ids are base64 in JSON and bytes here. `NonceValue` is Go-only and optional.
 */
export interface PostMetadata {
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  readonly labelsPerUnit: number
  readonly numUnits: number
  /** Bytes per `postdata_N.bin`, a multiple of 16; all files but the last are full. */
  readonly maxFileSize: number
  /** The VRF nonce: index of the smallest 32-byte label (§1.3); absent until init completes. */
  readonly nonce?: number
  /** The first 16 bytes of that label (Go `NonceValue`, hex in JSON). */
  readonly nonceValue?: Uint8Array
  /** Where the VRF search continues past the data, when no stored label qualified. */
  readonly lastPosition?: number
}

/** Name of the metadata file in a PoST directory. */
export const POST_METADATA_FILE = 'postdata_metadata.json'

/** Name of the data file holding label `fileIndex × labelsPerFile`. */
export function namePostDataFile(fileIndex: number): string {
  return `postdata_${fileIndex}.bin`
}
