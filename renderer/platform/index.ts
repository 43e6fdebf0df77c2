import type { Platform } from '../../shared/platform/contract';
import { browserPlatform } from './browser';

declare global {
  interface Window { planbook?: Platform }
}

/** The Electron preload exposes `window.planbook`; anywhere else the browser host serves. */
export const platform: Platform = window.planbook ?? browserPlatform;
