// The app's one origin. Everything the window may load or talk to lives under it; the origin is
// pinned (issue 8): IndexedDB, localStorage and the data-loss marker are keyed by it, so changing
// it would make every installation look empty. tests/unit/main/protocol.test.ts pins it.
export const APP_SCHEME = 'app';
export const APP_HOST = 'planbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on the app origin. Compares scheme and host rather than `URL.origin`,
 * because Node's URL parser gives every non-special scheme the opaque origin "null".
 */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}
