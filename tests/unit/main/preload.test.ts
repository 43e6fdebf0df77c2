// The preload exposes exactly the Platform methods, each on its own channel: no generic invoke.
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL } from '../../../shared/platform/contract';
import { electronModule } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);
await import('../../../electron/preload/index');

const [name, api] = electronModule.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
const invoke = electronModule.ipcRenderer.invoke;

describe('preload', () => {
  it('exposes window.planbook with the Platform members only', () => {
    expect(name).toBe('planbook');
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'beginKeyRotation', 'clearDatabaseStorage', 'ensureUnitKey', 'exportKeyBackup', 'finishKeyRotation', 'getUnitKey', 'host', 'listBackups', 'onFilesOpened', 'openFiles', 'print', 'readBackup', 'readMarker', 'restoreKeyBackup', 'saveFile', 'sign', 'signRotationProof', 'unlockUnitKey', 'writeBackup', 'writeMarker']);
    expect(api.host).toBe('electron');
    expect(Object.values(api).filter((v) => typeof v === 'function').every((f) => (f as () => unknown).length <= 2)).toBe(true);
  });

  it.each([
    ['appInfo', [], CHANNEL.appInfo],
    ['openFiles', [{ accept: ['json'], multiple: true }], CHANNEL.openFiles],
    ['saveFile', [{ suggestedName: 'a.json', bytes: new Uint8Array(1) }], CHANNEL.saveFile],
    ['print', [{ suggestedName: 'a', landscape: false }], CHANNEL.print],
    ['ensureUnitKey', ['u'], CHANNEL.ensureUnitKey],
    ['getUnitKey', ['u'], CHANNEL.getUnitKey],
    ['sign', ['u', new Uint8Array(2)], CHANNEL.sign],
    ['beginKeyRotation', ['u'], CHANNEL.beginKeyRotation],
    ['signRotationProof', ['u', new Uint8Array(2)], CHANNEL.signRotationProof],
    ['finishKeyRotation', ['u', 'k'], CHANNEL.finishKeyRotation],
    ['unlockUnitKey', ['u', 'mật khẩu dài'], CHANNEL.unlockUnitKey],
    ['exportKeyBackup', [{ unitId: 'u', passphrase: 'p' }], CHANNEL.exportKeyBackup],
    ['restoreKeyBackup', [{ unitId: 'u', passphrase: 'p' }], CHANNEL.restoreKeyBackup],
  ] as const)('%s forwards to its own channel', async (method, args, channel) => {
    invoke.mockClear();
    await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    expect(invoke).toHaveBeenCalledWith(channel, ...args);
  });

  it('onFilesOpened drains what waits, listens for notices, and unsubscribes', async () => {
    const file = { name: 'a.json', bytes: new Uint8Array(1) };
    invoke.mockReset();
    invoke.mockResolvedValue([file] as never);
    const listener = vi.fn();
    const off = (api.onFilesOpened as (l: typeof listener) => () => void)(listener);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith([file]));
    expect(invoke).toHaveBeenCalledWith(CHANNEL.takeOpenedFiles);
    const [channel, onNotice] = electronModule.ipcRenderer.on.mock.calls[0] as unknown as [string, () => void];
    expect(channel).toBe(CHANNEL.filesOpened);
    onNotice();
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(2));
    off();
    expect(electronModule.ipcRenderer.removeListener).toHaveBeenCalledWith(CHANNEL.filesOpened, onNotice);
  });
});
