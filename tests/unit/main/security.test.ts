// Window and session hardening: a test per rule (docs/security.md lists them).
import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);

const { hardenSession, hardenWebContents, isAllowedRequestUrl, CONTENT_SECURITY_POLICY } = await import('../../../electron/main/security');
const { createMainWindow } = await import('../../../electron/main/window');

type Listener = (...args: unknown[]) => unknown;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | null = null;
  const contents = {
    on: vi.fn((name: string, l: Listener) => { listeners.set(name, l); return contents; }),
    setWindowOpenHandler: vi.fn((h: Listener) => { openHandler = h; }),
  };
  hardenWebContents(contents as never);
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const l = listeners.get(name);
    if (!l) throw new Error(`no ${name} listener`);
    l(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { fire, open: (url: string) => openHandler?.({ url }) };
}

const FOREIGN = ['https://example.com/', 'http://127.0.0.1:4317/', 'file:///etc/passwd', 'app://evil/index.html',
  'app://planbook.evil.com/', 'app://user@planbook/', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'chrome://settings'];

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to another origin is blocked', (name) => {
    const c = fakeWebContents();
    for (const url of FOREIGN) expect(c.fire(name, url), url).toBe(true);
  });
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s inside the app is allowed', (name) => {
    const c = fakeWebContents();
    expect(c.fire(name, 'app://planbook/index.html#/plans')).toBe(false);
    expect(c.fire(name, 'app://planbook/settings')).toBe(false);
  });
  it('<webview> cannot be attached', () => {
    expect(fakeWebContents().fire('will-attach-webview', 'app://planbook/')).toBe(true);
  });
});

describe('window.open', () => {
  it.each([...FOREIGN, 'app://planbook/index.html'])('is denied for %s', (url) => {
    expect(fakeWebContents().open(url)).toEqual({ action: 'deny' });
  });
});

describe('session', () => {
  function fakeSession() {
    const s = {
      setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() }, on: vi.fn(),
    };
    hardenSession(s as never);
    return s;
  }
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'midiSysex', 'display-capture', 'unknown'])(
    'denies the %s permission request and check', (permission) => {
      const s = fakeSession();
      const request = s.setPermissionRequestHandler.mock.calls[0]?.[0] as Listener;
      const callback = vi.fn();
      request({ getURL: () => 'app://planbook/' }, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      const check = s.setPermissionCheckHandler.mock.calls[0]?.[0] as Listener;
      expect(check(null, permission, 'app://planbook', {})).toBe(false);
    });
  it('denies devices (USB, HID, serial)', () => {
    const s = fakeSession();
    expect((s.setDevicePermissionHandler.mock.calls[0]?.[0] as Listener)({ deviceType: 'usb' })).toBe(false);
  });
  it('cancels every request that leaves the app origin', () => {
    const s = fakeSession();
    const onBefore = s.webRequest.onBeforeRequest.mock.calls[0]?.[0] as Listener;
    const cancelled = (url: string) => {
      const cb = vi.fn();
      onBefore({ url }, cb);
      return (cb.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    for (const url of ['https://fonts.googleapis.com/css', 'http://localhost/', 'file:///C:/x', 'ws://x/', 'ftp://x/', 'app://other/'])
      expect(cancelled(url), url).toBe(true);
    for (const url of ['app://planbook/assets/index.js', 'data:image/png;base64,AA', 'blob:app://planbook/1234'])
      expect(cancelled(url), url).toBe(false);
  });
  it('refuses downloads started by the page', () => {
    const s = fakeSession();
    const [name, l] = s.on.mock.calls[0] as [string, Listener];
    const event = { preventDefault: vi.fn() };
    l(event);
    expect(name).toBe('will-download');
    expect(event.preventDefault).toHaveBeenCalled();
  });
  it('isAllowedRequestUrl is false for garbage', () => {
    expect(isAllowedRequestUrl('not a url')).toBe(false);
  });
});

describe('the app window', () => {
  it('is sandboxed, isolated, without Node, loading the app origin', () => {
    const win = createMainWindow('/app/dist/electron/preload.cjs') as unknown as BrowserWindow;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://planbook/index.html');
  });
  it('writes the hardening options as literals (so electronegativity can see them)', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../../electron/main/window.ts', import.meta.url), 'utf8');
    for (const literal of ['sandbox: true', 'contextIsolation: true', 'nodeIntegration: false', 'webSecurity: true'])
      expect(source).toContain(literal);
  });
});

describe('CSP', () => {
  it('is the strict policy of issue 2', () => {
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
      + "base-uri 'none'; frame-ancestors 'none'");
  });
});
