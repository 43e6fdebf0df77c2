// `npm start`: find the Electron program, build, and open PlanBook in it. Where Electron cannot be
// had (no binary, no download: offline offices, CI with ELECTRON_SKIP_BINARY_DOWNLOAD=1, npm 11
// skipping electron's postinstall), say so in one sentence and point to the browser mode.
// The binary is looked for before building, so that answer comes at once, not after a build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const MISSING =
  'Không tìm thấy hoặc không tải được chương trình Electron; hãy dùng chế độ trình duyệt: chạy `npm run web` rồi mở http://127.0.0.1:4317\n'
  + 'The Electron program could not be found or downloaded; use browser mode instead: run `npm run web`, then open http://127.0.0.1:4317';

/** The electron package's directory, or null when the package itself is not installed. */
function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron'));
  } catch {
    return null;
  }
}

/**
 * The Electron executable, or null. Mirrors node_modules/electron/index.js (path.txt written by its
 * install.js, ELECTRON_OVERRIDE_DIST_PATH) without its module cache, so it can be asked again after
 * an install attempt, and checks that the file really exists (path.txt can outlive dist/).
 */
function findElectron() {
  const dir = electronPackageDir();
  if (dir === null) return null;
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? path.join(override, relative ?? 'electron') : relative ? path.join(dir, 'dist', relative) : null;
  return executable && existsSync(executable) ? executable : null;
}

/** One attempt at electron's own download (its postinstall may have been skipped). */
function tryInstallElectron() {
  const dir = electronPackageDir();
  // PLANBOOK_ELECTRON_INSTALLER: tests point this at a stand-in instead of downloading.
  const installer = process.env.PLANBOOK_ELECTRON_INSTALLER ?? (dir && path.join(dir, 'install.js'));
  if (!installer || !existsSync(installer)) return;
  console.log('Đang tải Electron… / Downloading Electron…');
  // Its stack trace on failure says nothing a user can act on; PLANBOOK_DEBUG=1 shows it.
  const stdio = process.env.PLANBOOK_DEBUG ? 'inherit' : 'ignore';
  spawnSync(process.execPath, [installer], { cwd: dir ?? root, stdio, timeout: 10 * 60_000 });
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let electron = findElectron();
if (electron === null && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  tryInstallElectron();
  electron = findElectron();
}
if (electron === null) {
  console.error(MISSING);
  process.exit(1);
}

// PLANBOOK_SKIP_BUILD=1: launch what dist/ holds (tests, or a quick restart after a build).
if (!process.env.PLANBOOK_SKIP_BUILD) {
  run(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')]);
  run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
}

// ELECTRON_RUN_AS_NODE would turn the app into a bare Node process; never pass it on.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
