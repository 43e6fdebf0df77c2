// Backups, the marker outside IndexedDB, and the audit chain: the pure decisions (docs/data-safety.md).
export * from './format';
export * from './values';
export * from './sequences';
export * from './names';
export * from './rotation';
export * from './marker';
export * from './preview';
export * from './auditChain';
