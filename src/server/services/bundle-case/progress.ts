/**
 * Public progress of a bundle run (一件事办件查询): the run number and its query code show where
 * the run stands — the bundle, the stages, each child case's item, department, status, light
 * and deadline — never who applied, the form or anyone's opinion. As for a case (case/progress.ts),
 * a wrong code is answered exactly like an unknown number (same error; the code compared in
 * constant time after the lookup either way), and the route is rate-limited.
 */
import { timingSafeEqual } from 'node:crypto';
import type { BundleProgressQuery, PublicBundleProgress } from '../../../contracts/bundle-case.js';
import type { BundleRunStatus } from '../../../domain/bundle/run.js';
import { AppError } from '../../../domain/errors.js';
import { findBundleRunByNo, listRunCases } from '../../repositories/bundle-runs.js';
import type { Deps } from '../context.js';
import { runStages } from './view.js';

const unknown = () => new AppError('notFound', '未找到该一件事办件：请核对办件编号和查询码', 'No bundle run found: check the number and query code');

export async function publicBundleProgress(deps: Deps, q: BundleProgressQuery): Promise<PublicBundleProgress> {
  const db = deps.db.kysely;
  const row = await findBundleRunByNo(db, q.runNo.trim().toUpperCase());
  const given = Buffer.from(q.code.trim().toUpperCase().padEnd(16).slice(0, 16));
  const real = Buffer.from((row?.verification_code ?? '').padEnd(16).slice(0, 16));
  // a code with non-ASCII characters is longer in bytes: answered like a wrong one (timingSafeEqual throws on unequal lengths)
  if (given.length !== real.length || !timingSafeEqual(given, real) || !row) throw unknown();
  const stages = runStages(row, await listRunCases(db, row.id), new Map(), []);
  return {
    runNo: row.run_no,
    bundleName: row.bundle_name,
    centerName: row.center_name,
    status: row.status as BundleRunStatus,
    stage: row.stage,
    acceptedOn: row.accepted_on,
    promisedDue: row.promised_due,
    endedOn: row.ended_on,
    stages: stages.map((s) => ({
      name: s.name,
      status: s.status,
      cases: s.cases.map(({ caseNo, itemName, departmentName, status, outcome, light, promisedDue }) => ({ caseNo, itemName, departmentName, status, outcome, light, promisedDue })),
    })),
  };
}
