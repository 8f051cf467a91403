export * from './DecodeError.ts'
export * from './scale.ts'
