// The row of `planbook verify` (DESIGN.md, Command line: contract) and the shared way to verify a
// file in the command line: node:crypto as the native verifier, TRUST.json when given.
import { parseTrustFile, verifyPackage, type Reason, type TrustRegistry, type VerifyResult } from '../../shared/packages';
import { readInput } from './io';
import { nodeEd25519 } from './nodeEd25519';
import { UsageError, type CommandContext } from './types';

export type ChildRow = { unitId: string | null; reason: Reason; kind: string | null; period: string | null; sequence: number | null; keyId: string | null };
export type VerifyRow = {
  file: string; reason: Reason; kind: string | null; unitId: string | null; planId: string | null;
  period: string | null; sequence: number | null; keyId: string | null; children?: ChildRow[];
};

export function rowOf(file: string, r: VerifyResult): VerifyRow {
  const row: VerifyRow = {
    file, reason: r.reason, kind: r.kind, unitId: r.header?.unitId ?? null, planId: r.header?.planId ?? null,
    period: r.header?.period ?? null, sequence: r.header?.sequence ?? null, keyId: r.keyId,
  };
  if (r.kind === 'consolidated' && r.children) {
    row.children = r.children.map((c) => ({
      unitId: c.header?.unitId ?? null, reason: c.reason, kind: c.kind, period: c.header?.period ?? null,
      sequence: c.header?.sequence ?? null, keyId: c.keyId,
    }));
  }
  return row;
}

export function loadTrust(ctx: CommandContext, file: string | undefined): TrustRegistry | undefined {
  if (file === undefined) return undefined;
  const parsed = parseTrustFile(readInput(ctx, file));
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error}`);
  return parsed.registry;
}

export function verifyBytes(bytes: Uint8Array, trust: TrustRegistry | undefined): Promise<VerifyResult> {
  return verifyPackage(bytes, { native: nodeEd25519, ...(trust ? { trust } : {}) });
}
