/**
 * What the officer typed for one item in one period, exactly as typed. The stored report values
 * (shared/model/report.ts) are read from this by `readDraft`; the text itself is kept so that a
 * value the app cannot read yet (`98,2x`) is shown back on the field with its message and never
 * silently dropped, and so that a reload shows the field as it was left.
 */
import type { ItemId } from '../model/ids';
import { ENTRY_STATUSES, type EntryStatus } from '../model/report';
import { reviveAnswers, type AnswerDraft } from './answers';

/** The report's narrative (opening text) where an item id is expected: in the item list, in problems. */
export const NARRATIVE_ITEM = '#narrative' as ItemId;

export type EvidenceDraft = { ref: string; date: string; note: string };

export type EntryDraft = {
  status: EntryStatus | null;
  /** Percent done, as typed (`75`, `87,5`). */
  percent: string;
  result: string;
  difficulties: string;
  proposals: string;
  evidence: EvidenceDraft[];
  /** dd/mm/yyyy as typed. */
  completedOn: string;
  /** Indicators: `23.391/23.802 hồ sơ`, `98,27%`, `17`, or words. */
  value: string;
  /** Projects: money disbursed, million VND, as typed (`1.250`, `1.250,5`). */
  disbursed: string;
  /**
   * Answers to the comments of a returned report (shared/progress/answers.ts). Optional so that
   * drafts built elsewhere stay valid; `emptyDraft` and `reviveDraft` always set it.
   */
  answers?: AnswerDraft[];
};

export type DraftField = keyof EntryDraft;
export type DraftPatch = Partial<EntryDraft>;
export const TEXT_FIELDS = ['result', 'difficulties', 'proposals'] as const;

/** One unit's row for one item in one period, without its storage keys. */
export type ProgressRow = { itemId: ItemId; draft: EntryDraft; confirmed: boolean };

export const emptyDraft = (): EntryDraft => ({
  status: null, percent: '', result: '', difficulties: '', proposals: '', evidence: [], completedOn: '', value: '', disbursed: '', answers: [],
});

export const emptyEvidence = (): EvidenceDraft => ({ ref: '', date: '', note: '' });

export function isEntryStatus(s: unknown): s is EntryStatus {
  return typeof s === 'string' && (ENTRY_STATUSES as readonly string[]).includes(s);
}

/** A patch applied to a draft; the evidence and answer lists are replaced whole (rows are small). */
export function applyPatch(draft: EntryDraft, patch: DraftPatch): EntryDraft {
  return {
    ...draft, ...patch, evidence: (patch.evidence ?? draft.evidence).map((e) => ({ ...e })),
    answers: (patch.answers ?? draft.answers ?? []).map((a) => ({ ...a })),
  };
}

const sameEvidence = (a: readonly EvidenceDraft[], b: readonly EvidenceDraft[]) =>
  a.length === b.length && a.every((e, i) => e.ref === b[i]?.ref && e.date === b[i]?.date && e.note === b[i]?.note);

/** The fields a patch would really change, each with its value before: for the audit log and undo. */
export function changedFields(draft: EntryDraft, patch: DraftPatch): { before: DraftPatch; after: DraftPatch } | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as DraftField[]) {
    const next = patch[key];
    if (next === undefined) continue;
    const prev = draft[key];
    const same = key === 'evidence' ? sameEvidence(prev as EvidenceDraft[], next as EvidenceDraft[])
      : key === 'answers' ? JSON.stringify(prev ?? []) === JSON.stringify(next)
        : prev === next;
    if (same) continue;
    before[key] = key === 'answers' ? prev ?? [] : prev;
    after[key] = next;
  }
  return Object.keys(after).length === 0 ? null : { before: before as DraftPatch, after: after as DraftPatch };
}

/** True when nothing was typed and no status chosen. */
export function isBlank(d: EntryDraft): boolean {
  return d.status === null && d.percent === '' && d.result === '' && d.difficulties === '' && d.proposals === ''
    && d.evidence.length === 0 && d.completedOn === '' && d.value === '' && d.disbursed === '' && (d.answers ?? []).every((a) => a.answer === '');
}

/**
 * Reads a stored draft from `unknown` (an older row, a restored backup): every field is checked,
 * anything missing or mistyped becomes its empty value rather than a crash.
 */
export function reviveDraft(raw: unknown): EntryDraft {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const evidence = Array.isArray(r.evidence)
    ? r.evidence.map((e: unknown) => {
      const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
      return { ref: str(o.ref), date: str(o.date), note: str(o.note) };
    })
    : [];
  return {
    status: isEntryStatus(r.status) ? r.status : null,
    percent: str(r.percent), result: str(r.result), difficulties: str(r.difficulties), proposals: str(r.proposals),
    evidence, completedOn: str(r.completedOn), value: str(r.value), disbursed: str(r.disbursed), answers: reviveAnswers(r.answers),
  };
}
