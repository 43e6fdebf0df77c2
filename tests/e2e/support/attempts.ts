// A journey that passes on a retry still failed once: say how, so a flake can be explained
// (vitest.e2e.config.ts retries while one is not; its first error is otherwise not printed).
import { afterEach } from 'vitest';

afterEach((ctx) => {
  const r = ctx.task.result;
  if (r?.state !== 'fail') return;
  for (const e of r.errors ?? []) {
    console.error(`[e2e attempt ${(r.retryCount ?? 0) + 1} failed] ${ctx.task.name}\n${e.stack ?? e.message}`);
  }
});
