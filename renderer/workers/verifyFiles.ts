// The worker's whole job, as a plain function (tests call it without a worker): verify each file
// with the platform's native Ed25519 verifier against the trust registry and the plan, one at a
// time, reporting before and after each file. Ordering, storing and judging are the caller's.
import { probeWebCryptoEd25519 } from '../../shared/crypto/webcrypto';
import { verifyPackage, type TrustRegistry, type VerifyResult } from '../../shared/packages';
import type { PlanScope, RawFile } from './protocol';

export type FileEvents = {
  started(index: number, name: string): void;
  verified(index: number, file: RawFile, result: VerifyResult): void;
  /** Optional: false stops the batch before the next file (cancel on the calling thread). */
  filter?(): boolean;
  /** Optional: awaited per file (the direct, same-thread runner stores each file here). */
  handle?(index: number, file: RawFile, result: VerifyResult): Promise<void>;
};

export async function verifyFiles(files: readonly RawFile[], trust: TrustRegistry, plan: PlanScope | null, events: FileEvents): Promise<void> {
  const native = await probeWebCryptoEd25519(); // null: the pure-JavaScript verifier alone
  for (const [index, file] of files.entries()) {
    if (events.filter && !events.filter()) return;
    events.started(index, file.name);
    const result = await verifyPackage(new Uint8Array(file.bytes), { native, trust, ...(plan ? { plan } : {}) });
    events.verified(index, file, result);
    if (events.handle) await events.handle(index, file, result);
  }
}
