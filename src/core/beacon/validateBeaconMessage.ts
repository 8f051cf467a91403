/**
 * Stateless checks of beacon gossip (go-spacemesh `beacon/handlers.go`, `weakcoin/handler.go`):
 * decode, epoch, the sender's ATX in this epoch, then the proof — a VRF under the sender's node ID
 * and ATX nonce for proposals and weak-coin tickets, an ed25519 signature with the
 * BEACON_FIRST_MSG / BEACON_FOLLOWUP_MSG domain for votes. Timing, thresholds and duplicates are
 * the session's (they depend on its phase).
 */

import { bytesToHex } from '@noble/hashes/utils.js'
import { type Codec, DecodeError, decode, encode } from '../codec/index.ts'
import { hash32 } from '../crypto/hash.ts'
import { SigningDomain, type SigningDomainValue, verifySignature } from '../crypto/signing.ts'
import { vrfVerify } from '../crypto/vrf.ts'
import { cachedVerdict } from '../validation/cachedVerdict.ts'
import { BeaconError } from './BeaconError.ts'
import {
  type BeaconProposalMessage,
  beaconProposalCodec,
  encodeBeaconProposalVrfMessage,
  encodeWeakCoinVrfMessage,
  type FirstVotingMessage,
  type FollowingVotingMessage,
  firstVotingBodyCodec,
  firstVotingCodec,
  followingVotingBodyCodec,
  followingVotingCodec,
  type WeakCoinMessage,
  weakCoinCodec,
} from './beaconMessageCodec.ts'

export type BeaconTopic = 'proposal' | 'firstVote' | 'followingVote' | 'weakCoin'

/** A smesher with an ATX for this epoch. */
export interface BeaconIdentity {
  readonly weight: bigint
  /** ATX VRF nonce. */
  readonly nonce: bigint
  /** ATX space units: the weak-coin tickets it may draw (`MinerAllowance`). */
  readonly units: number
  /** ATX received before the end of the previous epoch (default true). */
  readonly early?: boolean
}

export interface BeaconContext {
  readonly epoch: number
  readonly genesisId: Uint8Array
  /** By lowercase hex node ID. */
  readonly identities: ReadonlyMap<string, BeaconIdentity>
  /**
   * Optional cache of outcomes by topic and payload hash; sessions with the same context (the
   * simulated nodes of one epoch) may share it so each proof is checked once.
   */
  readonly validationCache?: Map<string, BeaconMessage | BeaconError>
}

export type BeaconMessage =
  | { readonly topic: 'proposal'; readonly msg: BeaconProposalMessage; readonly sender: BeaconIdentity }
  | { readonly topic: 'firstVote'; readonly msg: FirstVotingMessage; readonly sender: BeaconIdentity }
  | { readonly topic: 'followingVote'; readonly msg: FollowingVotingMessage; readonly sender: BeaconIdentity }
  | { readonly topic: 'weakCoin'; readonly msg: WeakCoinMessage; readonly sender: BeaconIdentity }

function parse<T>(codec: Codec<T>, data: Uint8Array): T {
  try {
    return decode(codec, data)
  } catch (e) {
    if (e instanceof DecodeError) throw new BeaconError('MALFORMED', e.message)
    throw e
  }
}

function identity(ctx: BeaconContext, epoch: number, id: Uint8Array): BeaconIdentity {
  if (epoch !== ctx.epoch) throw new BeaconError('WRONG_EPOCH', `epoch ${epoch}, session ${ctx.epoch}`)
  const who = ctx.identities.get(bytesToHex(id))
  if (who === undefined) throw new BeaconError('NOT_ACTIVE', 'sender has no ATX in this epoch')
  return who
}

/** A vote's encoded body is signed by its sender under the vote's domain (genesis-prefixed). */
function checkVoteSignature(
  ctx: BeaconContext,
  domain: SigningDomainValue,
  body: Uint8Array,
  vote: { readonly smesherId: Uint8Array; readonly signature: Uint8Array },
  what: string,
): void {
  if (!verifySignature(vote.smesherId, ctx.genesisId, domain, body, vote.signature)) {
    throw new BeaconError('BAD_SIGNATURE', `${what} signature does not verify`)
  }
}

/** Throws BeaconError (only) when the payload is not acceptable. */
export function validateBeaconMessage(
  topic: BeaconTopic,
  data: Uint8Array,
  ctx: BeaconContext,
): BeaconMessage {
  return cachedVerdict(
    ctx.validationCache,
    () => `${topic}:${bytesToHex(hash32(data))}`,
    BeaconError,
    () => check(topic, data, ctx),
  )
}

function check(topic: BeaconTopic, data: Uint8Array, ctx: BeaconContext): BeaconMessage {
  switch (topic) {
    case 'proposal': {
      const msg = parse(beaconProposalCodec, data)
      const sender = identity(ctx, msg.epoch, msg.nodeId)
      if (!vrfVerify(msg.nodeId, encodeBeaconProposalVrfMessage(msg.epoch, sender.nonce), msg.vrf)) {
        throw new BeaconError('BAD_VRF', 'proposal VRF does not verify')
      }
      return { topic, msg, sender }
    }
    case 'firstVote': {
      const msg = parse(firstVotingCodec, data)
      const sender = identity(ctx, msg.body.epoch, msg.smesherId)
      const body = encode(firstVotingBodyCodec, msg.body)
      checkVoteSignature(ctx, SigningDomain.BEACON_FIRST_MSG, body, msg, 'first vote')
      return { topic, msg, sender }
    }
    case 'followingVote': {
      const msg = parse(followingVotingCodec, data)
      const sender = identity(ctx, msg.body.epoch, msg.smesherId)
      const body = encode(followingVotingBodyCodec, msg.body)
      checkVoteSignature(ctx, SigningDomain.BEACON_FOLLOWUP_MSG, body, msg, 'follow-up vote')
      return { topic, msg, sender }
    }
    case 'weakCoin': {
      const msg = parse(weakCoinCodec, data)
      const sender = identity(ctx, msg.epoch, msg.nodeId)
      if (msg.unit >= sender.units) throw new BeaconError('BAD_UNIT', `unit ${msg.unit} of ${sender.units}`)
      const alpha = encodeWeakCoinVrfMessage(msg.epoch, sender.nonce, msg.round, msg.unit)
      if (!vrfVerify(msg.nodeId, alpha, msg.vrf))
        throw new BeaconError('BAD_VRF', 'weak-coin VRF does not verify')
      return { topic, msg, sender }
    }
  }
}
