// The worker where the host has module workers (every supported one), else the same steps here.
import type { VerifyBatch } from './importer';
import { verifyDirect } from '../../workers/verifyDirect';
import { verifyInWorker } from '../../workers/verifyClient';

export const verifyBatch: VerifyBatch = (files, trust, plan, events) =>
  (typeof Worker === 'function' ? verifyInWorker : verifyDirect)(files, trust, plan, events);
