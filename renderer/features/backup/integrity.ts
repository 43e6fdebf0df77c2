// The full integrity check (Settings, on demand): schema version, counts against the marker, every
// stored package verified again, and the audit hash chain. Rows are read page by page and verified
// outside any transaction (verifying awaits WebCrypto).
import { checkAuditChain, judgeStart, type ChainResult, type Marker, type StartWarning } from '../../../shared/backup';
import { sha256b64 } from '../../../shared/crypto/hash';
import { verifyPackage, type VerifyContext } from '../../../shared/packages';
import type { Table } from 'dexie';
import { CURRENT_VERSION, type PlanBookDb } from '../../db/database';
import { readFacts } from './snapshot';

export type PackageProblem = { table: 'received' | 'exported'; id: number; fileName: string; problem: 'bytes-changed' | 'now-fails' | 'header-mismatch'; reason?: string };
export type IntegrityReport = {
  version: { found: number; known: number };
  warnings: StartWarning[];
  received: number;
  exported: number;
  packages: PackageProblem[];
  audit: ChainResult & { count: number };
};

/** Reasons a package earns from its bytes alone (not from trust, plan or other packages). */
const INTRINSIC = new Set(['malformed', 'too-large', 'unsupported-version', 'bad-signature']);
const PAGE = 50;

async function* pages<T extends { id?: number }>(table: Table<T, number | undefined>) {
  let after = 0;
  for (;;) {
    const rows = await table.where(':id').above(after).limit(PAGE).toArray();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export async function fullCheck(db: PlanBookDb, marker: Marker | null, ctx: VerifyContext = {}, onProgress?: (done: number, total: number) => void): Promise<IntegrityReport> {
  const facts = await readFacts(db);
  const start = judgeStart(marker, facts);
  const warnings = start.kind === 'ok' ? start.warnings : [];
  const total = (facts.counts.received ?? 0) + (facts.counts.exported ?? 0);
  let done = 0;
  const packages: PackageProblem[] = [];
  for await (const rows of pages(db.received)) {
    for (const r of rows) {
      if (sha256b64(r.bytes) !== r.bytesHash) packages.push({ table: 'received', id: r.id ?? 0, fileName: r.fileName, problem: 'bytes-changed' });
      else {
        const v = await verifyPackage(r.bytes, ctx);
        if (INTRINSIC.has(v.reason) && v.reason !== r.reason) packages.push({ table: 'received', id: r.id ?? 0, fileName: r.fileName, problem: 'now-fails', reason: v.reason });
      }
      onProgress?.(++done, total);
    }
  }
  for await (const rows of pages(db.exported)) {
    for (const r of rows) {
      const v = await verifyPackage(r.bytes, ctx);
      if (v.reason !== 'ok') packages.push({ table: 'exported', id: r.id ?? 0, fileName: r.fileName, problem: 'now-fails', reason: v.reason });
      else if (v.header?.sequence !== r.sequence || v.header?.packageId !== r.packageId) packages.push({ table: 'exported', id: r.id ?? 0, fileName: r.fileName, problem: 'header-mismatch' });
      onProgress?.(++done, total);
    }
  }
  const audit = await db.audit.orderBy(':id').toArray();
  return {
    version: { found: db.verno, known: CURRENT_VERSION }, warnings,
    received: facts.counts.received ?? 0, exported: facts.counts.exported ?? 0, packages,
    audit: { ...checkAuditChain(audit), count: audit.length },
  };
}

export const problemCount = (r: IntegrityReport) =>
  (r.version.found === r.version.known ? 0 : 1) + r.warnings.length + r.packages.length + (r.audit.ok ? 0 : 1);
