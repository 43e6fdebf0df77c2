// Rows as stored in IndexedDB. Plan rows carry the planId beside the core's own shapes.
import type { ItemId, PeriodKey, PlanId, UnitId } from '../../shared/model/ids';
import type { Plan, PlanItem, Section } from '../../shared/model/plan';
import type { DirectoryUnit, UnitGroup } from '../../shared/model/units';
import type { Entry, IndicatorValue, ProjectValue } from '../../shared/model/report';
import type { SubmissionHead } from '../../shared/consolidation/types';
import type { ReceivedFile } from '../../shared/receipts/intake';
import type { EntryDraft } from '../../shared/progress/draft';

export type Role = 'reporter' | 'consolidator' | 'both';

/** This installation's identity (one row, key 'self'). */
export type SelfRecord = { key: 'self'; unitId: UnitId; role: Role; setUpAt: string };
export type SettingRecord = { key: string; value: unknown };

export type PlanRecord = Plan & { importedAt: string; source: 'demo' | 'package' | 'transcribed' | 'xlsx' };
export type SectionRecord = Section & { planId: PlanId; order: number };
export type ItemRecord = PlanItem & { planId: PlanId; order: number; searchKey: string };
export type UnitRecord = DirectoryUnit & { searchKey: string };
export type GroupRecord = UnitGroup;

/**
 * One unit's entry for one item in one period (progress reporting). `draft` is what the officer
 * typed, exactly (an unreadable figure is kept to be corrected, never dropped); `entry`,
 * `indicator` and `project` are read from it by shared/progress at every save, as the report sends them.
 */
export type EntryRecord = {
  unitId: UnitId; planId: PlanId; period: PeriodKey; itemId: ItemId;
  draft: EntryDraft;
  entry: Entry;
  indicator: IndicatorValue | null;
  project: ProjectValue | null;
  /** False when carried forward from the previous period and not yet touched or confirmed. */
  confirmed: boolean;
  updatedAt: string;
  /** The plan revision that removed this entry's item: the entry is kept, marked, never deleted. */
  removedInRevision?: number;
};

/** The officer's review of one received package (carried back in a receipt). */
export type ReviewRecord = { state: 'approved' | 'returned'; comments: { itemId: ItemId; text: string }[]; at: string };

/**
 * Every package file received, kept raw with its verification outcome (the evidence of what
 * arrived). One row per distinct file (bytesHash): the same file twice is not stored twice.
 * `reason` is the file's own verdict (signature, trust, plan), which does not depend on other
 * files, so any import order leaves the same rows; how it stands against the others (superseded,
 * duplicate, conflict) is derived from `submissions` by the consolidation core.
 */
export type ReceivedPackageRecord = ReceivedFile & {
  id?: number;
  review: ReviewRecord | null;
  /** The officer chose another package of a conflict: this one stays as evidence and counts nowhere. */
  setAside: boolean;
};

/**
 * A received row without what is heavy: no bytes, and its submissions without their reports.
 * What the consolidation screens hold for thousands of rows; a panel that needs a report or the
 * bytes reads those rows whole (receivedRepo.byHashes).
 */
export type ReceivedHead = Omit<ReceivedPackageRecord, 'bytes' | 'submissions'> & { submissions: SubmissionHead[] };

/** Packages this unit exported, re-exportable as they were. */
export type ExportedPackageRecord = {
  id?: number;
  unitId: UnitId; planId: PlanId; period: PeriodKey; sequence: number;
  packageId: string; fileName: string; bytes: Uint8Array; exportedAt: string;
};

/**
 * One row per report (unit, plan, period): the highest sequence ever used, which only grows
 * (DESIGN.md), and the period's narrative (the report's opening text), which belongs to the
 * report as a whole rather than to an item.
 */
export type SequenceRecord = {
  unitId: UnitId; planId: PlanId; period: PeriodKey; last: number; narrative?: string; updatedAt?: string;
  /** False while a narrative carried from the last period is not re-confirmed; absent means confirmed. */
  narrativeConfirmed?: boolean;
};

export type TrustRecord = { unitId: UnitId; keyId: string; publicKey: string; validFrom: string | null; revokedAt: string | null; addedAt: string; source: string };

/** `prev`: the hash of the record before it (set by the auditChain middleware, docs/data-safety.md). */
export type AuditRecord = { id?: number; at: string; action: string; unitId: string | null; itemId: string | null; detail: unknown; prev?: string };
