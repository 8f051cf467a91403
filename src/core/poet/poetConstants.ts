/**
 * Compile-time constants of spacemeshos/poet that go-spacemesh's verifier also hard-codes
 * (reference post-poet.md §3.1, §3.2).
 */

/** Fiat–Shamir openings per proof (poet `shared.T`). */
export const POET_T = 150

/** SHA-256 applications per leaf label (poet `hash.LabelHashNestingDepth`, 400 since Jan 2023). */
export const LABEL_HASH_NESTING_DEPTH = 400

/** Every tree node and label is one SHA-256 / BLAKE3 digest. */
export const NODE_SIZE = 32

/**
 * Bound on `ProofNodes` (poet `shared.MerkleProof`, `scale:"max=5400"`): 36 siblings per opened
 * leaf × 150 leaves, enough for trees of up to 2^43 leaves (see LIMITS.md).
 */
export const MAX_PROOF_NODES = 5400

/** Bound on membership proof siblings (go-spacemesh `types.MerkleProof.Nodes`, max 32). */
export const MAX_MEMBERSHIP_PROOF_NODES = 32

/**
 * Largest leaf count we accept: the proof-node bound covers trees up to height 36 + log2(150)
 * ≈ 43, and 2^43 leaves also keep every index a safe JavaScript integer.
 */
export const MAX_LEAF_COUNT = 2 ** 43
