// Dropped folders are walked like a picked folder: .json files only, MAX_FOLDER_DEPTH levels,
// named by their path from the dropped folder; loose files are kept as they are. The browser
// answers readEntries in batches until an empty one: the fakes below do too.
import { describe, expect, it } from 'vitest';
import { readDropped, type DroppedEntry } from '../../../renderer/features/consolidation/dropped';

type Fake = { name: string; isFile: boolean; isDirectory: boolean };
const file = (name: string, text = name): Fake & { file(ok: (f: File) => void): void } =>
  ({ name, isFile: true, isDirectory: false, file: (ok) => ok(new File([text], name)) });
const dir = (name: string, children: Fake[]): Fake & { createReader(): { readEntries(ok: (e: Fake[]) => void): void } } => ({
  name, isFile: false, isDirectory: true,
  createReader: () => {
    const batches = [children.slice(0, 2), children.slice(2)].filter((b) => b.length > 0);
    return { readEntries: (ok) => ok(batches.shift() ?? []) };
  },
});
const asDropped = (entry: Fake | null, loose: File | null = null) => ({ entry, file: loose }) as unknown as DroppedEntry;

describe('readDropped', () => {
  it('walks dropped folders in batches and keeps loose files', async () => {
    const inbox = dir('nhan-goi', [
      file('p1.json', '1'), file('ghi-chu.txt'), dir('phuong-7', [file('P7.JSON', '7'), dir('a', [dir('b', [dir('c', [file('too-deep.json')])])])]),
      file('p2.json', '2'),
    ]);
    const out = await readDropped([asDropped(inbox), asDropped(null, new File(['x'], 'loose.json'))]);
    expect(out === 'too-large' ? out : out.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['nhan-goi/p1.json', '1'], ['nhan-goi/phuong-7/P7.JSON', '7'], ['nhan-goi/p2.json', '2'], ['loose.json', 'x'],
    ]);
  });
});
