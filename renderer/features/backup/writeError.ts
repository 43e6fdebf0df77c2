// Why a write failed, in words for the officer. IndexedDB reports a full disk or quota as
// QuotaExceededError, which Dexie may wrap (AbortError with `inner`).
import type { MessageKey } from '../../i18n';

export type WriteErrorKind = 'quota' | 'other';

export function writeErrorKind(e: unknown): WriteErrorKind {
  for (let x: unknown = e, depth = 0; x && depth < 5; depth++) {
    const { name, inner } = x as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return 'quota';
    x = inner;
  }
  return 'other';
}

export const writeErrorMessage = (e: unknown): MessageKey => (writeErrorKind(e) === 'quota' ? 'backup.error.quota' : 'backup.error.write');
