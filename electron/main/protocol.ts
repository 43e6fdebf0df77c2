// The app protocol: app://planbook/... serves the built renderer (dist/renderer) and nothing else.
// Serving from a custom standard+secure scheme instead of file:// gives the app a real, pinned
// origin (IndexedDB, CSP 'self', module workers) and keeps file:// out of reach of the page.
// Pure apart from the two registration functions, so tests call appResponse() directly.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { SECURITY_HEADERS } from './security';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeType(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Must run before app 'ready' (Electron refuses later). standard: relative URLs and a real origin;
 * secure: treated like https (secure context for WebCrypto, IndexedDB); supportFetchAPI: fetch()
 * of bundled data; corsEnabled: cross-origin reads of app:// are subject to CORS, so they fail.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Installs the handler on the session's protocol (after 'ready'). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rootDir, request.url, request.method));
}

/**
 * Maps a request URL to a file strictly inside `rootDir`, or null. Rejects rather than normalises
 * anything ambiguous: dot segments (also percent-encoded, which Chromium may already have folded,
 * but a handler must not rely on that), backslashes (`..%5c` is a parent step on Windows), colons
 * (drive letters `C:`, NTFS streams `a:b`), NUL, and a leading `//` (UNC `\\server\share`).
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  // Take the path as sent: `new URL` has folded plain `..`, but `%2e%2e` survives in some parsers.
  const rawPath = u.pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (/[\\:\0]/u.test(decoded) || decoded.startsWith('//')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const target = path.resolve(root, relative);
  // Belt and braces: whatever slipped through above, the result must still be under root.
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  return target;
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType: string): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-cache' } });
}

function notFound(): Response {
  return respond(404, 'Not found', 'text/plain; charset=utf-8');
}

/** The response to one request of the app protocol; never throws, never serves outside rootDir. */
export async function appResponse(rootDir: string, url: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
  const target = resolveAppPath(rootDir, url);
  if (target === null) return notFound();
  let bytes: Buffer;
  try {
    bytes = await readFile(target);
  } catch {
    // Missing file or a directory. A path without an extension is a client-side route: serve the
    // app shell so a reload on any screen still works. A missing asset stays a 404.
    if (path.extname(target) !== '') return notFound();
    try {
      bytes = await readFile(path.join(path.resolve(rootDir), 'index.html'));
      return respond(200, method === 'HEAD' ? null : Uint8Array.from(bytes), MIME['.html'] ?? 'text/html');
    } catch {
      return notFound();
    }
  }
  return respond(200, method === 'HEAD' ? null : Uint8Array.from(bytes), mimeType(target));
}
