// The indicator's value with its computed percentage and verdict, and the project's disbursement
// against its budget. The figures come from shared/progress; this only shows them.
import type { PlanItem } from '../../../shared/model/plan';
import { formatMoneyVi } from '../../../shared/cells/money';
import { formatPercentVi } from '../../../shared/format/vi';
import { disbursement, judgeIndicator, readDisbursed, readIndicatorInput, readingPercent, targetOf, type FieldError } from '../../../shared/progress';
import { useT } from '../../i18n';
import { TextInput } from './fields';
import { fieldErrorText, OUTCOME_KEY } from './labels';

type Props = { id: string; item: PlanItem; value: string; error: FieldError | undefined; onChange: (v: string) => void };

export function IndicatorValueField({ id, item, value, error, onChange }: Props) {
  const t = useT();
  const target = targetOf(item);
  const reading = readIndicatorInput(value);
  const percent = readingPercent(reading, target);
  const outcome = reading.kind === 'empty' || reading.kind === 'invalid' ? null : judgeIndicator(reading, target);
  return (
    <div className="value-row">
      <TextInput id={id} label={t('progress.field.value')} value={value} onChange={onChange} className="grow"
        error={error ? fieldErrorText(t, error) : null} />
      <output className="value-out" htmlFor={id} aria-live="polite">
        {percent !== null && <span className="pct">{t('progress.value.percent', { percent: formatPercentVi(percent) })}</span>}
        {reading.kind === 'text' && <span className="muted">{t('progress.value.text')}</span>}
        {outcome && <span className={`verdict verdict-${outcome}`}>{t(OUTCOME_KEY[outcome])}</span>}
      </output>
    </div>
  );
}

export function DisbursedField({ id, item, value, error, onChange, year }: Props & { year: number }) {
  const t = useT();
  const read = readDisbursed(value);
  const d = disbursement(item, year, read.ok ? read.value : null);
  return (
    <div className="value-row">
      <TextInput id={id} label={t('progress.field.disbursed')} value={value} onChange={onChange} inputMode="decimal"
        error={error ? fieldErrorText(t, error) : null}
        hint={d.budgetTotal !== null ? t('progress.item.budget', { total: formatMoneyVi(d.budgetTotal) }) : undefined} />
      <output className="value-out" htmlFor={id}>
        {d.ofTotal !== null && <span>{t('progress.money.ofTotal', { percent: formatPercentVi(d.ofTotal) })}</span>}
        {d.ofYear !== null && <span>{t('progress.money.ofYear', { percent: formatPercentVi(d.ofYear), year })}</span>}
      </output>
    </div>
  );
}
