// The dispatch table of `planbook`. REGISTRATION POINT: a new command is a file
// commands/<name>.ts exporting a `Command` (see ../types.ts), added here with one import and one
// entry. merge, import-plan and report come from other engineers this way.
import type { Command } from '../types';
import { importPlanCommand } from './import-plan';
import { inspectCommand } from './inspect';
import { keygenCommand } from './keygen';
import { mergeCommand } from './merge';
import { reportCommand } from './report';
import { signCommand } from './sign';
import { trustCommand } from './trust';
import { verifyCommand } from './verify';

export const COMMANDS: readonly Command[] = [
  keygenCommand,
  signCommand,
  verifyCommand,
  trustCommand,
  inspectCommand,
  mergeCommand,
  reportCommand,
  importPlanCommand,
  // mergeCommand (commands/merge.ts), importPlanCommand, reportCommand: add here.
];
