// Why a write failed, in words for the officer. IndexedDB reports a full disk or quota as
// QuotaExceededError, which Dexie may wrap (AbortError with `inner`).
import type { MessageKey } from '../../i18n';

export type WriteErrorKind = 'quota' | 'read-only' | 'other';

export function writeErrorKind(e: unknown): WriteErrorKind {
  for (let x: unknown = e, depth = 0; x && depth < 5; depth++) {
    const { name, inner } = x as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return 'quota';
    if (name === 'ReadOnlyError') return 'read-only';
    x = inner;
  }
  return 'other';
}

const MESSAGES: Record<WriteErrorKind, MessageKey> = { quota: 'backup.error.quota', 'read-only': 'dbstate.readOnlyWrite', other: 'backup.error.write' };
export const writeErrorMessage = (e: unknown): MessageKey => MESSAGES[writeErrorKind(e)];
