import { countRows, iterateChain, listHeads } from '../../repositories/action-log.js';
import type { Deps } from '../context.js';
import { hashRow } from './record.js';

export interface VerifyResult {
  ok: boolean;
  /** rows read (every chain up to a break) */
  rows: number;
  /** the chains walked */
  chains: number;
  /** the first row whose hash or link does not match */
  brokenAt?: { chain: number; seq: number; reason: string };
}

const GENESIS = '0'.repeat(64);

/**
 * Walks every chain from its first row to its head (audit/record.ts: the log is several chains);
 * names the first broken row. Rows that belong to no chain's head count as a break too.
 */
export async function verifyAuditChain(deps: Deps): Promise<VerifyResult> {
  const db = deps.db.kysely;
  const heads = await listHeads(db);
  let rows = 0;
  const broken = (chain: number, seq: number, reason: string): VerifyResult => ({ ok: false, rows, chains: heads.length, brokenAt: { chain, seq, reason } });
  for (const head of heads) {
    let prev = GENESIS;
    let expectedSeq = 1;
    for await (const r of iterateChain(db, head.chain)) {
      rows++;
      if (r.seq !== expectedSeq) return broken(head.chain, r.seq, `missing row ${expectedSeq}`);
      if (r.prev_hash !== prev) return broken(head.chain, r.seq, 'prev_hash does not match the previous row');
      const { hash, chain: _chain, pos: _pos, ...rest } = r;
      if (hashRow(rest) !== hash) return broken(head.chain, r.seq, 'row content does not match its hash');
      prev = hash;
      expectedSeq++;
    }
    if (head.seq !== expectedSeq - 1 || head.hash !== prev) {
      return broken(head.chain, head.seq, 'rows after the last one were removed (head mismatch)');
    }
  }
  const total = await countRows(db);
  if (total !== rows) return broken(-1, 0, `${total - rows} rows belong to no chain`);
  return { ok: true, rows, chains: heads.length };
}
