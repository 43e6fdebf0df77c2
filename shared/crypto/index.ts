export * from './encoding';
export * from './hash';
export * from './jcs';
export * from './ed25519';
export * from './webcrypto';
export * from './text';
