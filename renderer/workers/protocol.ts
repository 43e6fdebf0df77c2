// Messages between the import screen and the verification worker. The bytes travel as transferred
// ArrayBuffers (no copy), to the worker and back with each file's result.
import type { TrustRegistry, VerifyResult } from '../../shared/packages';

export type RawFile = { name: string; bytes: ArrayBuffer };
export type PlanScope = { id: string; periods: readonly string[] };

export type ToWorker =
  | { id: number; type: 'verify'; files: RawFile[]; trust: TrustRegistry; plan: PlanScope | null }
  /** The screen has stored the file at `index`: the worker may verify up to AHEAD files beyond it. */
  | { id: number; type: 'stored'; index: number };

/**
 * Files the worker verifies ahead of those the screen has stored. The worker verifies several
 * times faster than the screen stores; unchecked, thousands of results (each a parsed package)
 * waited on the screen's thread, and the garbage collection of that heap held it for half a second.
 */
export const AHEAD = 16;

export type FromWorker = { id: number } & (
  | { type: 'started'; index: number; name: string; total: number }
  | { type: 'file'; index: number; name: string; bytes: ArrayBuffer; result: VerifyResult }
  | { type: 'done'; total: number }
  | { type: 'crashed'; message: string }
);

/** The buffers of a batch, to transfer instead of copying. */
export const transferablesOf = (files: readonly RawFile[]): ArrayBuffer[] => files.map((f) => f.bytes);

/** An ArrayBuffer holding exactly these bytes (a Uint8Array may view part of a larger buffer). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}
