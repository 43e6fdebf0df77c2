#!/usr/bin/env node
// The `planbook` command line (DESIGN.md contract). The bundle is built by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/planbook.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('planbook: the command line is not built yet; run `npm run build:node` first.\n');
  process.exit(2);
}
await import(bundle);
