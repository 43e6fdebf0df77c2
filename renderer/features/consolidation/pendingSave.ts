// A signed package from the consolidating unit whose save may fail (full disk): kept for a retry.
// Apart from exportPackages.ts so it runs without a window (tests).
import type { SaveFileResult } from '../../../shared/platform/contract';

export type SaveDeps = { save: (name: string, bytes: Uint8Array) => Promise<SaveFileResult> };

/** A signed package whose save failed, kept so a retry saves the same bytes under the same number (`retrySave`). */
export type PendingSave = { fileName: string; bytes: Uint8Array; sequence: number; children: number; finish: (savedName: string) => Promise<void> };
export type ExportResult =
  | { ok: true; fileName: string; sequence: number; children: number }
  | { ok: false; reason: 'no-key' | 'nothing' | 'sign-failed' | 'cancelled'; error?: string }
  | { ok: false; reason: 'save-failed'; diskFull: boolean; pending: PendingSave; error?: string };

/**
 * Saves a signed package and, once saved, records it (`finish`). A failed save keeps the package
 * in the result (`pending`), so the officer can free space and retry the same bytes and number.
 */
export async function retrySave(pending: PendingSave, deps: SaveDeps): Promise<ExportResult> {
  const saved = await deps.save(pending.fileName, pending.bytes).catch((): SaveFileResult => ({ ok: false, reason: 'write-failed' }));
  if (!saved.ok) {
    if (saved.reason === 'cancelled') return { ok: false, reason: 'cancelled' };
    return { ok: false, reason: 'save-failed', diskFull: saved.reason === 'disk-full', pending };
  }
  await pending.finish(saved.fileName);
  return { ok: true, fileName: saved.fileName, sequence: pending.sequence, children: pending.children };
}

