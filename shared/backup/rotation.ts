// Which backups to delete: keep the newest `keepLast`, and the newest of every calendar month (so
// a year of monthly snapshots survives a burst of imports). Pure: main applies it to a folder,
// the browser to its snapshot store.
export type RotationPolicy = { keepLast: number; monthly: boolean };
export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 10, monthly: true };

export function backupsToDelete<T extends { name: string; createdAt: string }>(entries: readonly T[], policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const newestFirst = [...entries].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, Math.max(0, policy.keepLast)).map((e) => e.name));
  if (policy.monthly) {
    const months = new Set<string>();
    for (const e of newestFirst) {
      const month = e.createdAt.slice(0, 7);
      if (months.has(month)) continue;
      months.add(month);
      keep.add(e.name);
    }
  }
  return newestFirst.filter((e) => !keep.has(e.name)).map((e) => e.name);
}
