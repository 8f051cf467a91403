/** Pure node composition: the smesher's epoch loop (events in, effects out). */
export * from './computeSmesherSchedule.ts'
export * from './Smesher.ts'
export type * from './SmesherMessages.ts'
