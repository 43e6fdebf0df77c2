// The packages core: strict parsing, schemas, builders, signing, verification, trust.
export * from './types';
export * from './json';
export * from './limits';
export * from './schema';
export * from './sign';
export * from './verify';
export * from './trust';
export * from './accepted';
export * from './messages';
export * from './sanitize';
