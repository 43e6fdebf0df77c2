// Filled in by scripts/build-node.mjs (esbuild define); plain tsc and vitest see the fallback.
declare const __PLANBOOK_VERSION__: string | undefined;
export const VERSION: string = typeof __PLANBOOK_VERSION__ === 'string' ? __PLANBOOK_VERSION__ : '0.1.0';
export const APP = `planbook ${VERSION}`;
