/**
 * Network presets. Every value is named as go-spacemesh / post-rs / poet name it and cites its
 * source. Presets are plain frozen objects passed explicitly; there is no global preset.
 *
 * Sources: go-spacemesh `config/mainnet.go`, `config/presets/standalone.go`;
 * post-rs `DefaultLabelParams`; poet `server/config.go`.
 */

export interface PostParams {
  /** Labels in one space unit (`LabelsPerUnit`). */
  readonly labelsPerUnit: number
  /** scrypt-jane cost N (post `DefaultLabelParams` N = 8192); r = p = 1 always. */
  readonly scryptN: number
  readonly minNumUnits: number
  readonly maxNumUnits: number
  /** Expected labels qualifying per nonce (`K1`). */
  readonly k1: number
  /** Labels a proof must present (`K2`). */
  readonly k2: number
  /** Labels a verifier re-derives (`K3`). */
  readonly k3: number
  /** k2pow threshold, 32 bytes big-endian, as hex (`PowDifficulty`); divided by numUnits. */
  readonly powDifficulty: string
  /** Nonces tried per pass over the data (`smeshing-opts-proving-nonces`), a multiple of 16. */
  readonly provingNonces: number
}

export interface PoetParams {
  /** Offset of a round's end from genesis (`PhaseShift`), ms. */
  readonly phaseShiftMs: number
  /** Time between a round's end and the epoch boundary for registration (`CycleGap`), ms. */
  readonly cycleGapMs: number
  /** Sequential-work labels per tick (`TickSize`). */
  readonly tickSize: number
  /**
   * Leading zero bits of the registration PoW (poet `pow.difficulty`; mainnet operators used
   * 20). Our PoW hashes with blake3 instead of ripemd256 (core/poet/hashRegistrationPow.ts).
   */
  readonly powDifficulty: number
  /** Registrations a round accepts (poet `MaxRoundMembers`); the membership proof allows 2^32. */
  readonly maxRoundMembers: number
}

/** Smesher timing around PoET rounds (go-spacemesh `activation.PoetConfig`). */
export interface AtxParams {
  /** Register this long before the round opens; the positioning ATX is chosen then (`GracePeriod`). */
  readonly poetGracePeriodMs: number
  /** Wait between failed PoET requests, registration or proof (`RequestRetryDelay`). */
  readonly poetRetryDelayMs: number
  /** Failed PoET requests before giving up on the round (`MaxRequestRetries`). */
  readonly poetMaxRetries: number
}

/** Tortoise vote counting (go-spacemesh `tortoise.Config`; §1.7, protocol-spec §9). */
export interface TortoiseParams {
  /** Layers within which the local opinion follows Hare (`Hdist`). */
  readonly hdist: number
  /** Layers after which a missing Hare output counts as empty (`Zdist`, ≤ hdist). */
  readonly zdist: number
  /** Layers of expected weight the global threshold looks ahead (`WindowSize`). */
  readonly windowSize: number
  /** Support + against exceptions a ballot may carry (`MaxExceptions`). */
  readonly maxExceptions: number
  /** Full mode counts votes of wrong-beacon ballots this many layers late (`BadBeaconVoteDelayLayers`). */
  readonly badBeaconVoteDelayLayers: number
}

/** Hare 3, its eligibility oracle and the block certifier (go-spacemesh `hare3.Config`, §1.7, §2.7–2.8). */
export interface HareParams {
  /** Expected committee seats per round (`Committee`; mainnet 400, then 50 from layer 105,720). */
  readonly committee: number
  /** Expected proposers in the propose round (`Leaders`). */
  readonly leaders: number
  /** Iterations before giving up on a layer (`IterationsLimit`). */
  readonly iterationsLimit: number
  /** From layer start to the preround (`PreroundDelay`), ms. */
  readonly preroundDelayMs: number
  /** One hare round (`RoundDuration`), ms. */
  readonly roundDurationMs: number
  /** Layers into an epoch during which the previous epoch's active set is used (`ConfidenceParam`). */
  readonly confidenceParam: number
  /** Certifier committee (`Certificate.CommitteeSize`); threshold = committee/2 + 1. */
  readonly certifierCommittee: number
}

/** Epoch beacon protocol (go-spacemesh `beacon.Config`, §2.9, protocol-spec §10). */
export interface BeaconParams {
  /** Security parameter of the proposal threshold (`Kappa`). */
  readonly kappa: number
  /** Assumed adversarial fraction (`Q`) as [numerator, denominator]. */
  readonly q: readonly [number, number]
  /** Vote margin, as a fraction of epoch weight, that decides a proposal (`Theta`). */
  readonly theta: readonly [number, number]
  /** Voting rounds, the first included (`RoundsNumber`); 0 = protocol off (mainnet). */
  readonly roundsNumber: number
  readonly gracePeriodMs: number
  readonly proposalDurationMs: number
  readonly firstVotingRoundDurationMs: number
  readonly votingRoundDurationMs: number
  readonly weakCoinRoundDurationMs: number
  /** Proposals a first vote may reference (`VotesLimit`). */
  readonly votesLimit: number
  /** Ballot eligibilities needed before adopting a beacon from ballots (`BeaconSyncWeightUnits`). */
  readonly beaconSyncWeightUnits: number
}

/**
 * VM economics (go-spacemesh `genvm.Config`, `config/mainnet.go`, §1.7, §5; protocol-spec §15).
 * Gas costs are fixed by the templates (`core/vm/computeGas.ts`), not configurable.
 */
export interface VmEconomicsParams {
  /** Gas the executed transactions of one block may declare in total (`BlockGasLimit`). */
  readonly blockGasLimit: bigint
  /** Smidge minted per layer and shared by its coinbases (1 SMH = 10^9 smidge). */
  readonly subsidy: SubsidySchedule
}

/**
 * How much a layer mints (`core/vm/computeLayerSubsidy.ts`). `decaying` is go-spacemesh's on
 * every network: economics `TotalSubsidyAtLayer(layer − firstEffectiveGenesis)`, 2.25·10^18
 * smidge approached exponentially (0.8 of it left after ten years of 5-minute layers; the curve
 * is in layers, so shorter layers run it faster). Its constants are fixed by the economics
 * library, not per network; only the offset, `FirstEffectiveGenesis = 2 · LayersPerEpoch − 1`
 * (`common/types/layer.go`), varies. `constant` mints a flat amount, for unit tests.
 */
export type SubsidySchedule =
  | { readonly kind: 'decaying'; readonly firstEffectiveGenesis: number }
  | { readonly kind: 'constant'; readonly perLayer: bigint }

export interface Preset {
  readonly name: 'mainnet' | 'testnet' | 'standalone' | 'sim'
  /** bech32 human-readable part of addresses (`NetworkHRP`). */
  readonly hrp: string
  /** `LayerDuration`, ms. */
  readonly layerDurationMs: number
  /** `LayersPerEpoch`. */
  readonly layersPerEpoch: number
  readonly post: PostParams
  readonly poet: PoetParams
  readonly atx: AtxParams
  readonly tortoise: TortoiseParams
  /** Expected proposals per layer network-wide (`LayerAvgSize`). */
  readonly layerAvgSize: number
  readonly hare: HareParams
  readonly beacon: BeaconParams
  readonly vm: VmEconomicsParams
}

const minute = 60_000
const hour = 60 * minute

/** Reference values only: formats must match these, our network never runs them. */
export const mainnet: Preset = Object.freeze({
  name: 'mainnet',
  hrp: 'sm',
  layerDurationMs: 5 * minute,
  layersPerEpoch: 4032,
  post: Object.freeze({
    labelsPerUnit: 2 ** 32,
    scryptN: 8192,
    minNumUnits: 4,
    maxNumUnits: 2 ** 32 - 1,
    k1: 26,
    k2: 37,
    k3: 1,
    powDifficulty: '000dfb23b0979b4b000000000000000000000000000000000000000000000000',
    provingNonces: 288,
  }),
  poet: Object.freeze({
    phaseShiftMs: 240 * hour,
    cycleGapMs: 12 * hour,
    tickSize: 9_331_200,
    powDifficulty: 20,
    maxRoundMembers: 1 << 22,
  }),
  // go-spacemesh config/mainnet.go PoetConfig: GracePeriod 1h, RequestRetryDelay 10s, MaxRequestRetries 10.
  atx: Object.freeze({ poetGracePeriodMs: hour, poetRetryDelayMs: 10_000, poetMaxRetries: 10 }),
  // config/mainnet.go Tortoise.
  tortoise: Object.freeze({
    hdist: 10,
    zdist: 2,
    windowSize: 4032,
    maxExceptions: 1000,
    badBeaconVoteDelayLayers: 4032,
  }),
  // config/mainnet.go: LayerAvgSize, HARE3 (CommitteeUpgrade → 50), HareEligibility, Certificate, Beacon.
  layerAvgSize: 50,
  hare: Object.freeze({
    committee: 50,
    leaders: 5,
    iterationsLimit: 4,
    preroundDelayMs: 25_000,
    roundDurationMs: 12_000,
    confidenceParam: 200,
    certifierCommittee: 200,
  }),
  beacon: Object.freeze({
    kappa: 40,
    q: [1, 3] as const,
    theta: [1, 4] as const,
    roundsNumber: 0,
    gracePeriodMs: 10 * minute,
    proposalDurationMs: 4 * minute,
    firstVotingRoundDurationMs: 30 * minute,
    votingRoundDurationMs: 4 * minute,
    weakCoinRoundDurationMs: 4 * minute,
    votesLimit: 100,
    beaconSyncWeightUnits: 800,
  }),
  // config/mainnet.go BlockGasLimit; genvm/rewards.go subsidy from layer 2 · 4032 − 1 = 8063.
  vm: Object.freeze({
    blockGasLimit: 100_107_000n,
    subsidy: Object.freeze({ kind: 'decaying', firstEffectiveGenesis: 8063 }),
  }),
})

export const testnet: Preset = Object.freeze({
  name: 'testnet',
  hrp: 'stest',
  layerDurationMs: minute,
  layersPerEpoch: 60,
  post: Object.freeze({
    labelsPerUnit: 2 ** 14,
    scryptN: 1024,
    minNumUnits: 1,
    maxNumUnits: 16,
    k1: 26,
    k2: 37,
    k3: 37,
    powDifficulty: '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    provingNonces: 288,
  }),
  poet: Object.freeze({
    phaseShiftMs: 30 * minute,
    cycleGapMs: 10 * minute,
    tickSize: 1024,
    powDifficulty: 16,
    maxRoundMembers: 1 << 16,
  }),
  // Ratios of go-spacemesh's systest PoetConfig: grace epoch/5, retry delay epoch/50, 10 retries.
  atx: Object.freeze({ poetGracePeriodMs: 12 * minute, poetRetryDelayMs: 72_000, poetMaxRetries: 10 }),
  // config/presets/testnet.go Tortoise.
  tortoise: Object.freeze({
    hdist: 10,
    zdist: 2,
    windowSize: 10_000,
    maxExceptions: 1000,
    badBeaconVoteDelayLayers: 4032,
  }),
  // config/presets/testnet.go: hare3.DefaultConfig, ConfidenceParam 20, Certificate 200, Beacon.
  layerAvgSize: 50,
  hare: Object.freeze({ ...mainnet.hare, committee: 800, confidenceParam: 20 }),
  beacon: Object.freeze({ ...mainnet.beacon, roundsNumber: 20 }),
  // Mainnet's block gas limit; the same subsidy curve from layer 2 · 60 − 1 = 119.
  vm: Object.freeze({
    blockGasLimit: 100_107_000n,
    subsidy: Object.freeze({ kind: 'decaying', firstEffectiveGenesis: 119 }),
  }),
})

/** Modelled on go-spacemesh `config/presets/standalone.go`: 6 s layers, 10 per epoch. */
export const standalone: Preset = Object.freeze({
  name: 'standalone',
  hrp: 'sdev',
  layerDurationMs: 6_000,
  layersPerEpoch: 10,
  post: Object.freeze({
    labelsPerUnit: 4096,
    scryptN: 512,
    minNumUnits: 1,
    maxNumUnits: 4,
    k1: 12,
    k2: 4,
    k3: 4,
    powDifficulty: '0fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    provingNonces: 64,
  }),
  poet: Object.freeze({
    phaseShiftMs: 30_000,
    cycleGapMs: 10_000,
    tickSize: 256,
    powDifficulty: 8,
    maxRoundMembers: 1 << 12,
  }),
  atx: Object.freeze({ poetGracePeriodMs: 5_000, poetRetryDelayMs: 1_000, poetMaxRetries: 4 }),
  // config/presets/standalone.go sets Hdist = Zdist = 2; the rest are tortoise.DefaultConfig.
  tortoise: Object.freeze({
    hdist: 2,
    zdist: 2,
    windowSize: 1000,
    maxExceptions: 5000,
    badBeaconVoteDelayLayers: 0,
  }),
  // config/presets/standalone.go over config.DefaultConfig (hare3 defaults, certifier default 10).
  layerAvgSize: 50,
  hare: Object.freeze({
    committee: 800,
    leaders: 5,
    iterationsLimit: 4,
    preroundDelayMs: 1_000,
    roundDurationMs: 100,
    confidenceParam: 2,
    certifierCommittee: 10,
  }),
  beacon: Object.freeze({
    kappa: 40,
    q: [1, 3] as const,
    theta: [1, 4] as const,
    roundsNumber: 4,
    gracePeriodMs: 30_000,
    proposalDurationMs: 2_000,
    firstVotingRoundDurationMs: 10_000,
    votingRoundDurationMs: 2_000,
    weakCoinRoundDurationMs: 2_000,
    votesLimit: 100,
    beaconSyncWeightUnits: 10,
  }),
  // go-spacemesh standalone runs genvm unchanged: the same curve from layer 2 · 10 − 1 = 19.
  vm: Object.freeze({
    blockGasLimit: 100_107_000n,
    subsidy: Object.freeze({ kind: 'decaying', firstEffectiveGenesis: 19 }),
  }),
})

/** Virtual time; tiny PoST so a hundred simulated smeshers run in a unit test. */
export const sim: Preset = Object.freeze({
  name: 'sim',
  hrp: 'ssim',
  layerDurationMs: 1_000,
  layersPerEpoch: 8,
  post: Object.freeze({
    labelsPerUnit: 64,
    scryptN: 2,
    minNumUnits: 1,
    maxNumUnits: 8,
    k1: 12,
    k2: 4,
    k3: 4,
    powDifficulty: 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    provingNonces: 64,
  }),
  poet: Object.freeze({
    phaseShiftMs: 4_000,
    cycleGapMs: 2_000,
    tickSize: 16,
    powDifficulty: 0,
    maxRoundMembers: 1 << 10,
  }),
  atx: Object.freeze({ poetGracePeriodMs: 1_000, poetRetryDelayMs: 100, poetMaxRetries: 4 }),
  // Tiny: Hare decides a layer or is taken as empty after 1 layer, opinions follow Hare for 3.
  tortoise: Object.freeze({
    hdist: 3,
    zdist: 1,
    windowSize: 100,
    maxExceptions: 1000,
    badBeaconVoteDelayLayers: 16,
  }),
  // 20 proposals a layer (mainnet 50): with 5, a layer often carries only two or three
  // eligibilities, too little good weight for the Tortoise to verify it within hdist (3); honest
  // nodes then fall back to full mode and the weak coin and may drop a certified block. 20 keeps a
  // layer's weight within ~±25% of its expectation.
  layerAvgSize: 20,
  // Tiny: a whole hare run (preround + 4 iterations × 7 rounds × 25 ms) fits in one 1 s layer.
  hare: Object.freeze({
    committee: 20,
    leaders: 3,
    iterationsLimit: 4,
    preroundDelayMs: 100,
    roundDurationMs: 25,
    confidenceParam: 1,
    certifierCommittee: 20,
  }),
  beacon: Object.freeze({
    kappa: 40,
    q: [1, 3] as const,
    theta: [1, 4] as const,
    roundsNumber: 3,
    gracePeriodMs: 200,
    proposalDurationMs: 100,
    firstVotingRoundDurationMs: 200,
    votingRoundDurationMs: 100,
    weakCoinRoundDurationMs: 100,
    votesLimit: 100,
    beaconSyncWeightUnits: 2,
  }),
  // A small block (≈ 270 wallet spends) so simulations reach the limit. The real curve from layer
  // 2 · 8 − 1 = 15 (the sim applies layers from 16), so simulations mint what go would.
  vm: Object.freeze({
    blockGasLimit: 10_000_000n,
    subsidy: Object.freeze({ kind: 'decaying', firstEffectiveGenesis: 15 }),
  }),
})

export const presets = { mainnet, testnet, standalone, sim } as const
export type PresetName = keyof typeof presets
