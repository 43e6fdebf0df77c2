// File and passphrase input for the commands. A path that cannot be read is a usage error (exit 2);
// what is inside a readable file is judged by the core (exit 1 when rejected).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { UsageError, type CommandContext } from './types';

export function readInput(ctx: CommandContext, file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(resolve(ctx.cwd, file)));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** PLANBOOK_PASSPHRASE, or a prompt on the terminal (input not echoed). */
export async function passphrase(ctx: CommandContext, prompt: string): Promise<string> {
  const fromEnv = ctx.env.PLANBOOK_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError('no passphrase: set PLANBOOK_PASSPHRASE or run in a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  out._writeToOutput = () => undefined; // do not echo the passphrase
  try {
    return await new Promise<string>((done) => rl.question('', done));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
