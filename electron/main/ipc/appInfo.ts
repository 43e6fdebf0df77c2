import { app } from 'electron';
import { z } from 'zod';
import { CHANNEL, type AppInfo } from '../../../shared/platform/contract';
import { handleChannel } from './handle';

// Replaced by scripts/build-node.mjs (esbuild define); absent when tests load the source.
declare const __PLANBOOK_BUILD_DATE__: string | undefined;
const buildDate = typeof __PLANBOOK_BUILD_DATE__ === 'string' ? __PLANBOOK_BUILD_DATE__ : 'dev';

export function registerAppInfo(): void {
  handleChannel(CHANNEL.appInfo, z.tuple([]), () => {
    // AppInfo has no failure shape: a foreign caller gets a rejected promise.
    throw new Error('rejected');
  }, async (): Promise<AppInfo> => ({ host: 'electron', version: app.getVersion(), buildDate }));
}
