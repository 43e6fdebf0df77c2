// `planbook`: argument parsing and dispatch (DESIGN.md, Command line: contract). Every command
// takes --json (exactly one JSON document on stdout, nothing else) and exits 0 on success, 1 when
// an input is rejected, 2 on usage errors. Commands live in commands/<name>.ts, listed in
// commands/index.ts. main.ts only runs it (run.ts can be imported by tests without side effects).
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands';
import { EXIT, UsageError, type Command, type CommandContext, type CommandResult, type ExitCode } from './types';

function usageText(): string {
  return ['planbook <command> [options] [--json]', '', ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`)].join('\n');
}

function parse(command: Command, argv: string[]): CommandContext {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  return { positionals, options: values, json: values.json === true, env: process.env, cwd: process.cwd() };
}

export async function runCli(argv: string[]): Promise<{ exitCode: ExitCode; stdout: Uint8Array | string; stderr: string }> {
  const wantsJson = argv.includes('--json');
  const usage = (message: string) => ({
    exitCode: EXIT.usage,
    stdout: wantsJson ? `${JSON.stringify({ error: 'usage', message })}\n` : '',
    stderr: `planbook: ${message}\n\n${usageText()}\n`,
  });
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    return name === undefined ? usage('no command given') : { exitCode: EXIT.ok, stdout: `${usageText()}\n`, stderr: '' };
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usage(`unknown command ${name}`);
  let result: CommandResult;
  try {
    const ctx = parse(command, rest);
    if (ctx.options.help === true) return { exitCode: EXIT.ok, stdout: `${command.usage}\n`, stderr: '' };
    result = await command.run(ctx);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) return usage(e.message);
    throw e;
  }
  if (wantsJson) return { exitCode: result.exitCode, stdout: result.jsonBytes ? result.jsonBytes() : `${JSON.stringify(result.json)}\n`, stderr: '' };
  if (result.raw) return { exitCode: result.exitCode, stdout: result.raw, stderr: '' };
  return { exitCode: result.exitCode, stdout: `${result.text}\n`, stderr: '' };
}

