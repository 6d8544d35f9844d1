import { verifyAuditChain } from '../../server/services/audit/verify.js';
import { configOrExit, withDeps } from '../runtime.js';

export async function verifyAudit(): Promise<number> {
  const config = configOrExit();
  const r = await withDeps(config, (deps) => verifyAuditChain(deps), { migrate: false });
  if (r.ok) {
    console.log(`操作日志哈希链完整 / action log chains OK: ${r.rows} rows in ${r.chains} chains`);
    return 0;
  }
  console.error(
    `操作日志被篡改 / action log chain BROKEN at chain ${r.brokenAt!.chain} row #${r.brokenAt!.seq}: ${r.brokenAt!.reason} (${r.rows} rows read)`,
  );
  return 1;
}
