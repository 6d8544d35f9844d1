/**
 * 否定报备 (DESIGN §4 "Work items"): a denial (不予许可) of an investment-project item is reported
 * automatically, in the denying move's transaction, to the department's liaison (an SMS to the
 * liaison's phone) and to the center (an in-app message to the department's leaders and the
 * supervisors of the center and the centers above it), and kept as a report the center
 * acknowledges (reports.ts). One report per case.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CaseAction } from '../../../domain/case/index.js';
import type { Database } from '../../db/schema.js';
import { insertDenialReport } from '../../repositories/case-flags.js';
import { insertOutbox } from '../../repositories/notifications.js';
import { recordAction } from '../audit/record.js';
import { caseItemVersion } from '../case/caches.js';
import type { Ctx } from '../context.js';
import { notifyStaff, supervisionRecipients } from '../supervision/notify.js';

const MOBILE = /^1[3-9]\d{9}$/;

function deniedReasons(action: CaseAction): readonly string[] | null {
  if (action.kind !== 'decide' && action.kind !== 'concludeImmediately') return null;
  return action.decision.outcome === 'denied' ? action.decision.reasons : null;
}

export async function denialEffects(trx: Transaction<Database>, ctx: Ctx, caseId: string, action: CaseAction): Promise<void> {
  const reasons = deniedReasons(action);
  if (!reasons) return;
  const row = await trx
    .selectFrom('cases')
    .innerJoin('centers', 'centers.id', 'cases.center_id')
    .innerJoin('departments', 'departments.id', 'cases.department_id')
    .select(['cases.item_version_id', 'cases.case_no', 'cases.center_id', 'cases.department_id', 'centers.path as center_path', 'departments.name as department_name', 'departments.liaison_name', 'departments.liaison_phone'])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const v = await caseItemVersion(trx, row.item_version_id);
  if (!v.data.investmentProject) return;
  const id = randomUUID();
  const inserted = await insertDenialReport(trx, {
    id, case_id: caseId, center_id: row.center_id, department_id: row.department_id, case_no: row.case_no, item_name: v.name,
    reasons: JSON.stringify(reasons), denied_on: action.date, acknowledged_by: null, acknowledged_at: null, version: 1, created_at: action.at,
  });
  if (!inserted) return;
  const title = `否定报备：${v.name}`;
  const body = `${row.department_name}对投资项目办件 ${row.case_no}（${v.name}）作出不予许可决定，理由：${reasons.join('；')}。请及时核查。`;
  const staff = await supervisionRecipients(trx, { centerPath: row.center_path, departmentId: row.department_id, handlers: [] });
  await notifyStaff(trx, staff, { template: 'denialReport', title, body, caseId, at: action.at });
  if (MOBILE.test(row.liaison_phone)) {
    await insertOutbox(trx, [{
      id: randomUUID(), channel: 'sms', template: 'denialReport', case_id: caseId, recipient: row.liaison_phone, recipient_user_id: null,
      payload: JSON.stringify({ title, body: `${row.liaison_name}：${body}` }), status: 'pending', attempts: 0, next_attempt_at: action.at,
      last_error: null, provider: null, created_at: action.at, sent_at: null,
    }]);
  }
  await recordAction(trx, ctx, { entity: 'denialReport', entityId: id, action: 'report', payload: { caseId, caseNo: row.case_no, recipients: staff.length, liaisonSms: MOBILE.test(row.liaison_phone) } });
}
