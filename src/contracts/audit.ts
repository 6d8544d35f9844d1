import { z } from 'zod';
import { PageQuery, listOf } from './common.js';

export const AuditQuery = PageQuery.extend({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
});

export const AuditEntry = z.object({
  /** the row's place in the log, in the order appended */
  pos: z.number().int(),
  /** the hash chain the row is in, and its number in that chain */
  chain: z.number().int(),
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  role: z.string(),
  clientIp: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  payload: z.unknown(),
  hash: z.string(),
});
export const AuditList = listOf(AuditEntry);

export const AuditVerifyReply = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  chains: z.number().int(),
  brokenAt: z.object({ chain: z.number().int(), seq: z.number().int(), reason: z.string() }).optional(),
});
