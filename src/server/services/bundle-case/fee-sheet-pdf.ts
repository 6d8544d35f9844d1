/** The run's fee sheet as a PDF (一件事收费单), for staff who read the run. Errors: forbidden, notFound. */
import { renderFeeSheet } from '../../documents/bundle-fee-sheet.js';
import { listRunCases } from '../../repositories/bundle-runs.js';
import { businessDate } from '../calendar/load.js';
import type { NoticePdf } from '../case/notices.js';
import type { Ctx } from '../context.js';
import { getRunRow, requireRunPermission, runActorFor, runScopeOf } from './access.js';
import { feeSheet } from './fees.js';

export async function feeSheetPdf(ctx: Ctx, id: string): Promise<NoticePdf> {
  const actor = requireRunPermission(ctx, 'case:read');
  const db = ctx.deps.db.kysely;
  const row = await getRunRow(db, id);
  runActorFor(actor, runScopeOf(row), 'case:read');
  const sheet = await feeSheet(db, await listRunCases(db, row.id));
  const bytes = await renderFeeSheet({
    runNo: row.run_no,
    bundleName: row.bundle_name,
    centerName: row.center_name,
    applicantName: row.applicant_name,
    date: businessDate(ctx.deps.clock.now(), row.time_zone),
    ...sheet,
  });
  return { fileName: `一件事收费单-${row.run_no}.pdf`, bytes };
}
