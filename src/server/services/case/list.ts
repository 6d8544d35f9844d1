/**
 * The window's and the department's lists: today's cases, my cases, or all within the actor's
 * scope, searched by case number, applicant name or ID number / USCC. Personal data is masked
 * (DESIGN §11); a running case's light is worked out for today, not read from the last write.
 */
import type { CaseList, CaseListItem, CaseListQuery } from '../../../contracts/case.js';
import { CaseListQuery as Query } from '../../../contracts/case.js';
import { type Light, trafficLight } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import { maskIdNumber, maskPhone } from '../../../domain/identity/index.js';
import { scopesFor } from '../../../domain/permissions.js';
import { type CaseListRow, listCaseRows } from '../../repositories/cases.js';
import { businessDate, loadCalendar } from '../calendar/load.js';
import type { Ctx } from '../context.js';
import { thresholdsCache } from '../settings/index.js';
import { requireCasePermission } from './access.js';

const RUNNING = new Set(['accepted', 'inReview']);

/** Errors: forbidden (no case:read anywhere). */
export async function listCases(ctx: Ctx, input: CaseListQuery): Promise<CaseList> {
  const actor = requireCasePermission(ctx, 'case:read');
  const q = Query.parse(input);
  const db = ctx.deps.db.kysely;
  const now = ctx.deps.clock.now();
  const grants = scopesFor(actor, 'case:read')
    .filter((g) => g.centerPath !== null)
    .map((g) => ({ centerPath: g.centerPath!, departmentId: g.departmentId }));
  const { rows, total } = await listCaseRows(db, ctx.deps.db.dialect, {
    grants,
    // "today" in the default zone (Asia/Shanghai); centers in other zones are a later concern
    intakeDate: q.view === 'today' ? businessDate(now) : undefined,
    createdBy: q.view === 'mine' ? actor.userId : undefined,
    q: q.q,
    status: q.status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const calendars = new Map<string, WorkCalendar>();
  const thresholds = thresholdsCache(db);
  const lightOf = async (r: CaseListRow): Promise<Light | null> => {
    if (!RUNNING.has(r.status) || !r.promised_due) return r.light as Light | null;
    let cal = calendars.get(r.center_path);
    if (!cal) calendars.set(r.center_path, (cal = await loadCalendar(db, r.center_path)));
    return trafficLight(cal, businessDate(now, r.time_zone), r.promised_due, r.statutory_due, await thresholds(r.center_path));
  };
  const items: CaseListItem[] = [];
  for (const r of rows) {
    items.push({
      id: r.id,
      caseNo: r.case_no,
      itemName: r.item_name,
      departmentId: r.department_id,
      applicantKind: r.applicant_kind as 'person' | 'enterprise',
      applicantName: r.applicant_name,
      applicantIdNumber: r.applicant_id_number ? maskIdNumber(r.applicant_id_number) : null,
      applicantUscc: r.applicant_uscc,
      applicantPhone: maskPhone(r.applicant_phone),
      status: r.status as CaseListItem['status'],
      outcome: r.outcome as CaseListItem['outcome'],
      intakeDate: r.intake_date,
      acceptedOn: r.accepted_on,
      promisedDue: r.promised_due,
      statutoryDue: r.statutory_due,
      light: await lightOf(r),
      greenChannel: r.green_channel === 1,
      version: r.version,
      createdAt: r.created_at,
    });
  }
  return { items, total };
}
