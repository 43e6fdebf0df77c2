import type { ReactNode } from 'react';
import type { PlanItem } from '../../../shared/model/plan';
import type { CellChange, PlanDiff } from '../../../shared/plans/revision';
import { useT, type MessageKey } from '../../i18n';

const MAX = 200;
const FIELD_KEYS = new Set(['no', 'content', 'lead', 'coordinating', 'due', 'target', 'note', 'monitor', 'baseline', 'nationalTarget', 'budgetTotal', 'fundingSource']);

const shown = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

function Cells({ cells }: { cells: readonly CellChange[] }) {
  const t = useT();
  const label = (f: string) => (FIELD_KEYS.has(f) ? t(`planImport.field.${f}` as MessageKey) : f);
  return (
    <ul className="pi-cells">
      {cells.map((c) => <li key={c.field}>{t('revision.cell', { field: label(c.field), before: shown(c.before), after: shown(c.after) })}</li>)}
    </ul>
  );
}

const line = (it: PlanItem) => `${it.no ? `${it.no}. ` : ''}${it.content}`;

function Group({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const t = useT();
  return (
    <section className="pi-diff-group" aria-label={title}>
      <h3>{title}</h3>
      {count === 0 ? <p className="muted">{t('revision.none')}</p> : children}
      {count > MAX && <p className="muted">{t('revision.more', { count: count - MAX })}</p>}
    </section>
  );
}

/** What a new revision adds, changes (which cells) and removes, and what happens to progress. */
export function DiffView({ diff, entryCounts, revision }: { diff: PlanDiff; entryCounts: ReadonlyMap<string, number>; revision: number }) {
  const t = useT();
  const removedEntries = diff.removed.reduce((n, it) => n + (entryCounts.get(it.id) ?? 0), 0);
  return (
    <div className="pi-diff">
      <p>{t('revision.keep')}</p>
      {removedEntries > 0 && <p className="pi-note" role="note">{t('revision.removedEntries', { count: removedEntries, revision })}</p>}
      {diff.plan.length > 0 && <Group title={t('revision.plan')} count={diff.plan.length}><Cells cells={diff.plan} /></Group>}
      <Group title={t('revision.added', { count: diff.added.length })} count={diff.added.length}>
        <ul className="pi-diff-list pi-added">{diff.added.slice(0, MAX).map((it) => <li key={it.id}>{line(it)}</li>)}</ul>
      </Group>
      <Group title={t('revision.changed', { count: diff.changed.length })} count={diff.changed.length}>
        <ul className="pi-diff-list pi-changed">
          {diff.changed.slice(0, MAX).map((c) => <li key={c.id}>{line(c.after)}<Cells cells={c.cells} /></li>)}
        </ul>
      </Group>
      <Group title={t('revision.removed', { count: diff.removed.length })} count={diff.removed.length}>
        <ul className="pi-diff-list pi-removed">
          {diff.removed.slice(0, MAX).map((it) => (
            <li key={it.id}>{line(it)} {(entryCounts.get(it.id) ?? 0) > 0 && <span className="muted">{t('revision.entriesOf', { count: entryCounts.get(it.id) ?? 0 })}</span>}</li>
          ))}
        </ul>
      </Group>
    </div>
  );
}
