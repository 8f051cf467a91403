/**
 * Turns two signed ATXs of one identity in one publish epoch into a MultipleATXs malfeasance proof
 * (go-spacemesh `HandlerV1.checkDoublePublish`). The proof needs only the signed metadata, not
 * the ATXs: each half is {epoch, ATX id} with the identity's signature over it. The layer is the
 * epoch's first layer.
 */
import type { AtxHeader } from './AtxHeader.ts'
import type { MalfeasanceProof } from './malfeasanceCodec.ts'

type Signed = Pick<AtxHeader, 'id' | 'smesherId' | 'publishEpoch' | 'signature'>

export function buildDoublePublishProof(
  first: Signed,
  second: Signed,
  layersPerEpoch: number,
): MalfeasanceProof {
  const half = (h: Signed) => ({
    innerMsg: { publishEpoch: h.publishEpoch, msgHash: h.id },
    smesherId: h.smesherId,
    signature: h.signature,
  })
  return {
    layer: first.publishEpoch * layersPerEpoch,
    proof: { kind: 'multipleAtxs', value: [half(first), half(second)] },
  }
}
