// The app protocol serves dist/renderer and nothing else; every response carries the CSP and
// nosniff; the origin is pinned (changing it would hide every unit's IndexedDB data).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);

const { appResponse, registerAppScheme, handleAppProtocol, resolveAppPath } = await import('../../../electron/main/protocol');
const { APP_ORIGIN } = await import('../../../electron/main/origin');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/security');

let root: string;
beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'planbook-proto-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>PlanBook</title>');
  for (const f of ['app.js', 'worker.mjs', 'style.css', 'font.woff2', 'sql.wasm', 'logo.svg', 'data.json'])
    await writeFile(path.join(root, 'assets', f), 'x');
  // Files an attacker would like to read: beside the root and above it.
  await writeFile(path.join(base, 'secret.json'), '{"secret":true}');
  await mkdir(path.join(base, 'renderer-evil'), { recursive: true });
  await writeFile(path.join(base, 'renderer-evil', 'x.json'), '{"secret":true}');
});

const get = (url: string, method?: string) => appResponse(root, url, method);

describe('origin', () => {
  it('is pinned to app://planbook', () => expect(APP_ORIGIN).toBe('app://planbook'));
  it('registers app as standard and secure, before ready', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });
  it('installs one handler for the scheme', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, root);
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (r: { url: string; method: string }) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler({ url: 'app://planbook/', method: 'GET' })).status).toBe(200);
  });
});

describe('serving', () => {
  it.each([
    ['app://planbook/', 'text/html; charset=utf-8'],
    ['app://planbook/index.html', 'text/html; charset=utf-8'],
    ['app://planbook/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://planbook/assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['app://planbook/assets/style.css', 'text/css; charset=utf-8'],
    ['app://planbook/assets/font.woff2', 'font/woff2'],
    ['app://planbook/assets/sql.wasm', 'application/wasm'],
    ['app://planbook/assets/logo.svg', 'image/svg+xml'],
    ['app://planbook/assets/data.json?v=1#x', 'application/json; charset=utf-8'],
    ['app://planbook/plans/42', 'text/html; charset=utf-8'], // client-side route: the app shell
  ])('%s is %s', async (url, type) => {
    const r = await get(url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(type);
  });
  it('HEAD answers without a body; other methods are refused', async () => {
    expect(await (await get('app://planbook/index.html', 'HEAD')).text()).toBe('');
    expect((await get('app://planbook/index.html', 'POST')).status).toBe(405);
  });
});

const TRAVERSALS = [
  'app://planbook/../secret.json', 'app://planbook/%2e%2e/secret.json', 'app://planbook/%2E%2E/secret.json',
  'app://planbook/..%2fsecret.json', 'app://planbook/..%2Fsecret.json', 'app://planbook/assets/..%2f..%2fsecret.json',
  'app://planbook/..%5csecret.json', 'app://planbook/..%5C..%5Csecret.json', 'app://planbook/assets%5c..%5c..%5csecret.json',
  'app://planbook/%2e%2e%2f%2e%2e%2fsecret.json', 'app://planbook/.%2e/secret.json', 'app://planbook/%2e./secret.json',
  'app://planbook/C:/Windows/win.ini', 'app://planbook/C%3A%5CWindows%5Cwin.ini', 'app://planbook/c:%2fWindows%2fwin.ini',
  'app://planbook//server/share/x.json', 'app://planbook/%5c%5cserver%5cshare%5cx.json', 'app://planbook/%2f%2fserver%2fshare',
  'app://planbook/%2fetc%2fpasswd', 'app://planbook/index.html%00.js', 'app://planbook/%E0%A4%A', 'app://planbook/index.html:stream',
  'app://planbook/../renderer-evil/x.json', 'app://planbook/%2e%2e/renderer-evil/x.json',
  'app://evil/index.html', 'app://planbook.evil/index.html', 'file:///etc/passwd', 'not a url',
  'app://planbook/assets/missing.js',
];

describe('never outside the bundle', () => {
  it.each(TRAVERSALS)('%s is a 404', async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('secret');
  });
  it('resolveAppPath keeps every answer inside the root', () => {
    for (const url of TRAVERSALS) {
      const p = resolveAppPath(root, url);
      if (p !== null) expect(p.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('headers', () => {
  it.each([...TRAVERSALS, 'app://planbook/', 'app://planbook/assets/app.js', 'app://planbook/plans/1'])('%s carries CSP and nosniff', async (url) => {
    const r = await get(url);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
  it('a refused method carries them too', async () => {
    const r = await get('app://planbook/', 'PUT');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
