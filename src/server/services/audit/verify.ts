import { iterateActions } from '../../repositories/action-log.js';
import type { Deps } from '../context.js';
import { hashRow } from './record.js';

export interface VerifyResult {
  ok: boolean;
  rows: number;
  /** the first row whose hash or link does not match */
  brokenAt?: { seq: number; reason: string };
}

/** Walks the whole chain; names the first broken row. */
export async function verifyAuditChain(deps: Deps): Promise<VerifyResult> {
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  let rows = 0;
  for await (const r of iterateActions(deps.db.kysely)) {
    rows++;
    if (r.seq !== expectedSeq) return { ok: false, rows, brokenAt: { seq: r.seq, reason: `missing row ${expectedSeq}` } };
    if (r.prev_hash !== prev) return { ok: false, rows, brokenAt: { seq: r.seq, reason: 'prev_hash does not match the previous row' } };
    const { hash, ...rest } = r;
    if (hashRow(rest) !== hash) return { ok: false, rows, brokenAt: { seq: r.seq, reason: 'row content does not match its hash' } };
    prev = hash;
    expectedSeq++;
  }
  const head = await deps.db.kysely.selectFrom('action_log_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.seq !== rows || head.hash !== prev) {
    return { ok: false, rows, brokenAt: { seq: head.seq, reason: 'rows after the last one were removed (head mismatch)' } };
  }
  return { ok: true, rows };
}
