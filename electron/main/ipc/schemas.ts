// Shared zod pieces for the IPC arguments (strict: unknown keys are refused, not stripped).
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../../../shared/platform/contract';

/**
 * C0 controls, DEL and bidirectional overrides: never part of a name shown to a user, and the
 * classic way to disguise one (`report\u202Efdp.exe` displays as `reportexe.pdf`).
 */
const hasControl = (s: string) => [...s].some((c) => {
  const n = c.charCodeAt(0);
  return n < 0x20 || n === 0x7f || (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069);
});

/** A file name the user will see in the save dialog: no path, no characters Windows forbids. */
export const fileName = z.string().min(1).max(200)
  .regex(/^[^\\/:*?"<>|]+$/u)
  .refine((s) => !hasControl(s) && s.trim() !== '' && s !== '.' && s !== '..' && !s.endsWith('.') && !s.endsWith(' '));

export const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES);

/** Unit ids are data (resources/units); main only needs them bounded and printable. */
export const unitId = z.string().min(1).max(200).refine((s) => !hasControl(s));
