import { dueDate, formatDeadlineVi, parseDeadline, type Deadline } from '../../../shared/cells/deadline';
import { parseTarget, type Target } from '../../../shared/cells/target';
import { parseMoney } from '../../../shared/cells/money';
import { formatDateVi, formatNumberVi } from '../../../shared/format/vi';
import type { PeriodKey } from '../../../shared/model/ids';
import type { PlanItem } from '../../../shared/model/plan';
import { formatPeriodEn, parsePeriodKey } from '../../../shared/periods/keys';
import type { UnitsCell } from '../../../shared/units/cell';
import { useT, type Lang, type Translate } from '../../i18n';
import { useUi } from '../../state';

/**
 * The deadline PlanBook read, in the UI language: the plan's own words in Vietnamese
 * (`Quý II-III/2023`, `Hằng năm`), English periods otherwise (`Q2 2023 – Q3 2023`, `Every year`).
 * Dates keep the Vietnamese format in both languages, as everywhere in the app.
 */
export function deadlineLabel(t: Translate, lang: Lang, d: Deadline): string {
  if (lang === 'vi') return formatDeadlineVi(d);
  const period = (key: PeriodKey) => {
    const p = parsePeriodKey(key);
    return p ? formatPeriodEn(p) : key;
  };
  switch (d.kind) {
    case 'period': return period(d.period);
    case 'span': {
      const [a, b] = [parsePeriodKey(d.from), parsePeriodKey(d.to)];
      return a?.kind === 'year' && b?.kind === 'year' ? `${a.year}-${b.year}` : `${period(d.from)} – ${period(d.to)}`;
    }
    case 'recurring': return t(`parsed.every.${d.every}`);
    case 'ongoing': case 'date': case 'none': case 'text': return formatDeadlineVi(d);
  }
}

function describeDeadline(t: Translate, lang: Lang, d: Deadline): string {
  const due = dueDate(d);
  return t(`parsed.kind.${d.kind}`, { label: deadlineLabel(t, lang, d), due: due ? formatDateVi(due) : '' });
}

function describeTarget(t: Translate, target: Target): string {
  const fig = (n: number, unit: string) => (unit === 'percent' ? `${formatNumberVi(n, 4)}%` : formatNumberVi(n, 4));
  switch (target.kind) {
    case 'none': case 'text': return t(`parsed.target.${target.kind}`);
    case 'range': return t('parsed.target.range', { min: fig(target.min, target.unit), max: fig(target.max, target.unit) });
    case 'count': return t('parsed.target.count', { num: target.numerator, den: target.denominator });
    case 'value': {
      const q = target.qualifier ? t(`parsed.qualifier.${target.qualifier}`) : '';
      return t('parsed.target.value', { cmp: t(`parsed.cmp.${target.comparator}`), value: fig(target.value, target.unit) }) + q;
    }
  }
}

type Props = { item: PlanItem; lead: UnitsCell; coordinating: UnitsCell; names: (id: string) => string; byDefault: boolean };

/** What PlanBook understood of each cell, in words, beside the verbatim cells. */
export function ParsedCells({ item, lead, coordinating, names, byDefault }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const units = (cell: UnitsCell) =>
    cell.refs.length === 0 ? t('parsed.units.none')
      : cell.refs.map((r) => (r.kind === 'unit' ? names(r.unitId) : `${names(r.groupId)} (${t('parsed.units.group')})`)).join('; ');
  const rows: [string, string][] = [];
  rows.push([t('parsed.lead'), byDefault ? t('parsed.units.default') : units(lead)]);
  if (item.coordinating) rows.push([t('parsed.coordinating'), units(coordinating)]);
  if (item.kind !== 'indicator' || item.due) rows.push([t('parsed.deadline'), describeDeadline(t, lang, parseDeadline(item.due))]);
  if (item.kind === 'indicator') rows.push([t('parsed.target'), describeTarget(t, parseTarget(item.target))]);
  if (item.budgetTotal) {
    const m = parseMoney(item.budgetTotal);
    rows.push([t('parsed.budget'), m.kind === 'amount' ? t('parsed.money', { amount: formatNumberVi(m.millionVnd, 3) }) : m.verbatim]);
  }
  return (
    <dl className="cells parsed">
      {rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}
