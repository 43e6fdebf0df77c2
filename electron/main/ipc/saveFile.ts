import { BrowserWindow, dialog, type SaveDialogOptions, type WebContents } from 'electron';
import path from 'node:path';
import { z } from 'zod';
import { CHANNEL, type SaveFileRequest, type SaveFileResult } from '../../../shared/platform/contract';
import { writeFileAtomic } from '../files';
import { handleChannel } from './handle';
import { bytes, fileName } from './schemas';

const saveFileRequest = z.strictObject({ suggestedName: fileName, bytes }) satisfies z.ZodType<SaveFileRequest>;

/** Asks where to save (the user decides the folder; the renderer only suggests a name). */
export async function askSavePath(sender: WebContents, suggestedName: string): Promise<string | null> {
  const ext = path.extname(suggestedName).slice(1).toLowerCase();
  const options: SaveDialogOptions = {
    defaultPath: suggestedName,
    filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const win = BrowserWindow.fromWebContents(sender);
  const { canceled, filePath } = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return canceled || !filePath ? null : filePath;
}

export function registerSaveFile(): void {
  handleChannel(CHANNEL.saveFile, z.tuple([saveFileRequest]), (): SaveFileResult => ({ ok: false, reason: 'rejected' }),
    async (event, [req]): Promise<SaveFileResult> => {
      const target = await askSavePath(event.sender, req.suggestedName);
      if (target === null) return { ok: false, reason: 'cancelled' };
      try {
        await writeFileAtomic(target, req.bytes);
      } catch (e) {
        // A full disk (or quota) is said as such: the officer frees space or picks another drive, then retries.
        const code = (e as { code?: unknown } | null)?.code;
        return { ok: false, reason: code === 'ENOSPC' || code === 'EDQUOT' ? 'disk-full' : 'write-failed' };
      }
      return { ok: true, fileName: path.basename(target) };
    });
}
