// Window and session hardening (issue 2, issue 8; Electron's security checklist). The window shows
// only the app's own bundle: no other origin, no popups, no permissions, no network requests.
// Each rule has a test in tests/unit/main/security.test.ts.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './origin';

// The Content-Security-Policy of every app response. No network origin is allowed: the app is
// offline by design, so an injected script could neither load code nor send data anywhere.
// No 'unsafe-inline' even for styles: React sets style properties through the CSSOM, which CSP allows.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the app protocol carries, 200 and 404 alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Requests the session lets through: the app origin, plus data:/blob: URLs the page made itself
 * (images, workers) and devtools. Anything else (http, https, file, ftp, ws...) is cancelled, a
 * second wall behind the CSP: no request leaves the app (issue 2, point 5).
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  return /^(?:data|blob|devtools):/iu.test(url);
}

/** Denies every permission, device and request to another origin for one session. */
export function hardenSession(ses: Session): void {
  // The app needs no camera, microphone, notification, geolocation, clipboard-read, MIDI, HID...
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Chromium asks the check handler first for most APIs; answer no there too.
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  // Downloads are never started by the page itself (exports go through Platform.saveFile).
  ses.on('will-download', (event) => event.preventDefault());
}

/**
 * Applied to every webContents created (app 'web-contents-created'): no window.open, no navigation
 * or redirect away from the app origin, no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  // An office tool has no reason to open a second window; external links are not opened either
  // (the app is offline, and opening a URL from content is a classic escalation path).
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
