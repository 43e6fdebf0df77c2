// index.ts: the scheme is registered before ready, one instance, every webContents hardened, the
// session hardened and the protocol installed before the window opens.
import { describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, electronModule, protocol } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);

const order: string[] = [];
const defaultSession = {
  setPermissionRequestHandler: vi.fn(() => order.push('permissions')), setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(), webRequest: { onBeforeRequest: vi.fn() }, on: vi.fn(),
  protocol: { handle: vi.fn(() => order.push('protocol')) },
};
Object.assign(electronModule.session, { defaultSession });
let ready: () => void = () => undefined;
app.whenReady.mockReturnValue(new Promise<void>((resolve) => { ready = resolve; }));
protocol.registerSchemesAsPrivileged.mockImplementation(() => order.push('scheme'));
app.enableSandbox.mockImplementation(() => order.push('sandbox'));
app.requestSingleInstanceLock.mockImplementation(() => { order.push('lock'); return true; });
const windowsBefore = BrowserWindow.instances.length;

await import('../../../electron/main/index');

describe('main lifecycle', () => {
  it('registers the scheme, sandboxes all renderers and takes the single-instance lock before ready', () => {
    expect(order).toEqual(['scheme', 'sandbox', 'lock']);
    const events = app.on.mock.calls.map((c) => c[0]);
    expect(events).toEqual(expect.arrayContaining(['second-instance', 'open-file', 'web-contents-created', 'window-all-closed']));
  });

  it('hardens every new webContents', () => {
    const created = app.on.mock.calls.find((c) => c[0] === 'web-contents-created')?.[1] as (e: unknown, c: unknown) => void;
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    created({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect']));
  });

  it('on ready: session hardened and protocol installed, then one window', async () => {
    ready();
    await vi.waitFor(() => expect(BrowserWindow.instances.length).toBe(windowsBefore + 1));
    expect(order).toEqual(['scheme', 'sandbox', 'lock', 'permissions', 'protocol']);
    const win = BrowserWindow.instances.at(-1);
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/u);
  });

  it('quits when another instance holds the lock', async () => {
    vi.resetModules();
    app.requestSingleInstanceLock.mockReturnValue(false);
    app.quit.mockClear();
    await import('../../../electron/main/index');
    expect(app.quit).toHaveBeenCalled();
  });
});
