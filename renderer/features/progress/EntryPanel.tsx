import { useMemo } from 'react';
import type { ItemId } from '../../../shared/model/ids';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { ItemNav, NARRATIVE } from './ItemNav';
import { ItemEditor } from './ItemEditor';
import { NarrativeEditor } from './NarrativeEditor';
import type { ReportModel } from './useReport';
import { scopeOf } from './autosave';
import { CoordinatingEntries } from './CoordinatingEntries';
import { useCoordinating } from './useCoordinating';
import { commentsOf } from '../../../shared/progress';

const focusFirstField = () => setTimeout(() => (document.getElementById('pf-status') ?? document.getElementById('pf-narrative'))?.focus(), 0);

export function EntryPanel({ model }: { model: ReportModel }) {
  const t = useT();
  const chosen = useUi((s) => s.progressItem);
  const select = useUi((s) => s.selectProgressItem);
  const ids = useMemo<ItemId[]>(() => [NARRATIVE, ...model.assigned.map((a) => a.item.id)], [model.assigned]);
  const selected = chosen && ids.includes(chosen) ? chosen : (ids[1] ?? NARRATIVE);
  const problemItems = useMemo(() => new Set(model.problems.filter((p) => p.severity === 'blocker').map((p) => p.itemId)), [model.problems]);
  const current = model.assigned.find((a) => a.item.id === selected);
  const coordinating = useCoordinating(model);
  const first = model.comments[0];
  // The answers went with the latest export when it is newer than the returned package and nothing changed since.
  const sentIn = first && model.lastExport && model.lastExport.sequence > first.returnedSequence && model.state.kind === 'exported' ? model.lastExport.sequence : null;

  const move = (delta: 1 | -1) => {
    const i = ids.indexOf(selected);
    const next = ids[Math.max(0, Math.min(ids.length - 1, i + delta))];
    if (next && next !== selected) { select(next); focusFirstField(); }
  };

  return (
    <div className="entry">
      <div className="entry-nav">
        <ItemNav scope={scopeOf(model.key)} items={model.assigned} sections={model.doc.sections} rowsById={model.rowsById} problemItems={problemItems}
          narrativeConfirmed={model.narrativeConfirmed}
          selected={selected} onSelect={select} onEnter={focusFirstField} />
        <p className="muted small nav-hint">{t('progress.list.hint')}</p>
      </div>
      <div className="entry-form">
        {selected === NARRATIVE || !current
          ? <NarrativeEditor key={JSON.stringify(model.key)} reportKey={model.key} stored={model.narrative} confirmed={model.narrativeConfirmed} />
          : <ItemEditor key={current.item.id} reportKey={model.key} item={current.item} role={current.role}
              row={model.rowsById.get(current.item.id)} onMove={move} comments={commentsOf(model.comments, current.item.id)} sentIn={sentIn} />}
        {current?.role === 'lead' && selected !== NARRATIVE && coordinating.byItem.has(current.item.id) && (
          <CoordinatingEntries entries={coordinating.byItem.get(current.item.id) ?? []} name={coordinating.name} />
        )}
      </div>
    </div>
  );
}
