// Messages between the plan import wizard and its worker. The file's bytes are transferred (no
// copy); the grid comes back with the result, so a changed column mapping re-runs the importer on
// the grid without reading the file again.
import type { Grid, ImportOptions, ImportResult } from '../../shared/xlsx/types';

export type PlanImportRequest =
  | { type: 'read'; bytes: ArrayBuffer; options: ImportOptions }
  | { type: 'remap'; grid: Grid; options: ImportOptions };

export type ToPlanImportWorker = { id: number } & PlanImportRequest;

export type FromPlanImportWorker = { id: number } & (
  | { type: 'done'; result: ImportResult; grid: Grid | null }
  | { type: 'crashed'; message: string }
);
