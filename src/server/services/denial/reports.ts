/**
 * The center's list of denial reports (否定报备, effects.ts) and their acknowledgement: the
 * supervision office, or the department's leader, marks a report as seen and checked.
 *
 * Who: reading is supervision:read over the report's center and department (supervisors their
 * center subtree, leaders their department); acknowledging is supervision:manage or
 * supervision:respond over it. Errors: forbidden, notFound, conflict (409: stale `version` or
 * already acknowledged).
 */
import type { AcknowledgeBody, DenialReportList, DenialReportQuery, DenialReportView } from '../../../contracts/case-flags.js';
import { AcknowledgeBody as AckSchema, DenialReportQuery as QuerySchema } from '../../../contracts/case-flags.js';
import { conflict, forbidden, notFound } from '../../../domain/errors.js';
import { can } from '../../../domain/permissions.js';
import { acknowledgeDenialReport, type DenialRow, findDenialReport, listDenialReports } from '../../repositories/case-flags.js';
import { recordAction } from '../audit/record.js';
import { today } from '../case/access.js';
import { type Ctx, inTx } from '../context.js';
import { readScope, requireStaff } from '../supervision/scope.js';

const view = (r: DenialRow): DenialReportView => ({
  id: r.id,
  caseId: r.case_id,
  caseNo: r.case_no,
  itemName: r.item_name,
  centerId: r.center_id,
  departmentId: r.department_id,
  departmentName: r.department_name,
  reasons: JSON.parse(r.reasons) as string[],
  deniedOn: r.denied_on,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedByName: r.acknowledged_by_name,
  createdAt: r.created_at,
  version: r.version,
});

export async function listDenials(ctx: Ctx, input: DenialReportQuery): Promise<DenialReportList> {
  const grants = readScope(ctx);
  const q = QuerySchema.parse(input);
  const acknowledged = q.acknowledged === undefined ? undefined : q.acknowledged === 'true';
  const r = await listDenialReports(ctx.deps.db.kysely, { grants, acknowledged, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map(view), total: r.total };
}

export async function acknowledgeDenial(ctx: Ctx, id: string, input: AcknowledgeBody): Promise<DenialReportView> {
  const actor = requireStaff(ctx);
  if (!can(actor, 'supervision:manage') && !can(actor, 'supervision:respond')) throw forbidden();
  const b = AckSchema.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const r = await findDenialReport(trx, id);
    if (!r) throw notFound('否定报备', 'Denial report');
    const over = { centerPath: r.center_path, departmentId: r.department_id };
    if (!can(actor, 'supervision:manage', over) && !can(actor, 'supervision:respond', over)) throw forbidden();
    const now = today(ctx, r.center_time_zone);
    if (r.version !== b.version || !(await acknowledgeDenialReport(trx, id, b.version, { acknowledged_by: actor.userId, acknowledged_at: now.at }))) {
      throw conflict('否定报备', 'The denial report');
    }
    await recordAction(trx, ctx, { entity: 'denialReport', entityId: id, action: 'acknowledge', payload: { caseId: r.case_id } });
    return view((await findDenialReport(trx, id))!);
  });
}
