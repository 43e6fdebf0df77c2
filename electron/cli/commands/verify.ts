// planbook verify FILE... [--trust TRUST.json]: one row per file, exit 0 only when every file is ok.
import { reasonMessage, sanitizeForDisplay } from '../../../shared/packages';
import { loadTrust, rowOf, verifyBytes, type VerifyRow } from '../rows';
import { readInput } from '../io';
import { EXIT, UsageError, stringOption, type Command } from '../types';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify package files (signature, schema, limits; trust with --trust)',
  usage: 'planbook verify FILE... [--trust TRUST.json] [--json]',
  options: { trust: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('verify needs at least one FILE');
    const trust = loadTrust(ctx, stringOption(ctx, 'trust'));
    const inputs = ctx.positionals.map((file) => ({ file, bytes: readInput(ctx, file) })); // all readable before any verdict
    const rows: VerifyRow[] = [];
    for (const { file, bytes } of inputs) rows.push(rowOf(file, await verifyBytes(bytes, trust)));
    const text = rows.map((r) => {
      const head = `${sanitizeForDisplay(r.file)}: ${r.reason} — ${reasonMessage(r.reason, 'en')}`;
      const kids = (r.children ?? []).map((c) => `  ${sanitizeForDisplay(c.unitId ?? '?')}: ${c.reason}`);
      return [head, ...kids].join('\n');
    }).join('\n');
    return { exitCode: rows.every((r) => r.reason === 'ok') ? EXIT.ok : EXIT.rejected, json: rows, text };
  },
};
