// Progress reporting, the pure core: what a unit types, what its report says, when it is complete.
export * from './draft';
export * from './read';
export * from './completeness';
export * from './carryForward';
export * from './payload';
export * from './diff';
export * from './exportFile';
export * from './home';
export * from './project';
export * from './assigned';
export * from './coordinating';
export * from './answers';
