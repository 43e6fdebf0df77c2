// The picture a sent consolidated package carries, read back from its summary (a package this
// unit exported itself, stored raw): tolerant of fields it does not know, null when the summary is
// not one this app writes.
import { z } from 'zod';
import { ENTRY_STATUSES, type EntryStatus } from '../model/report';
import type { ItemId, UnitId } from '../model/ids';
import type { SentPicture } from './changes';

const count = z.number().int().nonnegative();
const byStatus = z.looseObject(Object.fromEntries(ENTRY_STATUSES.map((s) => [s, count.default(0)])) as Record<EntryStatus, z.ZodDefault<typeof count>>);
const summarySchema = z.looseObject({
  counted: z.array(z.looseObject({ unitId: z.string().min(1), packageId: z.string().min(1), sequence: z.number().int() })),
  items: z.array(z.looseObject({
    itemId: z.string().min(1), byStatus,
    rollup: z.looseObject({ kind: z.string(), value: z.number().nullable().optional(), disbursedMillionVnd: z.number().optional() }).nullable(),
  })),
});

export function sentPictureOf(summary: unknown): SentPicture | null {
  const r = summarySchema.safeParse(summary);
  if (!r.success) return null;
  return {
    counted: r.data.counted.map((c) => ({ unitId: c.unitId as UnitId, packageId: c.packageId, sequence: c.sequence })),
    items: r.data.items.map((i) => ({ itemId: i.itemId as ItemId, byStatus: i.byStatus as Record<EntryStatus, number>, rollup: i.rollup })),
  };
}
