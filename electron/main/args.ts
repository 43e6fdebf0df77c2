// Paths handed to the app from outside the window: the command line of the first or a second
// instance (Windows/Linux, also "drop on the app's icon"), and macOS 'open-file'. Only existing
// regular `.json` files pass; everything else (flags, the executable, the app dir, URLs, other
// extensions, UNC paths) is ignored. Pure Node, tested in tests/unit/main/args.test.ts.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/platform/contract';

/** More than this many files at once is a mistake (or an attack), not a package drop. */
export const MAX_OPENED_FILES = 5000;

/**
 * UNC and device paths (`\\server\share\x.json`, `//server/x.json`, `\\?\C:\...`): opening one
 * would make Windows authenticate to that server (NTLM hash leak), so a network file must be
 * copied locally or picked through the dialog instead.
 */
function isUncOrDevicePath(p: string): boolean {
  return /^[\\/]{2}/u.test(p);
}

export async function acceptableOpenPath(arg: string, cwd: string): Promise<string | null> {
  if (arg === '' || arg.startsWith('-') || arg.includes('\0') || isUncOrDevicePath(arg)) return null;
  if (/^[a-z][a-z0-9+.-]+:\/\//iu.test(arg)) return null; // a URL, e.g. app://, file://, http://
  if (path.extname(arg).toLowerCase() !== '.json') return null;
  const full = path.resolve(cwd, arg);
  if (isUncOrDevicePath(full)) return null;
  try {
    const info = await stat(full);
    return info.isFile() && info.size <= MAX_FILE_BYTES ? full : null;
  } catch {
    return null;
  }
}

/** The accepted, de-duplicated paths among `argv`, in order. */
export async function filterOpenPaths(argv: readonly string[], cwd: string): Promise<string[]> {
  const accepted: string[] = [];
  for (const arg of argv.slice(0, MAX_OPENED_FILES + 16)) {
    const p = await acceptableOpenPath(arg, cwd);
    if (p !== null && !accepted.includes(p)) accepted.push(p);
    if (accepted.length >= MAX_OPENED_FILES) break;
  }
  return accepted;
}
