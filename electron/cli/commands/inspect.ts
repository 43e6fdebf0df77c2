// planbook inspect FILE [--lang vi|en] [--trust TRUST.json]: header, kind, counts and the
// verification reason with its message. Text shown to people has bidi and zero-width characters escaped.
import { formatFingerprint } from '../../../shared/crypto/hash';
import { reasonMessage, sanitizeForDisplay, type Lang, type Package, type VerifyResult } from '../../../shared/packages';
import { loadTrust, rowOf, verifyBytes } from '../rows';
import { readInput } from '../io';
import { EXIT, UsageError, stringOption, type Command } from '../types';

function counts(pkg: Package | null): Record<string, number> {
  if (!pkg) return {};
  switch (pkg.kind) {
    case 'plan': return { sections: pkg.payload.sections.length, items: pkg.payload.items.length, units: pkg.payload.units.length };
    case 'report': return { entries: pkg.payload.entries.length, indicatorValues: pkg.payload.indicatorValues.length, projectValues: pkg.payload.projectValues.length };
    case 'consolidated': return { children: pkg.payload.children.length, units: pkg.payload.summary.units.length };
    case 'keys': return {};
    case 'receipt': return { received: pkg.payload.received.length };
  }
}

function describe(file: string, r: VerifyResult, lang: Lang) {
  return {
    ...rowOf(file, r),
    message: reasonMessage(r.reason, lang),
    detail: r.detail,
    header: r.header,
    fingerprint: r.keyId ? formatFingerprint(r.keyId) : null,
    counts: counts(r.package),
  };
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show a package: header, kind, counts, verification reason',
  usage: 'planbook inspect FILE [--lang vi|en] [--trust TRUST.json] [--json]',
  options: { lang: { type: 'string' }, trust: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('inspect takes exactly one FILE');
    const lang = stringOption(ctx, 'lang') ?? 'vi';
    if (lang !== 'vi' && lang !== 'en') throw new UsageError('--lang is vi or en');
    const file = ctx.positionals[0]!;
    const trust = loadTrust(ctx, stringOption(ctx, 'trust'));
    const r = await verifyBytes(readInput(ctx, file), trust);
    const d = describe(file, r, lang);
    const L = lang === 'vi'
      ? { kind: 'Loại gói', unit: 'Đơn vị', plan: 'Kế hoạch', period: 'Kỳ', seq: 'Số thứ tự', created: 'Tạo lúc', key: 'Khóa', result: 'Kết quả' }
      : { kind: 'Kind', unit: 'Unit', plan: 'Plan', period: 'Period', seq: 'Sequence', created: 'Created', key: 'Key', result: 'Result' };
    const s = (v: unknown) => sanitizeForDisplay(v === null || v === undefined ? '—' : String(v));
    const lines = [
      `${L.result}: ${d.reason} — ${d.message}`,
      `${L.kind}: ${s(d.kind)}`, `${L.unit}: ${s(d.unitId)}`, `${L.plan}: ${s(d.planId)} (rev. ${s(d.header?.planRevision)})`,
      `${L.period}: ${s(d.period)}`, `${L.seq}: ${s(d.sequence)}`, `${L.created}: ${s(d.header?.createdAt)}`, `${L.key}: ${s(d.fingerprint)}`,
      ...Object.entries(d.counts).map(([k, n]) => `${k}: ${n}`),
      ...(d.children ?? []).map((c) => `  ${s(c.unitId)} ${s(c.period)} #${s(c.sequence)}: ${c.reason}`),
    ];
    return { exitCode: r.reason === 'ok' ? EXIT.ok : EXIT.rejected, json: d, text: lines.join('\n') };
  },
};
