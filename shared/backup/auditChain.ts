// The local audit log as a hash chain: every record carries `prev`, the hash of the record before
// it, so an edited or deleted line in the middle of the history shows. (Lines cut off the end
// show only against the marker's count: a chain cannot prove its own length.)
import { sha256b64 } from '../crypto/hash';
import { canonicalize } from '../crypto/jcs';
import { utf8Encode } from '../crypto/text';
import { encodeValue } from './values';

export const GENESIS = 'genesis';

export type ChainedRecord = { id?: number; prev?: string };

/** The hash a record hands to the next one: SHA-256 of its canonical JSON (id and prev included). */
export function auditHash(record: unknown): string {
  const enc = encodeValue(record);
  const canon = enc.ok ? canonicalize(enc.value) : null;
  return `sha256:${sha256b64(utf8Encode(canon?.ok ? canon.text : `unencodable:${String((record as ChainedRecord | null)?.id)}`))}`;
}

export type ChainResult =
  | { ok: true; chained: number; unchained: number }
  | { ok: false; at: number | null; index: number; problem: 'mismatch' | 'unchained-after-chain' };

/**
 * Checks records in id order. Records written before the chain existed carry no `prev`; they may
 * only come first. Every chained record must name the hash of the one before it (or GENESIS).
 */
export function checkAuditChain(records: readonly ChainedRecord[]): ChainResult {
  let chained = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as ChainedRecord;
    if (r.prev === undefined) {
      if (chained > 0) return { ok: false, at: r.id ?? null, index: i, problem: 'unchained-after-chain' };
      continue;
    }
    const expected = i === 0 ? GENESIS : auditHash(records[i - 1]);
    if (r.prev !== expected) return { ok: false, at: r.id ?? null, index: i, problem: 'mismatch' };
    chained++;
  }
  return { ok: true, chained, unchained: records.length - chained };
}
