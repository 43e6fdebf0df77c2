// Builds the Node-side bundles with esbuild: the command line (bin/planbook.mjs loads it),
// the Electron main process and preload, and the benchmark. Runs on `npm install` (prepare),
// so `npx planbook` works right after a fresh clone. An entry whose source does not exist yet is skipped.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'electron/cli/main.ts', out: 'dist/cli/planbook.mjs', format: 'esm', platform: 'node' },
  { in: 'electron/main/index.ts', out: 'dist/electron/main.cjs', format: 'cjs', platform: 'node', external: ['electron'] },
  { in: 'electron/preload/index.ts', out: 'dist/electron/preload.cjs', format: 'cjs', platform: 'node', external: ['electron'] },
  { in: 'bench/bench.ts', out: 'dist/bench/bench.mjs', format: 'esm', platform: 'node', external: ['playwright-core'] },
];

const esmBanner = "import { createRequire as __planbookRequire } from 'node:module'; const require = __planbookRequire(import.meta.url);";

for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: e.platform,
    format: e.format,
    target: 'node20',
    sourcemap: true,
    external: e.external ?? [],
    banner: e.format === 'esm' ? { js: esmBanner } : undefined,
    define: { __PLANBOOK_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0'), __PLANBOOK_BUILD_DATE__: JSON.stringify(new Date().toISOString().slice(0, 10)) },
    logLevel: 'warning',
  });
}
