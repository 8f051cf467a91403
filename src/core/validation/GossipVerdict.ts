/**
 * What gossip validation tells the network layer about a message (CONVENTIONS 9), which it turns
 * into peer scores: ACCEPT relays it; IGNORE drops it without penalty (not provably wrong, only
 * not usable now); REJECT drops it and scores the sender down (no honest node would relay it).
 */
export type GossipVerdict = 'ACCEPT' | 'IGNORE' | 'REJECT'
