// The fuses of issue 8, through electron-builder's own code: electron-builder.yml is read, its
// `electronFuses` turned into a fuse config by app-builder-lib's generateFuseConfig (what
// `npm run dist` runs right before signing), and flipped by @electron/fuses into a stand-in for the
// Electron binary (its fuse wire, with Electron's defaults, between other bytes). The real binary
// cannot be downloaded here; on a release machine `npx @electron/fuses read --app <exe>` shows the same.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const fuses = require('@electron/fuses') as {
  flipFuses(file: string, config: Record<string, unknown>): Promise<number>;
  getCurrentFuseWire(file: string): Promise<Record<string, unknown>>;
  FuseV1Options: Record<string, number>;
};
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(this: unknown, f: unknown): Promise<Record<string, unknown>> } };
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const [DISABLE, ENABLE] = [48, 49];
// Electron's own defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
// ASAR integrity off, only-ASAR off, browser V8 snapshot off, file:// extra privileges on.
const DEFAULTS = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];

async function fakeElectron(): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'planbook-fuses-')), 'PlanBook');
  const noise = Buffer.from('\x7fELF... the rest of Electron ...');
  await writeFile(file, Buffer.concat([noise, Buffer.from(SENTINEL), Buffer.from([1, DEFAULTS.length, ...DEFAULTS]), noise]));
  return file;
}

describe('the fuses a release build flips', () => {
  it('electron-builder.yml turns RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off, cookie encryption, ASAR integrity and only-ASAR on', async () => {
    const config = yaml.load(await readFile('electron-builder.yml', 'utf8')) as { electronFuses: unknown };
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
    const file = await fakeElectron();
    expect(await fuses.flipFuses(file, fuseConfig)).toBe(1);
    const wire = await fuses.getCurrentFuseWire(file);
    const o = fuses.FuseV1Options;
    const state = (name: string) => wire[String(o[name])];
    expect({
      RunAsNode: state('RunAsNode'), EnableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
      EnableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'), GrantFileProtocolExtraPrivileges: state('GrantFileProtocolExtraPrivileges'),
      EnableCookieEncryption: state('EnableCookieEncryption'), EnableEmbeddedAsarIntegrityValidation: state('EnableEmbeddedAsarIntegrityValidation'),
      OnlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
    }).toEqual({
      RunAsNode: DISABLE, EnableNodeOptionsEnvironmentVariable: DISABLE, EnableNodeCliInspectArguments: DISABLE, GrantFileProtocolExtraPrivileges: DISABLE,
      EnableCookieEncryption: ENABLE, EnableEmbeddedAsarIntegrityValidation: ENABLE, OnlyLoadAppFromAsar: ENABLE,
    });
  });
});
