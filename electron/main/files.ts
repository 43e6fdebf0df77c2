// File helpers of the main process: pure Node, no Electron, so tests run them on a temp dir.
import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, MAX_FOLDER_DEPTH, MAX_FOLDER_FILES, type PickedFile } from '../../shared/platform/contract';

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
export async function readPickedFiles(paths: readonly string[], names?: readonly string[]): Promise<ReadOutcome> {
  const files: PickedFile[] = [];
  let total = 0;
  for (const [i, p] of paths.entries()) {
    try {
      const info = await stat(p);
      if (!info.isFile()) return { ok: false, reason: 'read-failed' };
      total += info.size;
      if (info.size > MAX_FILE_BYTES || total > MAX_FILE_BYTES) return { ok: false, reason: 'too-large' };
      const bytes = await readFile(p);
      files.push({ name: names?.[i] ?? path.basename(p), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    } catch {
      return { ok: false, reason: 'read-failed' };
    }
  }
  return { ok: true, files };
}

export type FolderListing = { ok: true; paths: string[]; names: string[] } | { ok: false; reason: 'read-failed' | 'too-large' };

/**
 * The files of a chosen folder whose extension is in `extensions` (lower case, with the dot), in
 * it and its subfolders down to MAX_FOLDER_DEPTH, sorted by their path inside it (names use `/`).
 * Links are not followed (a link to `/` must not walk the disk); more than MAX_FOLDER_FILES is
 * `too-large` rather than a silent cut.
 */
export async function listFolder(root: string, extensions: ReadonlySet<string>): Promise<FolderListing> {
  const found: { path: string; name: string }[] = [];
  const walk = async (dir: string, prefix: string, depth: number): Promise<boolean> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const name = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isFile() && extensions.has(path.extname(e.name).toLowerCase())) {
        found.push({ path: full, name });
        if (found.length > MAX_FOLDER_FILES) return false;
      } else if (e.isDirectory() && depth < MAX_FOLDER_DEPTH && !(await walk(full, name, depth + 1))) {
        return false;
      }
    }
    return true;
  };
  try {
    if (!(await walk(root, '', 1))) return { ok: false, reason: 'too-large' };
  } catch {
    return { ok: false, reason: 'read-failed' };
  }
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ok: true, paths: found.map((f) => f.path), names: found.map((f) => f.name) };
}
