// Message keys for the core's codes: one exhaustive map each, so a new code fails to compile here.
import type { EntryStatus } from '../../../shared/model/report';
import type { ItemKind } from '../../../shared/model/plan';
import type { ChangedField, FieldError, ProblemKind, ReportState } from '../../../shared/progress';
import type { TargetOutcome } from '../../../shared/cells/target';
import type { MessageKey, Translate } from '../../i18n';

export const STATUS_KEY: Record<EntryStatus, MessageKey> = {
  'not-started': 'progress.status.not-started', 'in-progress': 'progress.status.in-progress', done: 'progress.status.done',
  'done-late': 'progress.status.done-late', 'carried-over': 'progress.status.carried-over', dropped: 'progress.status.dropped',
};

export const KIND_KEY: Record<ItemKind, MessageKey> = { task: 'progress.kind.task', indicator: 'progress.kind.indicator', project: 'progress.kind.project' };

export const PROBLEM_KEY: Record<ProblemKind, MessageKey> = {
  'no-status': 'progress.problem.no-status', 'no-value': 'progress.problem.no-value', 'invalid-input': 'progress.problem.invalid-input',
  unconfirmed: 'progress.problem.unconfirmed', unanswered: 'progress.problem.unanswered', 'done-without-date': 'progress.problem.done-without-date', 'done-under-100': 'progress.problem.done-under-100',
};

export const OUTCOME_KEY: Record<TargetOutcome, MessageKey> = { met: 'progress.value.met', 'not-met': 'progress.value.not-met', unknown: 'progress.value.unknown' };

export const STATE_KEY: Record<ReportState['kind'], MessageKey> = {
  'not-started': 'progress.home.state.not-started', draft: 'progress.home.state.draft',
  exported: 'progress.home.state.exported', changed: 'progress.home.state.changed',
};

export const FIELD_KEY: Record<ChangedField, MessageKey> = {
  status: 'progress.field.status', percent: 'progress.field.short.percent', result: 'progress.field.short.result',
  difficulties: 'progress.field.short.difficulties', proposals: 'progress.field.short.proposals', evidence: 'progress.field.short.evidence',
  completedOn: 'progress.field.short.completedOn', value: 'progress.field.short.value', disbursed: 'progress.field.short.disbursed',
};

/** The message shown on a field that cannot be read: dates and money get their own wording. */
export function fieldErrorText(t: Translate, e: FieldError): string {
  const input = e.input.trim();
  if (e.field === 'completedOn' || e.field.startsWith('evidence.')) return t('progress.error.date', { input });
  if (e.field === 'disbursed') return t('progress.error.money', { input });
  if (e.reason === 'invalid') return t(e.field === 'percent' ? 'progress.error.percent' : 'progress.error.value', { input });
  const key: Record<FieldError['reason'], MessageKey> = {
    empty: 'progress.error.empty', invalid: 'progress.error.invalid', 'not-integer': 'progress.error.not-integer',
    negative: 'progress.error.negative', 'zero-denominator': 'progress.error.zero-denominator', 'out-of-range': 'progress.error.out-of-range',
  };
  return t(key[e.reason], { input });
}
