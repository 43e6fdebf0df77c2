// `planbook` entry point (bundled to dist/cli/planbook.mjs): runs the command line of run.ts and
// sets the exit code once stdout has been flushed. Only on the main thread: `merge` starts worker
// threads on this same bundle (commands/mergeVerify.ts), and they must verify files, not run a CLI.
import { isMainThread } from 'node:worker_threads';
import { EXIT } from './types';
import { runCli } from './run';

async function main(): Promise<void> {
  let out: Awaited<ReturnType<typeof runCli>>;
  try {
    out = await runCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`planbook: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.rejected;
    return;
  }
  if (out.stderr) process.stderr.write(out.stderr);
  process.stdout.write(out.stdout, () => { process.exitCode = out.exitCode; });
  process.exitCode = out.exitCode;
}

if (isMainThread) void main();
