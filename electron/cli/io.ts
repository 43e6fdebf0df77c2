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

/**
 * `${JSON.stringify(doc)}\n` as UTF-8, byte for byte, for plain data (no toJSON), built member by
 * member and, for the members named in `big`, array element by element. A merge of 3,321 wards
 * prints about 38 MB: one JSON.stringify made one string of twice that (two bytes a character as
 * soon as one Vietnamese letter is in it), flattened again for the newline and encoded in one go;
 * in pieces of about 64 K characters the encoding stays on small strings and the peak is one copy.
 */
export function jsonLineBytes(doc: Record<string, unknown>, big: ReadonlySet<string>): Buffer {
  const parts: Buffer[] = [];
  let text = '{';
  const flush = () => {
    parts.push(Buffer.from(text, 'utf8'));
    text = '';
  };
  let first = true;
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    const whole = big.has(key) && Array.isArray(value) ? null : (JSON.stringify(value) as string | undefined);
    if (whole === undefined) continue; // undefined, a function or a symbol: JSON.stringify leaves the member out
    text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (whole !== null) {
      text += whole;
      continue;
    }
    text += '[';
    (value as unknown[]).forEach((element, i) => {
      // In an array, what JSON.stringify cannot write is written null.
      text += `${i > 0 ? ',' : ''}${(JSON.stringify(element) as string | undefined) ?? 'null'}`;
      if (text.length >= 65_536) flush();
    });
    text += ']';
  }
  text += '}\n';
  flush();
  return Buffer.concat(parts);
}
