// The marker outside IndexedDB: a file of main in Electron, localStorage in the browser.
import { parseMarker, type Marker } from '../../../shared/backup';
import type { Platform } from '../../../shared/platform/contract';

export interface MarkerStore { read(): Promise<Marker | null>; write(m: Marker): Promise<boolean>; clear(): Promise<boolean> }

export const MARKER_KEY = 'planbook.marker';

export const localStorageMarker: MarkerStore = {
  read: async () => {
    try { return parseMarker(globalThis.localStorage?.getItem(MARKER_KEY)); } catch { return null; }
  },
  write: async (m) => {
    try { globalThis.localStorage?.setItem(MARKER_KEY, JSON.stringify(m)); return true; } catch { return false; }
  },
  clear: async () => {
    try { globalThis.localStorage?.removeItem(MARKER_KEY); return true; } catch { return false; }
  },
};

export function markerStoreFor(p: Platform): MarkerStore {
  const { readMarker, writeMarker } = p;
  if (!readMarker || !writeMarker) return localStorageMarker;
  return {
    read: async () => parseMarker(await readMarker().catch(() => null)),
    write: (m) => writeMarker(JSON.stringify(m)).catch(() => false),
    clear: () => writeMarker('').catch(() => false), // main deletes the file on empty text
  };
}
