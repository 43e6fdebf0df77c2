import { useMemo } from 'react';
import type { PlanItem, PlanRecordLike } from './types';
import { dataWindow, daysUntilDue, dueDate } from '../../../shared/periods/calendar';
import { parsePeriodKey } from '../../../shared/periods/keys';
import { formatDateVi } from '../../../shared/format/vi';
import { blockers, itemsDueIn, judgedOn, overdueItems } from '../../../shared/progress';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { STATE_KEY } from './labels';
import { ReceiptCard } from './ReceiptCard';
import { todayVn, type ReportModel } from './useReport';

function ItemLinks({ items, empty }: { items: PlanItem[]; empty: string }) {
  const t = useT();
  const focus = useUi((s) => s.focusProgressField);
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="home-items">
      {items.map((it) => (
        <li key={it.id}>
          <button type="button" className="link" aria-label={t('progress.home.open', { no: it.no })} onClick={() => focus(it.id, 'status')}>
            <span className="item-no">{it.no}</span> {it.content}
          </button>
          <span className="muted small"> · {it.due}</span>
        </li>
      ))}
    </ul>
  );
}

export function HomePanel({ model, plan, periodLabel }: { model: ReportModel; plan: PlanRecordLike | null; periodLabel: string }) {
  const t = useT();
  const setTab = useUi((s) => s.setProgressTab);
  const today = todayVn();
  const items = useMemo(() => model.assigned.map((a) => a.item), [model.assigned]);
  const schedule = useMemo(() => {
    const p = parsePeriodKey(model.key.period);
    if (!p || !plan) return null;
    return { window: dataWindow(plan.calendar, p), due: dueDate(plan.calendar, p), days: daysUntilDue(plan.calendar, p, today) };
  }, [model.key.period, plan, today]);
  // Judged at the period's cut-off (or today while it runs), not the wall clock: an old plan opened later stays readable.
  const asOf = schedule ? judgedOn(schedule.window, today) : today;
  const overdue = useMemo(() => overdueItems(items, model.rows, asOf), [items, model.rows, asOf]);
  const dueNow = useMemo(() => itemsDueIn(items, model.key.period), [items, model.key.period]);
  const counts = { task: 0, indicator: 0, project: 0 };
  for (const it of items) counts[it.kind]++;
  const filled = model.rows.filter((r) => r.draft.status !== null && model.rowsById.has(r.itemId)).length;
  const state = model.state;
  const stateText = state.kind === 'exported' || state.kind === 'changed'
    ? t(STATE_KEY[state.kind], { date: formatDateVi(state.exportedAt.slice(0, 10)), sequence: state.sequence })
    : t(STATE_KEY[state.kind]);
  const problems = blockers(model.problems).length;
  const days = schedule?.days ?? null;

  return (
    <div className="progress-home">
      <section className="card">
        {schedule && <p><strong>{t('progress.home.period', { period: periodLabel, from: formatDateVi(schedule.window.from), to: formatDateVi(schedule.window.to) })}</strong></p>}
        {schedule && (
          <p>
            {t('progress.home.due', { date: formatDateVi(schedule.due) })} ·{' '}
            <span className={days !== null && days < 0 ? 'error' : days !== null && days <= 3 ? 'warning' : ''}>
              {days === null ? '' : days > 0 ? t('progress.home.daysLeft', { days }) : days === 0 ? t('progress.home.dueToday') : t('progress.home.overdueDays', { days: -days })}
            </span>
          </p>
        )}
        <p>{t('progress.home.state')}: <strong className={`state-${state.kind}`}>{stateText}</strong></p>
        <p className="muted">{t('progress.home.counts', { items: items.length, tasks: counts.task, indicators: counts.indicator, projects: counts.project, filled })}</p>
        {problems > 0 && <p className="warning">{t('progress.home.problems', { count: problems })}</p>}
        <button type="button" className="primary" onClick={() => setTab('entry')}>{t('progress.home.start')}</button>
      </section>
      <ReceiptCard model={model} />
      <div className="home-lists">
        <section className="card" aria-labelledby="home-overdue">
          <h2 id="home-overdue">{t('progress.home.overdue')} ({overdue.length})</h2>
          <p className="muted small">{t('progress.home.asOf', { date: formatDateVi(asOf) })}</p>
          <ItemLinks items={overdue} empty={t('progress.home.noneOverdue')} />
        </section>
        <section className="card" aria-labelledby="home-due">
          <h2 id="home-due">{t('progress.home.dueNow')} ({dueNow.length})</h2>
          <ItemLinks items={dueNow} empty={t('progress.home.noneDue')} />
        </section>
      </div>
    </div>
  );
}
