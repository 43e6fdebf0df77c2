// Files dropped on the import panel: loose files as they are, and dropped folders walked like a
// picked folder (the .json files in it and its subfolders, MAX_FOLDER_DEPTH levels, named by their
// path from the dropped folder). The entries are taken while the drop event lasts; the browser
// empties its DataTransfer after the handler returns.
import { MAX_FOLDER_DEPTH, MAX_FOLDER_FILES, type PickedFile } from '../../../shared/platform/contract';

type Entry = FileSystemEntry;
const isFile = (e: Entry): e is FileSystemFileEntry => e.isFile;
const isDirectory = (e: Entry): e is FileSystemDirectoryEntry => e.isDirectory;

const fileOf = (e: FileSystemFileEntry) => new Promise<File>((resolve, reject) => e.file(resolve, reject));

/** Every entry of a folder: readEntries answers in batches until an empty one. */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<Entry[]> {
  const reader = dir.createReader();
  const all: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

export type DroppedEntry = { entry: Entry | null; file: File | null };

/** Call inside the drop handler: what was dropped, before the browser empties it. */
export function takeDropped(dt: DataTransfer): DroppedEntry[] {
  return [...dt.items].filter((i) => i.kind === 'file').map((i) => ({ entry: i.webkitGetAsEntry(), file: i.getAsFile() }));
}

export async function readDropped(dropped: readonly DroppedEntry[]): Promise<PickedFile[] | 'too-large'> {
  const found: { name: string; file: File }[] = [];
  const walk = async (dir: FileSystemDirectoryEntry, prefix: string, depth: number): Promise<void> => {
    for (const e of await childrenOf(dir)) {
      const name = `${prefix}/${e.name}`;
      if (isFile(e) && e.name.toLowerCase().endsWith('.json')) found.push({ name, file: await fileOf(e) });
      else if (isDirectory(e) && depth < MAX_FOLDER_DEPTH) await walk(e, name, depth + 1);
      if (found.length > MAX_FOLDER_FILES) return;
    }
  };
  for (const { entry, file } of dropped) {
    if (entry && isDirectory(entry)) await walk(entry, entry.name, 1);
    else if (file) found.push({ name: file.name, file });
    if (found.length > MAX_FOLDER_FILES) return 'too-large';
  }
  return Promise.all(found.map(async ({ name, file }) => ({ name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
