// The key channels: the renderer names a unit and gets public info or a signature; the private
// key stays in main (keys.ts). Each call is refused for a foreign sender or a malformed argument.
import { z } from 'zod';
import { CHANNEL, type KeyResult, type SignResult } from '../../../shared/platform/contract';
import type { KeyStore } from '../keys';
import { handleChannel } from './handle';
import { bytes, unitId } from './schemas';

export function registerKeys(store: KeyStore): void {
  const rejectedKey = (): KeyResult => ({ ok: false, reason: 'rejected' });
  handleChannel(CHANNEL.ensureUnitKey, z.tuple([unitId]), rejectedKey, (_e, [id]) => store.ensure(id));
  handleChannel(CHANNEL.getUnitKey, z.tuple([unitId]), rejectedKey, (_e, [id]) => store.get(id));
  handleChannel(CHANNEL.sign, z.tuple([unitId, bytes.refine((b) => b.byteLength > 0)]),
    (): SignResult => ({ ok: false, reason: 'rejected' }), (_e, [id, data]) => store.sign(id, data));
}
