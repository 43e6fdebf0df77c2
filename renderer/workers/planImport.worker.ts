/// <reference lib="webworker" />
// The plan import worker: no logic of its own (shared/xlsx holds it), only messages. The caller
// keeps a watchdog and terminates this worker when a workbook takes too long.
import { importPlanGrid, readGrid } from '../../shared/xlsx';
import type { FromPlanImportWorker, ToPlanImportWorker } from './planImportProtocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = ({ data }: MessageEvent<ToPlanImportWorker>) => {
  const post = (m: FromPlanImportWorker) => self.postMessage(m);
  try {
    if (data.type === 'read') {
      const read = readGrid(new Uint8Array(data.bytes));
      if (!read.ok) { post({ id: data.id, type: 'done', result: read, grid: null }); return; }
      post({ id: data.id, type: 'done', result: importPlanGrid(read.grid, data.options), grid: read.grid });
    } else {
      post({ id: data.id, type: 'done', result: importPlanGrid(data.grid, data.options), grid: null });
    }
  } catch (e) {
    post({ id: data.id, type: 'crashed', message: e instanceof Error ? e.message : String(e) });
  }
};
