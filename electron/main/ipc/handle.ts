// One way to register a Platform channel: check the sender, parse every argument from `unknown`
// with a strict zod tuple (so a missing, extra or mistyped argument is refused), then run. A
// handler never throws to the renderer except where the contract has no failure shape (appInfo).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { isAppSender } from './sender';

export function handleChannel<A extends z.ZodTuple, R>(
  channel: string,
  args: A,
  rejected: () => R,
  run: (event: IpcMainInvokeEvent, parsed: z.output<A>) => Promise<R>,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...raw: unknown[]): Promise<R> => {
    if (!isAppSender(event)) return rejected();
    const parsed = args.safeParse(raw);
    if (!parsed.success) return rejected();
    return run(event, parsed.data);
  });
}
