import {
  MAX_FILE_BYTES, MAX_FOLDER_DEPTH, MAX_FOLDER_FILES, type KeyInfo, type KeyResult, type OpenFilesRequest, type OpenFilesResult, type Platform,
  type PrintRequest, type PrintResult, type SaveFileRequest, type SaveFileResult, type SignResult,
} from '../../shared/platform/contract';
import { beginRotation, createKey, finishRotation, loadKey, signWith, signWithNext, supportsEd25519 } from './browserKeys';

declare const __PLANBOOK_VERSION__: string;
declare const __PLANBOOK_BUILD_DATE__: string;

const ACCEPT: Record<OpenFilesRequest['accept'][number], string> = {
  json: '.json,application/json',
  xlsx: '.xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel',
};

function pickFiles(req: OpenFilesRequest): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = req.multiple;
    input.webkitdirectory = req.folder === true;
    input.accept = req.accept.map((a) => ACCEPT[a]).join(',');
    input.addEventListener('change', () => resolve(input.files ? [...input.files] : null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/**
 * A chosen folder's files as the Electron host gives them: of an accepted type, at most
 * MAX_FOLDER_DEPTH levels deep, named by their path inside the folder, sorted by it.
 */
export function folderFiles<F extends { name: string; webkitRelativePath: string }>(files: readonly F[], accept: OpenFilesRequest['accept']): { file: F; name: string }[] | 'too-large' {
  const picked = files.flatMap((file) => {
    const parts = (file.webkitRelativePath || file.name).split('/').slice(1);
    const name = parts.join('/') || file.name;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    return parts.length <= MAX_FOLDER_DEPTH && (accept as string[]).includes(ext) ? [{ file, name }] : [];
  });
  if (picked.length > MAX_FOLDER_FILES) return 'too-large';
  return picked.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const READ_CHUNK = 32;
const nextTask = () => new Promise<void>((resolve) => { setTimeout(resolve, 0); });

const keyInfo = (k: { unitId: string; publicKey: string; createdAt: string }): KeyInfo =>
  ({ unitId: k.unitId, publicKey: k.publicKey, createdAt: k.createdAt, protection: 'non-extractable' });

/** The host when the renderer runs in a plain browser (`npm run web`, and the end-to-end tests). */
export const browserPlatform = {
  host: 'browser',
  appInfo: async () => ({ host: 'browser', version: __PLANBOOK_VERSION__, buildDate: __PLANBOOK_BUILD_DATE__ }),

  async openFiles(req: OpenFilesRequest): Promise<OpenFilesResult> {
    const chosen = await pickFiles(req);
    if (!chosen || (chosen.length === 0 && !req.folder)) return { ok: false, reason: 'cancelled' };
    const files = req.folder ? folderFiles(chosen, req.accept) : chosen.map((file) => ({ file, name: file.name }));
    if (files === 'too-large') return { ok: false, reason: 'too-large' };
    // A few dozen files per task, the page drawn in between: 3,321 files sized and read at once held
    // the main thread for 1.8 s (docs/benchmarks.md, app import 3321).
    const chunks = Array.from({ length: Math.ceil(files.length / READ_CHUNK) }, (_, i) => files.slice(i * READ_CHUNK, (i + 1) * READ_CHUNK));
    for (const [i, part] of chunks.entries()) {
      if (i > 0) await nextTask();
      if (part.some(({ file }) => file.size > MAX_FILE_BYTES)) return { ok: false, reason: 'too-large' };
    }
    try {
      const read: { name: string; bytes: Uint8Array }[] = [];
      for (const part of chunks) {
        await nextTask();
        read.push(...await Promise.all(part.map(async ({ file, name }) => ({ name, bytes: new Uint8Array(await file.arrayBuffer()) }))));
      }
      return { ok: true, files: read };
    } catch {
      return { ok: false, reason: 'read-failed' };
    }
  },

  async saveFile({ suggestedName, bytes }: SaveFileRequest): Promise<SaveFileResult> {
    // The download itself is the browser's (a full disk shows in its download bar, not here);
    // what can fail here (no memory for the blob) is reported, never thrown.
    let url: string;
    try {
      url = URL.createObjectURL(new Blob([bytes as BlobPart]));
    } catch (e) {
      return { ok: false, reason: (e as { name?: unknown } | null)?.name === 'QuotaExceededError' ? 'disk-full' : 'write-failed' };
    }
    try {
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      document.body.append(a);
      a.click();
      a.remove();
      return { ok: true, fileName: suggestedName };
    } catch {
      return { ok: false, reason: 'write-failed' };
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
  },

  async print(_req: PrintRequest): Promise<PrintResult> {
    window.print();
    return { ok: true, fileName: null };
  },

  async ensureUnitKey(unitId: string): Promise<KeyResult> {
    const existing = await loadKey(unitId);
    if (existing) return { ok: true, key: keyInfo(existing) };
    if (!(await supportsEd25519())) return { ok: false, reason: 'unavailable' };
    return { ok: true, key: keyInfo(await createKey(unitId)) };
  },

  async getUnitKey(unitId: string): Promise<KeyResult> {
    const existing = await loadKey(unitId);
    return existing ? { ok: true, key: keyInfo(existing) } : { ok: false, reason: 'no-key' };
  },

  async sign(unitId: string, bytes: Uint8Array): Promise<SignResult> {
    const key = await loadKey(unitId);
    if (!key) return { ok: false, reason: 'no-key' };
    return { ok: true, signature: await signWith(key, bytes) };
  },

  async beginKeyRotation(unitId: string): Promise<KeyResult> {
    if (!(await loadKey(unitId))) return { ok: false, reason: 'no-key' };
    return { ok: true, key: keyInfo({ ...(await beginRotation(unitId)), unitId }) };
  },

  async signRotationProof(unitId: string, bytes: Uint8Array): Promise<SignResult> {
    const signature = await signWithNext(unitId, bytes);
    return signature === null ? { ok: false, reason: 'no-key' } : { ok: true, signature };
  },

  async finishKeyRotation(unitId: string, publicKey: string): Promise<KeyResult> {
    const key = await finishRotation(unitId, publicKey);
    return key ? { ok: true, key: keyInfo(key) } : { ok: false, reason: 'no-key' };
  },
} satisfies Platform;
