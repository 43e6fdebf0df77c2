// The one-file backup: a header that says what it holds, every table's rows, and a SHA-256
// checksum over the RFC 8785 canonical form of everything but the checksum itself. The file is
// written in that canonical form too, so a backup is byte-for-byte reproducible from its content.
import { z } from 'zod';
import { sha256b64 } from '../crypto/hash';
import { canonicalize, type JsonValue } from '../crypto/jcs';
import { utf8DecodeStrict, utf8Encode } from '../crypto/text';
import { isJsonObject, parseStrictJsonText } from '../packages/json';
import { decodeValue, encodeValue } from './values';
import { marksOf, type SequenceMark } from './sequences';

export const BACKUP_FORMAT = 'planbook/backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Rows nest deeper than packages do (a received package keeps its verified submissions). */
const MAX_DEPTH = 200;

export const BACKUP_REASONS = ['manual', 'daily', 'before-import', 'before-plan', 'before-restore', 'before-migration'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export type BackupHeader = {
  app: string;
  createdAt: string;
  /** The Dexie version of the database the rows come from. */
  dbVersion: number;
  unitId: string | null;
  reason: BackupReason;
  counts: Record<string, number>;
  /** Highest sequence used or exported per (unit, plan, period), from `sequences` and `exported`. */
  sequences: SequenceMark[];
};
export type BackupTables = Record<string, readonly unknown[]>;
export type Backup = { header: BackupHeader; tables: Record<string, unknown[]>; checksum: string };

export type BuildResult = { ok: true; bytes: Uint8Array; header: BackupHeader } | { ok: false; reason: 'unsupported-value'; detail: string };

export type ParseFailure =
  | 'empty' | 'truncated' | 'malformed' | 'not-a-backup' | 'newer-format' | 'no-checksum' | 'checksum'
  | 'invalid-header' | 'counts-mismatch' | 'newer-db' | 'unknown-table' | 'bad-row';
export type ParseResult = { ok: true; backup: Backup } | { ok: false; reason: ParseFailure; detail: string };

/** What the reading app knows: its own database version and, optionally, its table names. */
export type Known = { dbVersion: number; tables?: readonly string[] };

const mark = z.strictObject({ unitId: z.string().min(1), planId: z.string().min(1), period: z.string().min(1), last: z.number().int().positive() });
const headerSchema = z.strictObject({
  app: z.string().max(200),
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T/u),
  dbVersion: z.number().int().positive(),
  unitId: z.string().min(1).max(200).nullable(),
  reason: z.enum(BACKUP_REASONS),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  sequences: z.array(mark),
}) satisfies z.ZodType<BackupHeader>;

const checksumOf = (text: string) => `sha256:${sha256b64(utf8Encode(text))}`;

/** Builds the file. Fails only when a row holds something JSON cannot carry (named by its path). */
export function buildBackup(input: { header: Omit<BackupHeader, 'counts' | 'sequences'>; tables: BackupTables }): BuildResult {
  const tables: Record<string, JsonValue> = {};
  const counts: Record<string, number> = {};
  for (const [name, rows] of Object.entries(input.tables)) {
    const enc = encodeValue(rows, name);
    if (!enc.ok) return { ok: false, reason: 'unsupported-value', detail: `${enc.path}: ${enc.what}` };
    tables[name] = enc.value;
    counts[name] = rows.length;
  }
  const header: BackupHeader = { ...input.header, counts, sequences: marksOf(input.tables.sequences ?? [], input.tables.exported ?? []) };
  const body = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, header, tables };
  const canon = canonicalize(body);
  if (!canon.ok) return { ok: false, reason: 'unsupported-value', detail: canon.error };
  const file = canonicalize({ ...body, checksum: checksumOf(canon.text) });
  if (!file.ok) return { ok: false, reason: 'unsupported-value', detail: file.error };
  return { ok: true, bytes: utf8Encode(file.text), header };
}

/** A cut in the middle of a multi-byte character: the bytes decode once the last 1-3 are dropped. */
function decode(bytes: Uint8Array): { text: string } | { cut: boolean } {
  const text = utf8DecodeStrict(bytes);
  if (text !== null) return { text };
  for (let drop = 1; drop <= 3 && drop < bytes.length; drop++) {
    if (utf8DecodeStrict(bytes.subarray(0, bytes.length - drop)) !== null) return { cut: true };
  }
  return { cut: false };
}

const fail = (reason: ParseFailure, detail: string): ParseResult => ({ ok: false, reason, detail });

/** Reads a backup file, refusing anything it cannot vouch for; never throws. */
export function parseBackup(bytes: Uint8Array, known: Known): ParseResult {
  if (bytes.length === 0) return fail('empty', 'no bytes');
  const decoded = decode(bytes);
  if (!('text' in decoded)) return decoded.cut ? fail('truncated', 'ends inside a character') : fail('malformed', 'not UTF-8');
  const parsed = parseStrictJsonText(decoded.text, MAX_DEPTH);
  if (!parsed.ok) {
    // The parser stops at the end of the text only when the text ends too soon.
    return parsed.at >= decoded.text.trimEnd().length ? fail('truncated', parsed.error) : fail('malformed', `${parsed.error} at ${parsed.at}`);
  }
  const doc = parsed.value;
  if (!isJsonObject(doc) || doc.format !== BACKUP_FORMAT) return fail('not-a-backup', 'format is not planbook/backup');
  if (typeof doc.formatVersion !== 'number') return fail('invalid-header', 'formatVersion');
  if (doc.formatVersion > BACKUP_FORMAT_VERSION) return fail('newer-format', `formatVersion ${doc.formatVersion}`);
  if (doc.formatVersion !== BACKUP_FORMAT_VERSION) return fail('invalid-header', `formatVersion ${doc.formatVersion}`);
  const { checksum, ...body } = doc;
  if (typeof checksum !== 'string') return fail('no-checksum', 'no checksum');
  const canon = canonicalize(body);
  if (!canon.ok || checksumOf(canon.text) !== checksum) return fail('checksum', 'the content does not match its checksum');

  const header = headerSchema.safeParse(body.header);
  if (!header.success) return fail('invalid-header', header.error.issues[0]?.path.join('.') ?? '');
  if (header.data.dbVersion > known.dbVersion) return fail('newer-db', `database version ${header.data.dbVersion} > ${known.dbVersion}`);
  if (!isJsonObject(body.tables)) return fail('invalid-header', 'tables');
  const tables: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(body.tables)) {
    if (known.tables && !known.tables.includes(name)) return fail('unknown-table', name);
    if (!Array.isArray(rows) || !rows.every(isJsonObject)) return fail('bad-row', name);
    if (header.data.counts[name] !== rows.length) return fail('counts-mismatch', `${name}: ${rows.length} rows, header says ${header.data.counts[name] ?? 'none'}`);
    const dec = decodeValue(rows, name);
    if (!dec.ok) return fail('bad-row', dec.path);
    tables[name] = dec.value as unknown[];
  }
  if (Object.keys(header.data.counts).some((name) => !(name in tables))) return fail('counts-mismatch', 'a counted table is missing');
  return { ok: true, backup: { header: header.data, tables, checksum } };
}
