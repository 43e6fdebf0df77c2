import { useEffect, useMemo, type KeyboardEvent } from 'react';
import type { PlanItem } from '../../../shared/model/plan';
import type { Role } from '../../../shared/units/assignment';
import { parsePeriodKey } from '../../../shared/periods/keys';
import { applyPatch, emptyDraft, readDraft, type DraftPatch, type OpenComment, type ProgressRow } from '../../../shared/progress';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { pendingKey } from '../../state/progressUi';
import { autosaverFor, scopeOf } from './autosave';
import { progressRepo, type ReportKey } from './progressRepo';
import { StatusSelect, TextArea, TextInput } from './fields';
import { EvidenceRows } from './EvidenceRows';
import { DisbursedField, IndicatorValueField } from './ValueFields';
import { fieldErrorText, KIND_KEY } from './labels';
import { ReturnedComments } from './ReturnedComments';

type Props = {
  reportKey: ReportKey; item: PlanItem; role: Role | null; row: ProgressRow | undefined; onMove: (delta: 1 | -1) => void;
  /** Open comments of a returned report on this item, and the package their answers went in (if any). */
  comments?: readonly OpenComment[]; sentIn?: number | null;
};

/** `evidence.2.date` → `ev2-date`, `answer.1` → `answer-1`: the field's element id after `pf-`. */
const fieldElement = (field: string) => (field.startsWith('evidence.') ? `ev${field.split('.')[1]}-date` : field.replace('.', '-'));

export function ItemEditor({ reportKey, item, role, row, onMove, comments = [], sentIn = null }: Props) {
  const t = useT();
  const db = useDb();
  const saver = autosaverFor(db);
  const pending = useUi((s) => s.pending[pendingKey(scopeOf(reportKey), item.id)]);
  const focus = useUi((s) => s.progressFocus);
  const stored = row?.draft ?? emptyDraft();
  const draft = useMemo(() => applyPatch(stored, pending ?? {}), [stored, pending]);
  // Messages come from what is stored (after the autosave pause), not from every keystroke.
  const errors = useMemo(() => readDraft(item, stored).errors, [item, stored]);
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const change = (patch: DraftPatch) => saver.change(reportKey, item, patch);
  const id = (f: string) => `pf-${f}`;
  const year = parsePeriodKey(reportKey.period)?.year ?? new Date().getFullYear();

  useEffect(() => {
    if (!focus || focus.itemId !== item.id) return;
    const el = document.getElementById(id(fieldElement(focus.field))) ?? document.getElementById(id('status'));
    el?.focus();
  }, [focus, item.id]);

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && target.tagName !== 'SELECT') {
      e.preventDefault();
      onMove(e.key === 'ArrowDown' ? 1 : -1);
    } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      onMove(e.shiftKey ? -1 : 1);
    }
  };

  const percentError = errorOf('percent');
  const dateError = errorOf('completedOn');
  return (
    <form className="item-editor" aria-labelledby="editor-title" onKeyDown={onKeyDown} onSubmit={(e) => e.preventDefault()}>
      <header className="editor-head">
        <h2 id="editor-title"><span className="item-no">{item.no}</span> {item.content}</h2>
        <p className="muted small">
          {t(KIND_KEY[item.kind])}{role ? ` · ${t(role === 'lead' ? 'progress.role.lead' : 'progress.role.coordinating')}` : ''}
          {item.due ? ` · ${t('progress.item.due', { due: item.due })}` : ''}
          {item.target ? ` · ${t('progress.item.target', { target: item.target })}` : ''}
        </p>
        {row && !row.confirmed && (
          <p className="unconfirmed-note" role="note">
            {t('progress.item.unconfirmed')}{' '}
            <button type="button" onClick={() => void progressRepo.confirm(db, reportKey, [item.id])}>{t('progress.item.confirm')}</button>
          </p>
        )}
      </header>
      <ReturnedComments comments={comments} draft={draft} sentIn={sentIn} onChange={(answers) => change({ answers })} />
      <div className="editor-grid">
        <StatusSelect id={id('status')} value={draft.status} onChange={(status) => change({ status })} />
        <TextInput id={id('percent')} label={t('progress.field.percent')} value={draft.percent} inputMode="decimal"
          onChange={(percent) => change({ percent })} error={percentError ? fieldErrorText(t, percentError) : null} />
        <TextInput id={id('completedOn')} label={t('progress.field.completedOn')} value={draft.completedOn} placeholder={t('progress.field.datePlaceholder')}
          onChange={(completedOn) => change({ completedOn })} error={dateError ? fieldErrorText(t, dateError) : null} />
      </div>
      {item.kind === 'indicator' && (
        <IndicatorValueField id={id('value')} item={item} value={draft.value} error={errorOf('value')} onChange={(value) => change({ value })} />
      )}
      {item.kind === 'project' && (
        <DisbursedField id={id('disbursed')} item={item} value={draft.disbursed} error={errorOf('disbursed')} year={year} onChange={(disbursed) => change({ disbursed })} />
      )}
      <TextArea id={id('result')} label={t('progress.field.result')} value={draft.result} rows={3} onChange={(result) => change({ result })} />
      <div className="editor-pair">
        <TextArea id={id('difficulties')} label={t('progress.field.difficulties')} value={draft.difficulties} onChange={(difficulties) => change({ difficulties })} />
        <TextArea id={id('proposals')} label={t('progress.field.proposals')} value={draft.proposals} onChange={(proposals) => change({ proposals })} />
      </div>
      <EvidenceRows idPrefix="pf" rows={draft.evidence} errors={errors} onChange={(evidence) => change({ evidence })} />
      <footer className="editor-foot">
        <button type="button" onClick={() => onMove(-1)}>{t('progress.item.prev')}</button>
        <button type="button" onClick={() => onMove(1)}>{t('progress.item.next')}</button>
      </footer>
    </form>
  );
}
