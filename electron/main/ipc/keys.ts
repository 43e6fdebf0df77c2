// The key channels: the renderer names a unit and gets public info or a signature; the private
// key stays in main (keys.ts, keyBackup.ts). Each call is refused for a foreign sender or a
// malformed argument. A passphrase crosses once, from the field the user typed it in, and is kept
// by main only (an unlocked session, or the key backup it encrypts).
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  CHANNEL, MAX_PASSPHRASE_CHARS, MIN_PASSPHRASE_CHARS, type KeyBackupRequest, type KeyBackupResult, type KeyRestoreResult,
  type KeyResult, type SignResult, type UnlockResult,
} from '../../../shared/platform/contract';
import { writeFileAtomic } from '../files';
import { decryptKeyBackup, encryptKeyBackup } from '../keyBackup';
import type { KeyStore } from '../keys';
import { handleChannel } from './handle';
import { askSavePath } from './saveFile';
import { bytes, unitId } from './schemas';

const publicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/u);
const passphrase = z.string().min(1).max(MAX_PASSPHRASE_CHARS);
const backupRequest = z.strictObject({ unitId, passphrase }) satisfies z.ZodType<KeyBackupRequest>;
/** A rotation's proof bytes are well under 1 KiB (a keys package without its signature value). */
const MAX_PROOF_BYTES = 16 * 1024;
/** A key backup is a few hundred bytes; anything much larger is not one. */
const MAX_BACKUP_BYTES = 64 * 1024;

const strong = (p: string) => [...p.normalize('NFC')].length >= MIN_PASSPHRASE_CHARS;
/** A file name for the backup: the unit id with anything unusual replaced. */
const backupName = (id: string) => `PlanBook-khoa-${id.replace(/[^A-Za-z0-9._-]/gu, '-').slice(0, 80)}.key`;

async function readSmall(file: string): Promise<Uint8Array | null> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_BACKUP_BYTES) return null;
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

export function registerKeys(store: KeyStore): void {
  const rejectedKey = (): KeyResult => ({ ok: false, reason: 'rejected' });
  handleChannel(CHANNEL.ensureUnitKey, z.tuple([unitId]), rejectedKey, (_e, [id]) => store.ensure(id));
  handleChannel(CHANNEL.getUnitKey, z.tuple([unitId]), rejectedKey, (_e, [id]) => store.get(id));
  handleChannel(CHANNEL.sign, z.tuple([unitId, bytes.refine((b) => b.byteLength > 0)]),
    (): SignResult => ({ ok: false, reason: 'rejected' }), (_e, [id, data]) => store.sign(id, data));

  handleChannel(CHANNEL.beginKeyRotation, z.tuple([unitId]), rejectedKey, (_e, [id]) => store.beginRotation(id));
  // The next key's proof in a rotation: main checks the bytes are that rotation before signing.
  handleChannel(CHANNEL.signRotationProof, z.tuple([unitId, bytes.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_PROOF_BYTES)]),
    (): SignResult => ({ ok: false, reason: 'rejected' }), (_e, [id, data]) => store.signRotationProof(id, data));
  handleChannel(CHANNEL.finishKeyRotation, z.tuple([unitId, publicKey]), rejectedKey, (_e, [id, key]) => store.finishRotation(id, key));
  handleChannel(CHANNEL.unlockUnitKey, z.tuple([unitId, passphrase]), (): UnlockResult => ({ ok: false, reason: 'rejected' }),
    (_e, [id, pass]) => store.unlock(id, pass));

  handleChannel(CHANNEL.exportKeyBackup, z.tuple([backupRequest]), (): KeyBackupResult => ({ ok: false, reason: 'rejected' }),
    async (event, [req]): Promise<KeyBackupResult> => {
      if (!strong(req.passphrase)) return { ok: false, reason: 'weak-passphrase' };
      const opened = await store.openPrivate(req.unitId);
      if (!opened.ok) return opened.reason === 'unavailable' ? { ok: false, reason: 'unavailable', ...(opened.detail ? { detail: opened.detail } : {}) } : { ok: false, reason: opened.reason };
      let file: Uint8Array;
      try {
        file = await encryptKeyBackup(opened.seed, req.unitId, req.passphrase);
      } finally {
        opened.seed.fill(0);
      }
      const target = await askSavePath(event.sender, backupName(req.unitId));
      if (target === null) return { ok: false, reason: 'cancelled' };
      try {
        await writeFileAtomic(target, file); // mode 600, temp file, fsync, rename
      } catch {
        return { ok: false, reason: 'write-failed' };
      }
      return { ok: true, fileName: path.basename(target) };
    });

  handleChannel(CHANNEL.restoreKeyBackup, z.tuple([backupRequest]), (): KeyRestoreResult => ({ ok: false, reason: 'rejected' }),
    async (event, [req]): Promise<KeyRestoreResult> => {
      const options: OpenDialogOptions = { properties: ['openFile'], filters: [{ name: 'Khóa PlanBook (.key)', extensions: ['key'] }] };
      const win = BrowserWindow.fromWebContents(event.sender);
      const { canceled, filePaths } = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const chosen = filePaths[0];
      if (canceled || !chosen) return { ok: false, reason: 'cancelled' };
      let content: Uint8Array | null;
      try {
        content = await readSmall(chosen);
      } catch {
        return { ok: false, reason: 'read-failed' };
      }
      if (!content) return { ok: false, reason: 'not-a-key-file' };
      const opened = await decryptKeyBackup(content, req.passphrase);
      if (!opened.ok) return { ok: false, reason: opened.error };
      try {
        if (opened.unitId !== req.unitId) return { ok: false, reason: 'other-unit' };
        const installed = await store.install(req.unitId, opened.seed);
        if (installed.ok) return installed;
        return installed.reason === 'unavailable' ? { ok: false, reason: 'unavailable', ...(installed.detail ? { detail: installed.detail } : {}) } : { ok: false, reason: 'rejected' };
      } finally {
        opened.seed.fill(0);
      }
    });
}
