import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import path from 'node:path';
import { z } from 'zod';
import { CHANNEL, type OpenFilesRequest, type OpenFilesResult } from '../../../shared/platform/contract';
import { listFolder, readPickedFiles } from '../files';
import { handleChannel } from './handle';

const openFilesRequest = z.strictObject({
  accept: z.array(z.enum(['json', 'xlsx'])).min(1).max(2),
  multiple: z.boolean(),
  folder: z.boolean().optional(),
}) satisfies z.ZodType<OpenFilesRequest>;

const FILTER_NAME = { json: 'Gói dữ liệu PlanBook (.json)', xlsx: 'Excel (.xlsx)' } as const;

export function registerOpenFiles(): void {
  handleChannel(CHANNEL.openFiles, z.tuple([openFilesRequest]), (): OpenFilesResult => ({ ok: false, reason: 'rejected' }),
    async (event, [req]): Promise<OpenFilesResult> => {
      const accept = [...new Set(req.accept)];
      const allowed = new Set(accept.map((ext) => `.${ext}`));
      const win = BrowserWindow.fromWebContents(event.sender);
      const show = (options: OpenDialogOptions) => (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      if (req.folder) {
        const { canceled, filePaths } = await show({ properties: ['openDirectory'] });
        const root = filePaths[0];
        if (canceled || root === undefined) return { ok: false, reason: 'cancelled' };
        const listed = await listFolder(root, allowed);
        return listed.ok ? readPickedFiles(listed.paths, listed.names) : listed;
      }
      const options: OpenDialogOptions = {
        properties: req.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: accept.map((ext) => ({ name: FILTER_NAME[ext], extensions: [ext] })),
      };
      const { canceled, filePaths } = await show(options);
      if (canceled || filePaths.length === 0) return { ok: false, reason: 'cancelled' };
      // Some dialogs let the user type any name: the extension is checked again here.
      if (filePaths.some((p) => !allowed.has(path.extname(p).toLowerCase()))) return { ok: false, reason: 'rejected' };
      return readPickedFiles(req.multiple ? filePaths : filePaths.slice(0, 1));
    });
}
