// Every deadline, target and money cell of the real plans bundled in resources/plans/ is parsed
// or explicitly classified as text. The counts are hard-coded (checked by eye: the only text
// cell is `Theo chương trình của Bộ TT&TT`), so a regression in a parser shows here.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDeadline } from '../../../../shared/cells/deadline';
import { parseMoney } from '../../../../shared/cells/money';
import { parseTarget } from '../../../../shared/cells/target';

const PLANS = fileURLToPath(new URL('../../../../resources/plans/', import.meta.url));
type Row = Record<string, unknown>;
type Counts = Record<string, Record<string, number>>;

const ARRAYS = ['tasks', 'indicators', 'projects'] as const;
const PARSERS: Record<string, (cell: string) => { kind: string; verbatim: string }> = {
  due: parseDeadline, target: parseTarget, nationalTarget: parseTarget, baseline: parseTarget,
  budgetTotal: parseMoney,
};

function readPlan(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${PLANS}${file}`, 'utf8')) as Record<string, unknown>;
}

/** `{ 'tasks.due': { period: 32, ... } }`, plus every text cell for the eye to check. */
function classify(plan: Record<string, unknown>): { counts: Counts; text: string[] } {
  const counts: Counts = {};
  const text: string[] = [];
  const add = (field: string, cell: unknown, parse: (c: string) => { kind: string; verbatim: string }) => {
    expect(typeof cell, `${field} holds text`).toBe('string');
    const r = parse(cell as string);
    expect(r.verbatim).toBe(cell);
    const bucket = (counts[field] ??= {});
    bucket[r.kind] = (bucket[r.kind] ?? 0) + 1;
    if (r.kind === 'text') text.push(`${field}: ${String(cell)}`);
  };
  for (const arr of ARRAYS) {
    const rows = (plan[arr] ?? []) as Row[];
    for (const row of rows) {
      for (const [field, parse] of Object.entries(PARSERS)) if (field in row) add(`${arr}.${field}`, row[field], parse);
      const byYear = row.budgetByYear;
      if (byYear && typeof byYear === 'object')
        for (const cell of Object.values(byYear as Record<string, unknown>)) add(`${arr}.budgetByYear`, cell, parseMoney);
    }
  }
  return { counts, text };
}

const EXPECTED: Record<string, { counts: Counts; text: string[] }> = {
  'brvt-bcd-2023.json': {
    counts: {
      'tasks.due': { period: 32, span: 1, recurring: 2, ongoing: 1, none: 1, text: 1 },
      'indicators.target': { value: 37, range: 3 },
      'indicators.nationalTarget': { value: 25, none: 15 },
      'indicators.baseline': { value: 26, none: 14 },
    },
    text: ['tasks.due: Theo chương trình của Bộ TT&TT'],
  },
  'brvt-cqs-2023-2025.json': {
    counts: { 'tasks.due': { period: 4, span: 52, recurring: 10, ongoing: 1 } },
    text: [],
  },
  'vungtau-cds-2024.json': {
    counts: {
      'tasks.due': { period: 32 },
      'indicators.target': { value: 38, count: 2, none: 2 },
      'indicators.baseline': { none: 42 },
    },
    text: [],
  },
};

describe('the real plans in resources/plans', () => {
  it.each(Object.keys(EXPECTED))('%s: every cell is parsed or classified as expected', (file) => {
    expect(classify(readPlan(file))).toEqual(EXPECTED[file]);
  });

  it('a plan added later is at least read without a throw and keeps its cells', () => {
    for (const file of readdirSync(PLANS).filter((f) => f.endsWith('.json'))) classify(readPlan(file));
  });
});
