/** Height of the root of a tree with `leafCount` leaves: ceil(log2 n), 0 for a single leaf
 * (merkle-tree `RootHeightFromWidth`). */
export function computeTreeHeight(leafCount: number): number {
  let h = 0
  while (2 ** h < leafCount) h++
  return h
}
