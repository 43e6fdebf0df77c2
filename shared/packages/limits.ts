// Size and shape limits (DESIGN.md, Packages: Limits). Configurable per call; the defaults are the contract.
import type { JsonValue } from './primitives';

export const MiB = 1024 * 1024;

export type Limits = {
  /** A package file over this is `too-large` (contract: 20 MiB)... */
  maxBytes: number;
  /** ...except a consolidated one: maxBytes per child plus maxBytes. Files over this ceiling are
   *  refused before parsing, whatever they claim to be (the host's own file limit). */
  maxConsolidatedBytes: number;
  /** Deeper nesting is `malformed` (contract: 64 levels; the outer object is level 1). */
  maxDepth: number;
  /** Longest array anywhere in a package: a 20 MiB file of `0,0,0...` must not cost a 10-million-issue schema report. */
  maxArrayLength: number;
};

export const DEFAULT_LIMITS: Limits = { maxBytes: 20 * MiB, maxConsolidatedBytes: 512 * MiB, maxDepth: 64, maxArrayLength: 100_000 };

export function limitsOf(partial: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...partial };
}

/** The first array longer than `max` anywhere in `value`, walked without recursion. */
export function arrayTooLong(value: JsonValue, max: number): boolean {
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      if (v.length > max) return true;
      for (const x of v) stack.push(x); // no spread: argument lists have engine limits
    } else if (typeof v === 'object' && v !== null) {
      for (const k of Object.keys(v)) stack.push(v[k]!);
    }
  }
  return false;
}
