import { describe, expect, it, vi } from 'vitest';
import { batchedEvents, type ImportLine } from '../../../renderer/features/consolidation/importer';

const line = (index: number, outcome: ImportLine['outcome'] = 'ok'): ImportLine => ({
  index, fileName: `f${index}.json`, bytesHash: `h${index}`, outcome, kind: 'report', unitId: 'p1', period: '2024-05', sequence: 1, keyId: 'k', detail: '',
});

describe('import events held back for the screen', () => {
  it('hands lines on in arrival order and only the latest progress, once per interval', () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const ev = batchedEvents({
        onProgress: (done, total) => calls.push(`progress ${done}/${total}`),
        onLine: (l) => calls.push(`line ${l.index}`),
        onRecheck: (l) => calls.push(`recheck ${l.index} ${l.outcome}`),
      }, 250);
      for (let i = 0; i < 100; i++) { ev.onLine(line(i)); ev.onProgress(i + 1, 100, null); }
      ev.onRecheck(line(3, 'supersedes'));
      expect(calls).toEqual([]);
      vi.advanceTimersByTime(249);
      expect(calls).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(calls).toHaveLength(102);
      expect(calls.slice(0, 3)).toEqual(['line 0', 'line 1', 'line 2']);
      expect(calls.slice(-2)).toEqual(['recheck 3 supersedes', 'progress 100/100']);
      vi.advanceTimersByTime(1000);
      expect(calls).toHaveLength(102); // nothing new, nothing handed on again
    } finally {
      vi.useRealTimers();
    }
  });

  it('flush hands on what is held at once, so the end of a batch shows every line', () => {
    const lines: number[] = [];
    let progress = -1;
    const ev = batchedEvents({ onProgress: (done) => { progress = done; }, onLine: (l) => lines.push(l.index) }, 60_000);
    ev.onLine(line(0));
    ev.onLine(line(1));
    ev.onProgress(2, 5, null);
    ev.onRecheck(line(0, 'ok')); // no onRecheck given: dropped, not an error
    ev.flush();
    expect(lines).toEqual([0, 1]);
    expect(progress).toBe(2);
    ev.flush();
    expect(lines).toEqual([0, 1]);
  });
});
