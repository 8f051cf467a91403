/** True for the all-zero id go-spacemesh uses for "no ATX" (`types.EmptyATXID`), or a missing one. */
export function isEmptyAtxId(id: Uint8Array | undefined): boolean {
  return id === undefined || id.every((b) => b === 0)
}
