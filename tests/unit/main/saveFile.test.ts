// Disk full while writing an export: main says so ('disk-full'), distinct from other write errors,
// and a retry after space is freed writes the file (electron mocked; the atomic write made to fail).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL } from '../../../shared/platform/contract';
import { dialog, eventFrom, fakeContents, invoke } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);
const writeFileAtomic = vi.fn<(target: string, bytes: Uint8Array) => Promise<void>>();
vi.mock('../../../electron/main/files', async (original) => ({ ...(await original<object>()), writeFileAtomic: (t: string, b: Uint8Array) => writeFileAtomic(t, b) }));

const { registerSaveFile } = await import('../../../electron/main/ipc/saveFile');
const { trustWebContents } = await import('../../../electron/main/ipc/sender');

const app = fakeContents(1);
registerSaveFile();
const errno = (code: string) => Object.assign(new Error(`${code}: write failed`), { code });

describe('saveFile on a full disk', () => {
  beforeEach(() => {
    trustWebContents(app as never);
    dialog.showSaveDialog.mockReset();
    writeFileAtomic.mockReset();
  });

  it('reports disk-full for ENOSPC and EDQUOT, write-failed for anything else, and a retry can succeed', async () => {
    const req = { suggestedName: 'tong-hop.json', bytes: new Uint8Array([1, 2, 3]) };
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/media/usb/tong-hop.json' });
    writeFileAtomic.mockRejectedValueOnce(errno('ENOSPC'));
    expect(await invoke(CHANNEL.saveFile, eventFrom(app), req)).toEqual({ ok: false, reason: 'disk-full' });
    writeFileAtomic.mockRejectedValueOnce(errno('EDQUOT'));
    expect(await invoke(CHANNEL.saveFile, eventFrom(app), req)).toEqual({ ok: false, reason: 'disk-full' });
    writeFileAtomic.mockRejectedValueOnce(errno('EACCES'));
    expect(await invoke(CHANNEL.saveFile, eventFrom(app), req)).toEqual({ ok: false, reason: 'write-failed' });
    writeFileAtomic.mockResolvedValueOnce(undefined);
    expect(await invoke(CHANNEL.saveFile, eventFrom(app), req)).toEqual({ ok: true, fileName: 'tong-hop.json' });
    expect(writeFileAtomic).toHaveBeenLastCalledWith('/media/usb/tong-hop.json', req.bytes);
  });
});
