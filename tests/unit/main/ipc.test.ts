// Every Platform channel refuses foreign senders and malformed arguments, and does its job for
// the app window (electron mocked: dialogs answer what each test says).
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL, MAX_FILE_BYTES } from '../../../shared/platform/contract';
import { dialog, eventFrom, fakeContents, invoke, ipcHandlers } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);

const { registerIpc } = await import('../../../electron/main/ipc');
const { trustWebContents } = await import('../../../electron/main/ipc/sender');
const { createKeyStore } = await import('../../../electron/main/keys');

const app = fakeContents(1);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'planbook-ipc-'));
  const protector = { kind: 'os-keychain' as const, seal: (b: Buffer) => Buffer.from(b).reverse(), open: (b: Buffer) => Buffer.from(b).reverse() };
  registerIpc({ keyStore: createKeyStore({ dir: path.join(dir, 'keys'), protector: () => ({ ok: true, protector }) }) });
});

beforeEach(() => {
  trustWebContents(app as never);
  dialog.showOpenDialog.mockReset();
  dialog.showSaveDialog.mockReset();
});

const bytes = new Uint8Array([1, 2, 3]);
// One valid argument list per channel; the foreign-sender tests send exactly these.
const VALID: Record<string, unknown[]> = {
  [CHANNEL.appInfo]: [],
  [CHANNEL.openFiles]: [{ accept: ['json'], multiple: true }],
  [CHANNEL.saveFile]: [{ suggestedName: 'bao-cao.json', bytes }],
  [CHANNEL.print]: [{ suggestedName: 'bao-cao', landscape: false }],
  [CHANNEL.ensureUnitKey]: ['vt-thang-tam'],
  [CHANNEL.getUnitKey]: ['vt-thang-tam'],
  [CHANNEL.sign]: ['vt-thang-tam', bytes],
  [CHANNEL.takeOpenedFiles]: [],
};

const MALFORMED: Record<string, unknown[][]> = {
  [CHANNEL.appInfo]: [['extra']],
  [CHANNEL.openFiles]: [[], [null], ['json'], [{ accept: ['exe'], multiple: true }], [{ accept: [], multiple: false }],
    [{ accept: ['json'] }], [{ accept: ['json'], multiple: 'yes' }], [{ accept: ['json'], multiple: true, path: '/etc' }],
    [{ accept: ['json'], multiple: true }, 'extra']],
  [CHANNEL.saveFile]: [[], [{ suggestedName: '../../x.json', bytes }], [{ suggestedName: 'C:\\x.json', bytes }],
    [{ suggestedName: 'a/b.json', bytes }], [{ suggestedName: '', bytes }], [{ suggestedName: '..', bytes }],
    [{ suggestedName: 'x\u202Efdp.exe', bytes }], [{ suggestedName: 'x\n.json', bytes }], [{ suggestedName: 'x'.repeat(201), bytes }],
    [{ suggestedName: 'x.json', bytes: [1, 2, 3] }], [{ suggestedName: 'x.json', bytes: 'AQID' }],
    [{ suggestedName: 'x.json', bytes, path: '/tmp/x' }], [{ suggestedName: 'x.json' }]],
  [CHANNEL.print]: [[], [{ suggestedName: 'x' }], [{ suggestedName: 'x', landscape: 1 }], [{ suggestedName: '/etc/x', landscape: true }],
    [{ suggestedName: 'x', landscape: true, pageSize: 'A3' }]],
  [CHANNEL.ensureUnitKey]: [[], [42], [''], ['x'.repeat(201)], ['a\u0000b'], [{ unitId: 'x' }], ['a', 'b']],
  [CHANNEL.getUnitKey]: [[], [null], [['x']]],
  [CHANNEL.sign]: [[], ['vt-thang-tam'], ['vt-thang-tam', [1, 2]], ['vt-thang-tam', 'AQID'], [7, bytes],
    ['vt-thang-tam', new Uint8Array(0)], ['vt-thang-tam', bytes, 'extra']],
  [CHANNEL.takeOpenedFiles]: [['x']],
};

const isRefusal = async (p: Promise<unknown>) => {
  try {
    const r = await p;
    return Array.isArray(r) ? r.length === 0 : (r as { ok?: boolean; reason?: string }).ok === false
      && (r as { reason?: string }).reason === 'rejected';
  } catch (e) {
    return (e as Error).message === 'rejected'; // appInfo has no failure shape
  }
};

describe('every channel', () => {
  it('has a handler, and nothing else is registered', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(CHANNEL).filter((c) => c !== CHANNEL.filesOpened).sort());
  });

  const channels = Object.keys(VALID);
  it.each(channels)('%s refuses another webContents', async (channel) => {
    expect(await isRefusal(invoke(channel, eventFrom(fakeContents(2)), ...(VALID[channel] ?? [])))).toBe(true);
  });
  it.each(channels)('%s refuses a subframe of the app window', async (channel) => {
    expect(await isRefusal(invoke(channel, eventFrom(app, { url: 'app://planbook/index.html', parent: app.mainFrame }), ...(VALID[channel] ?? [])))).toBe(true);
  });
  it.each(channels)('%s refuses the app window showing another origin', async (channel) => {
    const evil = fakeContents(1, 'https://evil.example/');
    trustWebContents(evil as never);
    expect(await isRefusal(invoke(channel, eventFrom(evil), ...(VALID[channel] ?? [])))).toBe(true);
  });
  it.each(channels)('%s refuses a destroyed frame and a closed window', async (channel) => {
    expect(await isRefusal(invoke(channel, eventFrom(app, null), ...(VALID[channel] ?? [])))).toBe(true);
    trustWebContents(null);
    expect(await isRefusal(invoke(channel, eventFrom(app), ...(VALID[channel] ?? [])))).toBe(true);
  });
  it.each(Object.entries(MALFORMED).flatMap(([c, list]) => list.map((args, i) => [c, i, args] as const)))(
    '%s refuses malformed arguments #%i', async (channel, _i, args) => {
      expect(await isRefusal(invoke(channel, eventFrom(app), ...args))).toBe(true);
      expect(dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    });
});

describe('for the app window', () => {
  it('appInfo names the host and version', async () => {
    expect(await invoke(CHANNEL.appInfo, eventFrom(app))).toEqual({ host: 'electron', version: '0.1.0', buildDate: 'dev' });
  });

  it('openFiles reads the chosen files and refuses other extensions and huge files', async () => {
    const a = path.join(dir, 'a.json');
    await writeFile(a, '{"format":"planbook/package"}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [a] });
    const r = await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: true });
    expect(r).toMatchObject({ ok: true, files: [{ name: 'a.json' }] });
    expect(new TextDecoder().decode((r as { files: { bytes: Uint8Array }[] }).files[0]?.bytes)).toContain('planbook/package');

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(dir, 'x.exe')] });
    expect(await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: false })).toEqual({ ok: false, reason: 'rejected' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: false })).toEqual({ ok: false, reason: 'cancelled' });

    const big = path.join(dir, 'big.json');
    await writeFile(big, '');
    const { truncate } = await import('node:fs/promises');
    await truncate(big, MAX_FILE_BYTES + 1); // sparse: no real disk use
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    expect(await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: false })).toEqual({ ok: false, reason: 'too-large' });
  });

  it('openFiles with folder reads the accepted files of the folder and its subfolders, named by their path, links not followed', async () => {
    const root = path.join(dir, 'nhan-goi');
    const { mkdir, symlink } = await import('node:fs/promises');
    await mkdir(path.join(root, 'phuong-7', 'thang-5', 'lan-2', 'qua-sau'), { recursive: true });
    await writeFile(path.join(root, 'p1.json'), '1');
    await writeFile(path.join(root, 'ghi-chu.txt'), 'x');
    await writeFile(path.join(root, 'phuong-7', 'P7.JSON'), '7');
    await writeFile(path.join(root, 'phuong-7', 'thang-5', 'lan-2', 'p7-2.json'), '72');
    await writeFile(path.join(root, 'phuong-7', 'thang-5', 'lan-2', 'qua-sau', 'too-deep.json'), 'deep');
    await symlink(dir, path.join(root, 'link-to-parent'));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [root] });
    const r = await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: true, folder: true }) as { ok: true; files: { name: string; bytes: Uint8Array }[] };
    expect(dialog.showOpenDialog.mock.lastCall?.at(-1)).toEqual({ properties: ['openDirectory'] });
    expect(r.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['p1.json', '1'], ['phuong-7/P7.JSON', '7'], ['phuong-7/thang-5/lan-2/p7-2.json', '72'],
    ]);

    const empty = path.join(dir, 'trong');
    await mkdir(empty);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [empty] });
    expect(await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: true, folder: true })).toEqual({ ok: true, files: [] });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(dir, 'missing')] });
    expect(await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: true, folder: true })).toEqual({ ok: false, reason: 'read-failed' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: true, folder: true })).toEqual({ ok: false, reason: 'cancelled' });
    expect(await invoke(CHANNEL.openFiles, eventFrom(app), { accept: ['json'], multiple: true, folder: 'yes' })).toEqual({ ok: false, reason: 'rejected' });
  });

  it('saveFile writes through a temp file and leaves no temp behind', async () => {
    const target = path.join(dir, 'out', 'bao-cao.json');
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(target), { recursive: true }));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await invoke(CHANNEL.saveFile, eventFrom(app), { suggestedName: 'bao-cao.json', bytes })).toEqual({ ok: true, fileName: 'bao-cao.json' });
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(path.dirname(target))).toEqual(['bao-cao.json']);

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await invoke(CHANNEL.saveFile, eventFrom(app), { suggestedName: 'x.json', bytes })).toEqual({ ok: false, reason: 'cancelled' });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'no-such-dir', 'x.json') });
    expect(await invoke(CHANNEL.saveFile, eventFrom(app), { suggestedName: 'x.json', bytes })).toEqual({ ok: false, reason: 'write-failed' });
  });

  it('print renders A4 to PDF, then asks where to save it', async () => {
    const target = path.join(dir, 'bao-cao.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await invoke(CHANNEL.print, eventFrom(app), { suggestedName: 'bao-cao', landscape: true })).toEqual({ ok: true, fileName: 'bao-cao.pdf' });
    expect(app.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', landscape: true }));
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: 'bao-cao.pdf' });
    expect((await readFile(target)).toString()).toContain('%PDF');
  });

  it('files opened from outside wait until the app window takes them, once', async () => {
    const { queueOpenedPaths } = await import('../../../electron/main/ipc/openedFiles');
    const p = path.join(dir, 'dropped.json');
    await writeFile(p, '{}');
    await queueOpenedPaths([p], app as never);
    expect(app.send).toHaveBeenCalledWith(CHANNEL.filesOpened);
    expect(await invoke(CHANNEL.takeOpenedFiles, eventFrom(fakeContents(2)))).toEqual([]); // a stranger gets nothing
    expect(await invoke(CHANNEL.takeOpenedFiles, eventFrom(app))).toMatchObject([{ name: 'dropped.json' }]);
    expect(await invoke(CHANNEL.takeOpenedFiles, eventFrom(app))).toEqual([]);
  });

  it('key channels create, read and use the key without ever returning it', async () => {
    const created = await invoke(CHANNEL.ensureUnitKey, eventFrom(app), 'vt-thang-tam');
    expect(created).toMatchObject({ ok: true, key: { unitId: 'vt-thang-tam', protection: 'os-keychain' } });
    expect(Object.keys((created as { key: object }).key).sort()).toEqual(['createdAt', 'protection', 'publicKey', 'unitId']);
    expect(await invoke(CHANNEL.getUnitKey, eventFrom(app), 'vt-thang-tam')).toEqual(created);
    expect(await invoke(CHANNEL.getUnitKey, eventFrom(app), 'other-unit')).toEqual({ ok: false, reason: 'no-key' });
    expect(await invoke(CHANNEL.sign, eventFrom(app), 'vt-thang-tam', bytes)).toMatchObject({ ok: true, signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/u) });
  });
});
