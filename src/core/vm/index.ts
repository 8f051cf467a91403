export * from './computePrincipal.ts'
export * from './templates.ts'
