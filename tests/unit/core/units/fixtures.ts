// Test inputs read from the repository's own resources (never from outside the repo).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Directory } from '../../../../shared/units/directory';
import { parseDirectory } from '../../../../shared/units/directory';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export const PLAN_IDS = ['brvt-bcd-2023', 'brvt-cqs-2023-2025', 'vungtau-cds-2024'] as const;
export type PlanFile = (typeof PLAN_IDS)[number];

export const readJson = (rel: string): unknown => JSON.parse(readFileSync(`${root}${rel}`, 'utf8'));
export const rawDirectory = (): unknown => readJson('resources/units/directory.json');
export const rawPlan = (id: PlanFile): unknown => readJson(`resources/plans/${id}.json`);

export function loadDirectory(): Directory {
  const r = parseDirectory(rawDirectory());
  if (!r.ok) throw new Error(`bundled directory is invalid:\n${r.errors.join('\n')}`);
  return r.directory;
}
