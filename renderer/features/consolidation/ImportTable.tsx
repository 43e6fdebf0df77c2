import { memo, useMemo } from 'react';
import { sanitizeForDisplay } from '../../../shared/packages';
import { formatPeriodVi, parsePeriodKey } from '../../../shared/periods/keys';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import type { CurrentState } from '../../../shared/receipts';
import type { ChildLine, ImportLine } from './importer';
import { outcomeExplanation, outcomeLabel, toneOf } from './outcomeText';
import { useRotationMarks, type RotationMark } from '../keys/unprovenRotations';
import { WindowedBody, useWindowedRows } from './WindowedBody';

export const periodLabel = (key: string | null) => {
  const p = key ? parsePeriodKey(key) : null;
  return p ? formatPeriodVi(p) : (key ?? '—');
};

/** A stored file's state now (a file accepted earlier may since be superseded); the arrival outcome otherwise. */
export type StateOf = (line: ImportLine) => CurrentState;

/** A package inside a consolidated one: its own verdict (signature, key, plan), shown under its parent. */
const ChildRow = memo(function ChildRow({ child, parent, name }: { child: ChildLine; parent: string; name: (id: string) => string }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const state = child.reason as CurrentState;
  const unit = child.unitId ? sanitizeForDisplay(name(child.unitId)) : '—';
  return (
    <tr className="child" data-outcome={state} data-child-of={parent}>
      <td className="file"><span aria-hidden="true">↳ </span>{t('cons.import.inside', { file: sanitizeForDisplay(parent) })}</td>
      <td>{unit}</td>
      <td className="period">{periodLabel(child.period)}</td>
      <td className="num">{child.sequence ?? '—'}</td>
      <td><span className={`badge ${toneOf(state)}`}>{state === 'ok' ? t('cons.import.childOk') : outcomeLabel(t, state)}</span></td>
      <td>{state === 'ok' ? t('cons.import.childOkText') : outcomeExplanation(t, lang, state, unit)}</td>
    </tr>
  );
});

/** One file's line; redrawn only when its own state changes (a batch adds lines, it does not redraw the others). */
const LineRow = memo(function LineRow({ line: l, state, name, rotation }: { line: ImportLine; state: CurrentState; name: (id: string) => string; rotation: RotationMark | null }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const unit = l.unitId ? sanitizeForDisplay(name(l.unitId)) : t('cons.import.col.unit').toLowerCase();
  const children = l.children ?? [];
  return (
    <tr data-outcome={state}>
      <td className="file">{sanitizeForDisplay(l.fileName)}</td>
      <td>{l.unitId ? unit : '—'}</td>
      <td className="period">{periodLabel(l.period)}</td>
      <td className="num">{l.sequence ?? '—'}</td>
      <td><span className={`badge ${toneOf(state, rotation)}`}>{outcomeLabel(t, state, rotation)}</span></td>
      <td>
        {outcomeExplanation(t, lang, state, unit, rotation)}
        {children.length > 0 && <> {t('cons.import.children', { count: children.length, ok: children.filter((c) => c.reason === 'ok').length })}</>}
      </td>
    </tr>
  );
});

/** A row of the table: a file's line, or one package inside a consolidated file (under its line). */
type Shown = { key: string; line: ImportLine; child: ChildLine | null };

export function ImportTable({ lines, name, stateOf }: { lines: readonly ImportLine[]; name: (id: string) => string; stateOf: StateOf }) {
  const t = useT();
  const rows = useMemo(() => [...lines].sort((a, b) => a.index - b.index).flatMap((l): Shown[] => [
    { key: `${l.index}-${l.bytesHash}`, line: l, child: null },
    ...(l.children ?? []).map((c, i) => ({ key: `${l.index}-${l.bytesHash}-${i}`, line: l, child: c })),
  ]), [lines]);
  const rotations = useRotationMarks(lines); // rotations kept without the new key's signature: awaiting or refused
  const windowed = useWindowedRows(rows.length);
  if (lines.length === 0) return <p className="muted">{t('cons.import.noLines')}</p>;
  const draw = (r: Shown) => (r.child
    ? <ChildRow key={r.key} child={r.child} parent={r.line.fileName} name={name} />
    : <LineRow key={r.key} line={r.line} state={stateOf(r.line)} name={name} rotation={rotations.get(r.line.bytesHash) ?? null} />);
  return (
    <div className="table-wrap" ref={windowed.scroller} style={windowed.whole ? undefined : { maxHeight: '60vh', overflowY: 'auto' }}>
      <table className="grid" aria-label={t('cons.import.results')} aria-rowcount={windowed.whole ? undefined : rows.length + 1}>
        <thead>
          <tr>
            <th scope="col">{t('cons.import.col.file')}</th><th scope="col">{t('cons.import.col.unit')}</th>
            <th scope="col">{t('cons.import.col.period')}</th><th scope="col">{t('cons.import.col.sequence')}</th>
            <th scope="col">{t('cons.import.col.outcome')}</th><th scope="col">{t('cons.import.col.explain')}</th>
          </tr>
        </thead>
        <WindowedBody rows={rows} draw={draw} windowed={windowed} />
      </table>
    </div>
  );
}
