/**
 * 上报跟踪 (DESIGN §4 "Forwarded"; "接办负责、跟踪落实"): a forwarded case waits for the higher
 * authority's answer by its due date (`decision.answerDue`). The decide move sets a `forwardDue`
 * timer for the day after it; if no answer is recorded by then, the case gets the anomaly
 * `forwardUnanswered` (异常办件, for the supervision office to follow up) and the department's
 * leaders and the center's supervisors are told. An answer in time makes the timer a no-op.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CaseAction, CaseState } from '../../../domain/case/index.js';
import type { Database, TimersTable } from '../../db/schema.js';
import { insertAnomalies } from '../../repositories/supervision-work.js';
import { recordAction } from '../audit/record.js';
import { lockedCase, timerCtx } from '../case/system-moves.js';
import type { Deps } from '../context.js';
import { notifyStaff, supervisionRecipients } from '../supervision/notify.js';
import type { TimerSpec } from './schedule.js';
import { startOfDayAfter } from './time.js';

/** The timer a forwarding sets, if the decision names its answer's due date. */
export function forwardDueTimer(caseId: string, timeZone: string, next: CaseState, action: CaseAction): TimerSpec | null {
  if (action.kind !== 'decide' || action.decision.outcome !== 'forwarded' || !next.forward?.answerDue) return null;
  const due = next.forward.answerDue;
  return { kind: 'forwardDue', caseId, dueAt: startOfDayAfter(due, timeZone), key: `forwardDue:${caseId}:${due}`, payload: { answerDue: due } };
}

export async function forwardDue(trx: Transaction<Database>, deps: Deps, t: TimersTable): Promise<void> {
  const c = await lockedCase(trx, deps, t.case_id!);
  const f = c.state.forward;
  const open = c.state.status === 'accepted' || c.state.status === 'inReview';
  if (!f || f.answer !== null || !open || !f.answerDue) return;
  const zh = `上报${f.authority}的办件已逾答复期限（${f.answerDue}）仍未答复，请跟踪落实`;
  const en = `Forwarded to ${f.authority}; no answer by its due date ${f.answerDue}: follow it up`;
  const id = randomUUID();
  const at = c.now.at;
  await insertAnomalies(trx, [{
    id, case_id: c.row.id, center_id: c.row.center_id, department_id: c.row.department_id, rule: 'forwardUnanswered', seq: c.state.version, message: zh, message_en: en,
    status: 'open', disposition: '', closed_by: null, closed_at: null, version: 1, created_at: at, updated_at: at,
  }]);
  const ctx = timerCtx(deps);
  await recordAction(trx, ctx, { entity: 'anomaly', entityId: id, action: 'found', payload: { caseId: c.row.id, caseNo: c.row.case_no, rule: 'forwardUnanswered', seq: c.state.version } });
  const staff = await supervisionRecipients(trx, { centerPath: c.row.center_path, departmentId: c.row.department_id, handlers: [] });
  await notifyStaff(trx, staff, { template: 'forwardUnanswered', title: `上报逾期未答复：${c.row.case_no}`, body: zh, caseId: c.row.id, at });
}
