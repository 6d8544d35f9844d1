import type zh from '../zh-CN/audit';
import type { LocaleModule } from '../types';

export default {
  title: 'Audit log',
  entity: 'Entity',
  entityId: 'Entity ID',
  entityPlaceholder: 'e.g. item, center, user',
  entityIdPlaceholder: 'The entity’s ID',
  pos: 'No.',
  seq: 'Chain-No. in chain',
  at: 'Time',
  actor: 'Actor',
  role: 'Role',
  clientIp: 'IP address',
  action: 'Action',
  payload: 'Payload',
  hash: 'Hash',
  verify: 'Verify hash chain',
  verifying: 'Verifying…',
  verifyOk: 'Hash chains verified: {rows} records in {chains} chains, no tampering found.',
  verifyBroken: 'Hash chain {chain} breaks at record {seq}: {reason}',
  verifyRows: '{rows} records checked',
  showPayload: 'Show payload',
  loadFailed: 'Could not load the audit log',
  empty: 'No matching records',
  hint: 'Every change of state is recorded here; records are chained by hashes, so any deletion or edit is detected.',
} satisfies LocaleModule<typeof zh>;
