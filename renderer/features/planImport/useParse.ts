// The wizard's parse state: the file read in the worker (with its watchdog), the grid kept for
// re-running the importer when a column mapping changes, the latest result. No parsing here.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PickedFile } from '../../../shared/platform/contract';
import type { Grid, ImportError, ImportOk, TableMapping } from '../../../shared/xlsx/types';
import { bufferOf, runPlanImport, WATCHDOG_MS, type ParseJob, type ParseOutcome } from './parseClient';

export type ParseState =
  | { phase: 'idle' }
  | { phase: 'parsing'; file: string; remap: boolean }
  | { phase: 'ready'; file: string; result: ImportOk; remapping: boolean }
  | { phase: 'failed'; file: string; problem: 'timeout' | 'crashed' | 'cancelled'; message: string; seconds: number }
  | { phase: 'rejected'; file: string; error: ImportError };

export function useParse() {
  const [state, setState] = useState<ParseState>({ phase: 'idle' });
  const grid = useRef<Grid | null>(null);
  const job = useRef<ParseJob | null>(null);
  useEffect(() => () => job.current?.cancel(), []);

  const settle = useCallback((file: string, o: ParseOutcome, previous: ImportOk | null) => {
    if (!o.ok) {
      // A remap that fails keeps the last good preview; a first read shows the problem.
      if (previous && o.reason === 'cancelled') { setState({ phase: 'ready', file, result: previous, remapping: false }); return; }
      setState({ phase: 'failed', file, problem: o.reason, message: o.message, seconds: Math.round(WATCHDOG_MS / 1000) });
      return;
    }
    if (o.grid) grid.current = o.grid;
    setState(o.result.ok ? { phase: 'ready', file, result: o.result, remapping: false } : { phase: 'rejected', file, error: o.result.error });
  }, []);

  const read = useCallback(async (file: PickedFile) => {
    job.current?.cancel();
    grid.current = null;
    setState({ phase: 'parsing', file: file.name, remap: false });
    const j = runPlanImport({ type: 'read', bytes: bufferOf(file.bytes), options: {} });
    job.current = j;
    const o = await j.done;
    if (job.current === j) settle(file.name, o, null);
  }, [settle]);

  const remap = useCallback(async (file: string, previous: ImportOk, overrides: TableMapping[]) => {
    const g = grid.current;
    if (!g) return;
    job.current?.cancel();
    setState({ phase: 'ready', file, result: previous, remapping: true });
    const j = runPlanImport({ type: 'remap', grid: g, options: { overrides } });
    job.current = j;
    const o = await j.done;
    if (job.current === j) settle(file, o, previous);
  }, [settle]);

  const cancel = useCallback(() => job.current?.cancel(), []);
  return { state, read, remap, cancel };
}
