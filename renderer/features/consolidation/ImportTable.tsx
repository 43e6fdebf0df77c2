import { sanitizeForDisplay } from '../../../shared/packages';
import { formatPeriodVi, parsePeriodKey } from '../../../shared/periods/keys';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import type { CurrentState } from '../../../shared/receipts';
import type { ChildLine, ImportLine } from './importer';
import { outcomeExplanation, outcomeLabel, toneOf } from './outcomeText';

export const periodLabel = (key: string | null) => {
  const p = key ? parsePeriodKey(key) : null;
  return p ? formatPeriodVi(p) : (key ?? '—');
};

/** A stored file's state now (a file accepted earlier may since be superseded); the arrival outcome otherwise. */
export type StateOf = (line: ImportLine) => CurrentState;

/** A package inside a consolidated one: its own verdict (signature, key, plan), shown under its parent. */
function ChildRow({ child, parent, name }: { child: ChildLine; parent: string; name: (id: string) => string }) {
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
}

export function ImportTable({ lines, name, stateOf }: { lines: readonly ImportLine[]; name: (id: string) => string; stateOf: StateOf }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  if (lines.length === 0) return <p className="muted">{t('cons.import.noLines')}</p>;
  return (
    <div className="table-wrap">
      <table className="grid" aria-label={t('cons.import.results')}>
        <thead>
          <tr>
            <th scope="col">{t('cons.import.col.file')}</th><th scope="col">{t('cons.import.col.unit')}</th>
            <th scope="col">{t('cons.import.col.period')}</th><th scope="col">{t('cons.import.col.sequence')}</th>
            <th scope="col">{t('cons.import.col.outcome')}</th><th scope="col">{t('cons.import.col.explain')}</th>
          </tr>
        </thead>
        <tbody>
          {[...lines].sort((a, b) => a.index - b.index).flatMap((l) => {
            const state = stateOf(l);
            const unit = l.unitId ? sanitizeForDisplay(name(l.unitId)) : t('cons.import.col.unit').toLowerCase();
            const children = l.children ?? [];
            return [
              <tr key={`${l.index}-${l.bytesHash}`} data-outcome={state}>
                <td className="file">{sanitizeForDisplay(l.fileName)}</td>
                <td>{l.unitId ? unit : '—'}</td>
                <td className="period">{periodLabel(l.period)}</td>
                <td className="num">{l.sequence ?? '—'}</td>
                <td><span className={`badge ${toneOf(state)}`}>{outcomeLabel(t, state)}</span></td>
                <td>
                  {outcomeExplanation(t, lang, state, unit)}
                  {children.length > 0 && <> {t('cons.import.children', { count: children.length, ok: children.filter((c) => c.reason === 'ok').length })}</>}
                </td>
              </tr>,
              ...children.map((c, i) => <ChildRow key={`${l.index}-${l.bytesHash}-${i}`} child={c} parent={l.fileName} name={name} />),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
