export * from './computeBinCdf.ts'
export * from './Fixed.ts'
export * from './FixedError.ts'
export * from './fixedArithmetic.ts'
