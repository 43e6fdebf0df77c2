// How an outcome reads: a short label and the explanation with what to do. Reasons are worded
// by the core (reasonMessage); what to do is this screen's. A rotation kept without the new key's
// signature (its `RotationMark`, from keys/unprovenRotations.ts: useRotationMarks) verified `ok` but
// is not applied: it reads as awaiting the officer's fingerprint check until the new key is trusted,
// or as refused once the officer refused the new key (nothing left to do here but ask the unit).
import { reasonMessage, type Reason } from '../../../shared/packages';
import type { CurrentState } from '../../../shared/receipts';
import type { Lang, MessageKey, Translate } from '../../i18n';
import type { RotationMark } from '../keys/unprovenRotations';

const LABEL: Partial<Record<CurrentState, MessageKey>> = {
  ok: 'cons.outcome.ok', supersedes: 'cons.outcome.supersedes', superseded: 'cons.outcome.superseded', duplicate: 'cons.outcome.duplicate',
  stale: 'cons.outcome.stale', conflict: 'cons.outcome.conflict', 'set-aside': 'cons.outcome.set-aside',
};

const TODO: Record<CurrentState, MessageKey> = {
  ok: 'cons.do.ok', supersedes: 'cons.do.supersedes', superseded: 'cons.do.superseded', duplicate: 'cons.do.duplicate', stale: 'cons.do.stale',
  conflict: 'cons.do.conflict', 'set-aside': 'cons.do.set-aside', malformed: 'cons.do.malformed', 'too-large': 'cons.do.too-large',
  'unsupported-version': 'cons.do.unsupported-version', 'bad-signature': 'cons.do.bad-signature', 'unknown-key': 'cons.do.unknown-key',
  'revoked-key': 'cons.do.revoked-key', 'wrong-unit': 'cons.do.wrong-unit', 'wrong-plan': 'cons.do.wrong-plan', 'unknown-period': 'cons.do.unknown-period',
};

/** Accepted, or accepted earlier and still kept: nothing for the officer to do. */
export const isFine = (s: CurrentState) => s === 'ok' || s === 'supersedes' || s === 'superseded' || s === 'duplicate';

export type Tone = 'ok' | 'warn' | 'bad';
export const toneOf = (s: CurrentState, rotation: RotationMark | null = null): Tone => (rotation && s === 'ok' ? 'warn' : isFine(s) ? 'ok' : s === 'stale' || s === 'conflict' || s === 'set-aside' || s === 'unknown-key' ? 'warn' : 'bad');

export function outcomeLabel(t: Translate, s: CurrentState, rotation: RotationMark | null = null): string {
  if (rotation && s === 'ok') return t(rotation === 'awaiting' ? 'trust.outcome.rotationAwaits' : 'trust.outcome.rotationRefused');
  const key = LABEL[s];
  return key ? t(key) : `${t('cons.outcome.rejected')} (${s})`;
}

/** The explanation: the core's words for a refusal, then what to do, naming the unit. */
export function outcomeExplanation(t: Translate, lang: Lang, s: CurrentState, unit: string, rotation: RotationMark | null = null): string {
  if (rotation && s === 'ok') return t(rotation === 'awaiting' ? 'trust.do.rotationAwaits' : 'trust.do.rotationRefused', { unit });
  const todo = t(TODO[s], { unit });
  return LABEL[s] ? todo : `${reasonMessage(s as Reason, lang)} ${todo}`;
}
