// `npm start` where Electron cannot be had (the real situation on CI and this machine): one plain
// sentence in Vietnamese and English naming the browser mode, exit 1, nothing built or launched.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve('scripts/start.mjs');

async function startWith(env: Record<string, string>) {
  const empty = await mkdtemp(path.join(tmpdir(), 'planbook-noelectron-'));
  // An override dir without an executable: deterministic "missing", even where Electron is installed.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ELECTRON_') && !k.startsWith('PLANBOOK_')));
  return spawnSync(process.execPath, [script], {
    env: { ...clean, ELECTRON_OVERRIDE_DIST_PATH: empty, PLANBOOK_SKIP_BUILD: '1', ...env }, encoding: 'utf8', timeout: 60_000,
  });
}

describe('npm start without Electron', () => {
  it('with ELECTRON_SKIP_BINARY_DOWNLOAD: says so and points to npm run web', async () => {
    const r = await startWith({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Không tìm thấy hoặc không tải được chương trình Electron');
    expect(r.stderr).toContain('The Electron program could not be found or downloaded');
    expect(r.stderr).toContain('npm run web');
    expect(r.stderr).toContain('http://127.0.0.1:4317');
    expect(r.stdout).not.toContain('Downloading');
  });

  it('without it: tries the download once, then says so', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'planbook-installer-'));
    const installer = path.join(dir, 'install.js');
    const log = path.join(dir, 'calls.txt');
    await writeFile(installer, `require('fs').appendFileSync(${JSON.stringify(log)}, 'x'); process.exit(1);`);
    const r = await startWith({ PLANBOOK_ELECTRON_INSTALLER: installer });
    expect(r.status).toBe(1);
    expect(await readFile(log, 'utf8')).toBe('x');
    expect(r.stderr).toContain('npm run web');
  });

  it.skipIf(process.platform === 'win32')('with Electron present: launches it on the app directory, never as plain Node', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'planbook-fake-electron-'));
    const out = path.join(dir, 'args.json');
    const fake = path.join(dir, 'electron');
    await writeFile(fake, `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ argv: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\n`);
    await chmod(fake, 0o755);
    const r = await startWith({ ELECTRON_OVERRIDE_DIST_PATH: dir, ELECTRON_RUN_AS_NODE: '1' });
    expect(r.status).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({ argv: [path.resolve('.')], runAsNode: null });
  });
});
