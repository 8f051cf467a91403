/**
 * One PoST label memo for every node of a simulation run. Each node checks every ATX's PoST and
 * VRF nonce itself, as a real node does, so a run of n smeshers derives the same labels n times;
 * a label is a pure function of (commitment, index, N), so the nodes may share the results as
 * they share Hare verdicts (SimConsensusShared). Verdicts stay per node: each still draws its own
 * K3 subset and compares the labels against the proof.
 */
import { computeLabelFull } from '../post/computeLabel.ts'

export function createSharedLabels(): typeof computeLabelFull {
  const memo = new Map<string, Uint8Array>()
  return (commitment, index, n) => {
    let key = `${n}:${index}:`
    for (const b of commitment) key += String.fromCharCode(b)
    let label = memo.get(key)
    if (label === undefined) {
      label = computeLabelFull(commitment, index, n)
      memo.set(key, label)
    }
    return label
  }
}
