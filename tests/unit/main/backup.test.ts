// The backup and marker channels (electron mocked): foreign senders and malformed arguments are
// refused, names other than backup names never reach the disk, writes are atomic and rotated.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName } from '../../../shared/backup';
import { CHANNEL } from '../../../shared/platform/contract';
import { eventFrom, fakeContents, invoke } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);
const { registerBackup } = await import('../../../electron/main/ipc/backup');
const { trustWebContents } = await import('../../../electron/main/ipc/sender');

const app = fakeContents(1);
const ok = eventFrom(app);
let dir: string;
const folder = () => path.join(dir, 'Documents', 'PlanBook', 'backups');
const name = (iso: string, reason: 'manual' | 'daily' = 'manual') => backupFileName(iso, reason);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'planbook-backup-'));
  registerBackup({ folder, markerFile: () => path.join(dir, 'userData', 'marker.json') });
});
beforeEach(() => trustWebContents(app as never));

const bytes = new Uint8Array([123, 125]);
const VALID: [string, unknown[]][] = [
  [CHANNEL.writeBackup, [{ name: name('2024-05-01T00:00:00Z'), bytes }]],
  [CHANNEL.listBackups, []],
  [CHANNEL.readBackup, [name('2024-05-01T00:00:00Z')]],
  [CHANNEL.readMarker, []],
  [CHANNEL.writeMarker, ['{}']],
  [CHANNEL.clearDatabaseStorage, []],
];
const refused = (r: unknown) => r === null || r === false || (r as { reason?: string }).reason === 'rejected';

describe('backup channels', () => {
  it.each(VALID)('%s refuses another webContents and a subframe', async (channel, args) => {
    expect(refused(await invoke(channel, eventFrom(fakeContents(2)), ...args))).toBe(true);
    expect(refused(await invoke(channel, eventFrom(app, { url: 'app://planbook/index.html', parent: app.mainFrame }), ...args))).toBe(true);
  });

  it.each([
    [CHANNEL.writeBackup, [[], [{ name: '../../x.json', bytes }], [{ name: 'x.json', bytes }], [{ name: name('2024-05-01T00:00:00Z'), bytes: [1] }],
      [{ name: name('2024-05-01T00:00:00Z'), bytes: new Uint8Array(0) }], [{ name: name('2024-05-01T00:00:00Z'), bytes, extra: 1 }],
      [{ name: `..\\${name('2024-05-01T00:00:00Z')}`, bytes }], [{ name: name('2024-05-01T00:00:00Z'), bytes }, 'x']]],
    [CHANNEL.listBackups, [['x']]],
    [CHANNEL.readBackup, [[], ['/etc/passwd'], ['../marker.json'], [42], [name('2024-05-01T00:00:00Z'), 'x']]],
    [CHANNEL.readMarker, [[1]]],
    [CHANNEL.writeMarker, [[], [42], [{ a: 1 }], ['x'.repeat(1024 * 1024 + 1)]]],
    [CHANNEL.clearDatabaseStorage, [['app://planbook'], [{ storages: ['cookies'] }]]],
  ] as [string, unknown[][]][])('%s refuses malformed arguments', async (channel, cases) => {
    for (const args of cases) expect(refused(await invoke(channel, ok, ...args)), JSON.stringify(args).slice(0, 80)).toBe(true);
  });

  it('writes into the backups folder (no temporary file left), lists, reads back and rotates', async () => {
    const first = name('2024-01-15T08:00:00Z');
    expect(await invoke(CHANNEL.writeBackup, ok, { name: first, bytes })).toMatchObject({ ok: true, fileName: first, folder: folder() });
    expect(await invoke(CHANNEL.readBackup, ok, first)).toEqual({ ok: true, bytes: new Uint8Array(bytes) });
    await writeFile(path.join(folder(), 'notes.txt'), 'kept by the user');
    for (let d = 1; d <= 12; d++) await invoke(CHANNEL.writeBackup, ok, { name: name(`2024-03-${String(d).padStart(2, '0')}T08:00:00Z`, 'daily'), bytes });
    const list = await invoke(CHANNEL.listBackups, ok) as { ok: true; files: { name: string }[] };
    // The 10 newest, the newest of January (the only one), nothing of March beyond the 10.
    expect(list.files.map((f) => f.name)).toEqual([...Array.from({ length: 10 }, (_, i) => name(`2024-03-${String(12 - i).padStart(2, '0')}T08:00:00Z`, 'daily')), first]);
    expect((await readdir(folder())).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(folder())).toContain('notes.txt');
    expect(await invoke(CHANNEL.readBackup, ok, name('2020-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'not-found' });
  });

  it('keeps the marker in userData, and deletes it on empty text', async () => {
    expect(await invoke(CHANNEL.readMarker, ok)).toBeNull();
    expect(await invoke(CHANNEL.writeMarker, ok, '{"format":"planbook/marker"}')).toBe(true);
    expect(await readFile(path.join(dir, 'userData', 'marker.json'), 'utf8')).toBe('{"format":"planbook/marker"}');
    expect(await invoke(CHANNEL.readMarker, ok)).toBe('{"format":"planbook/marker"}');
    expect(await invoke(CHANNEL.writeMarker, ok, '')).toBe(true);
    expect(await invoke(CHANNEL.readMarker, ok)).toBeNull();
  });

  it('clears only the app origin\'s IndexedDB through the sender\'s session, and says when it failed', async () => {
    const clearStorageData = vi.fn(async () => undefined);
    const withSession = Object.assign(fakeContents(1), { session: { clearStorageData } });
    trustWebContents(withSession as never);
    expect(await invoke(CHANNEL.clearDatabaseStorage, eventFrom(withSession))).toEqual({ ok: true });
    expect(clearStorageData).toHaveBeenCalledWith({ origin: 'app://planbook', storages: ['indexdb'] });
    clearStorageData.mockRejectedValueOnce(new Error('busy'));
    expect(await invoke(CHANNEL.clearDatabaseStorage, eventFrom(withSession))).toEqual({ ok: false, reason: 'failed' });
    expect(clearStorageData).toHaveBeenCalledTimes(2);
  });
});
