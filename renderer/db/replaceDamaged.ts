// Replacing a database that does not open, before a restore. The page deletes it first; but a
// store damaged on disk can refuse deleteDatabase as it refused open (Chromium keeps every database
// of an origin in one LevelDB), and then only the host can remove the files (Electron's session;
// in a browser, the user clearing the site's data). Checked in a real Chromium profile damaged on
// disk: tests/e2e/disk-damage.e2e.ts.
import type { ClearStorageResult } from '../../shared/platform/contract';
import type { OpenResult } from './database';

export type ReplaceSteps = {
  deleteDb(): Promise<unknown>;
  open(): Promise<OpenResult>;
  /** The host's removal of the origin's IndexedDB files (Platform.clearDatabaseStorage), when it has one. */
  clearStorage?: () => Promise<ClearStorageResult>;
};
export type Opened = Extract<OpenResult, { ok: true }>;
export type ReplaceOutcome = { ok: true; opened: Opened } | { ok: false; message: string; hostCanClear: boolean };

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function deleteThenOpen(steps: ReplaceSteps): Promise<OpenResult> {
  try {
    await steps.deleteDb();
  } catch (e) {
    return { ok: false, reason: 'failed', name: e instanceof Error ? e.name : 'Error', message: text(e) };
  }
  return steps.open();
}

export async function replaceDamagedDatabase(steps: ReplaceSteps): Promise<ReplaceOutcome> {
  const first = await deleteThenOpen(steps);
  if (first.ok) return { ok: true, opened: first };
  if (!steps.clearStorage) return { ok: false, message: first.message, hostCanClear: false };
  const cleared = await steps.clearStorage();
  if (!cleared.ok) return { ok: false, message: first.message, hostCanClear: true };
  const second = await steps.open();
  return second.ok ? { ok: true, opened: second } : { ok: false, message: second.message, hostCanClear: true };
}
