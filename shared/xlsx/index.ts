// Plan import from Excel appendix tables (docs/plan-import.md).
export * from './types';
export { importPlanGrid, importPlanWorkbook } from './import';
export { readGrid, GRID_LIMITS, SHEETJS_VERSION, cellValue, type ReadOptions, type ReadResult } from './read';
export { sniff, type Sniffed } from './sniff';
export { inspectZip, checkInflated, LIMITS as ZIP_LIMITS, type BoundedInflate, type ZipEntry } from './zip';
export { matchLabel, matchColumn } from './headers';
export { cleanText, detectLegacy, fromTcvn3 } from './text';
export { colName } from './sheet';
