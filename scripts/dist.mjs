// `npm run dist`: build, then package with electron-builder for the current OS (electron-builder.yml).
// electron-builder downloads the Electron zip and its tools (NSIS, AppImage, fpm) on first use;
// where the machine cannot download them, end with a plain sentence instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const TARGET = { win32: '--win', linux: '--linux', darwin: '--mac' }[process.platform];
const NO_DOWNLOAD =
  'Không tải được công cụ đóng gói (Electron, NSIS, AppImage) vì máy không có mạng hoặc bị chặn; hãy chạy `npm run dist` trên máy có Internet (xem README).\n'
  + 'The packaging tools (Electron, NSIS, AppImage) could not be downloaded; run `npm run dist` on a machine with Internet access (see README).';
const FAILED = 'Đóng gói không thành công, xem thông báo ở trên. / Packaging failed, see the messages above.';
// What a failed download looks like in electron-builder's output (Node, Go and curl wordings).
const DOWNLOAD_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|dial tcp|no such host|cannot download|unable to download|self.signed certificate|unable to get local issuer|network is unreachable|status code 40[37]/iu;

if (!TARGET) {
  console.error(`Hệ điều hành ${process.platform} không được hỗ trợ. / ${process.platform} is not a supported platform.`);
  process.exit(1);
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!process.env.PLANBOOK_SKIP_BUILD) {
  run(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')]);
  run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
}

let cli;
try {
  cli = require.resolve('electron-builder/cli.js');
} catch {
  console.error('Chưa cài electron-builder: chạy `npm install`. / electron-builder is not installed: run `npm install`.');
  process.exit(1);
}

// Tee electron-builder's output: shown as it comes, and kept to recognise a download failure.
let output = '';
const child = spawn(process.execPath, [cli, TARGET, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)],
  { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
child.stdout.on('data', (d) => { process.stdout.write(d); output += d; });
child.stderr.on('data', (d) => { process.stderr.write(d); output += d; });
child.on('close', (code) => {
  if (code === 0) return process.exit(0);
  console.error(DOWNLOAD_ERROR.test(output) ? NO_DOWNLOAD : FAILED);
  process.exit(1);
});
