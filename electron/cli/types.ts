// What a command is, for the dispatch table in commands/index.ts. A command parses nothing itself:
// main.ts hands it positionals and options already checked against its `options` declaration.

export type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

export type CommandContext = {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
  /** --json: exactly one JSON document on stdout, nothing else. */
  json: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
};

/** Exit codes (DESIGN.md, Command line: contract). */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type CommandResult = {
  exitCode: ExitCode;
  /** The one JSON document printed with --json. */
  json: unknown;
  /** The same document already serialised, `${JSON.stringify(json)}\n` byte for byte, when a command builds it faster (merge). */
  jsonBytes?: () => Uint8Array;
  /** What a person reads without --json. */
  text: string;
  /** Written to stdout as is, instead of `text`, when set (sign without --out prints the package). */
  raw?: Uint8Array;
};

export type Command = {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  run(ctx: CommandContext): Promise<CommandResult>;
};

/** Thrown for a usage error (exit 2): a missing argument, an unknown option, an unreadable input path. */
export class UsageError extends Error {}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.options[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UsageError(`--${name} takes one value`);
  return v;
}

export function requireOption(ctx: CommandContext, name: string): string {
  const v = stringOption(ctx, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}
