// Files handed to the app from outside the window (args.ts filters the paths). They wait here
// until the renderer pulls them: main sends only a payload-free notice, so file contents travel
// only through a checked invoke, and files that arrive before the page has loaded are not lost.
import type { WebContents } from 'electron';
import { z } from 'zod';
import { CHANNEL, type PickedFile } from '../../../shared/platform/contract';
import { readPickedFiles } from '../files';
import { handleChannel } from './handle';

let queue: PickedFile[] = [];

/** Reads the accepted paths and tells the window, if there is one, that files are waiting. */
export async function queueOpenedPaths(paths: readonly string[], notify: WebContents | null): Promise<void> {
  if (paths.length === 0) return;
  const read = await readPickedFiles(paths);
  if (!read.ok) return; // unreadable or too large: nothing is half-delivered
  queue = [...queue, ...read.files];
  notify?.send(CHANNEL.filesOpened);
}

export function registerOpenedFiles(): void {
  handleChannel(CHANNEL.takeOpenedFiles, z.tuple([]), (): PickedFile[] => [], async () => {
    const files = queue;
    queue = [];
    return files;
  });
}
