// File helpers of the main process: pure Node, no Electron, so tests run them on a temp dir.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, type PickedFile } from '../../shared/platform/contract';

/**
 * Writes `bytes` to a temporary file beside `target`, flushes it, then renames it over `target`.
 * A crash or a full disk mid-write leaves the previous file intact (issue 8), never half a file.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

export type ReadOutcome = { ok: true; files: PickedFile[] } | { ok: false; reason: 'read-failed' | 'too-large' };

/**
 * Reads files the user chose (dialog, command line, dropped on the icon), refusing any that is not
 * a regular file, and stopping at MAX_FILE_BYTES per file and in total so a mistaken pick of a
 * huge file cannot exhaust memory.
 */
export async function readPickedFiles(paths: readonly string[]): Promise<ReadOutcome> {
  const files: PickedFile[] = [];
  let total = 0;
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (!info.isFile()) return { ok: false, reason: 'read-failed' };
      total += info.size;
      if (info.size > MAX_FILE_BYTES || total > MAX_FILE_BYTES) return { ok: false, reason: 'too-large' };
      const bytes = await readFile(p);
      files.push({ name: path.basename(p), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    } catch {
      return { ok: false, reason: 'read-failed' };
    }
  }
  return { ok: true, files };
}
