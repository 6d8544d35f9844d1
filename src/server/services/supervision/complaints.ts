/**
 * Supervisors handle a complaint (投诉, DESIGN §5): accept → investigate (notes, may repeat) →
 * dispose → feed back to the complainant → archive, each step appended to its history with who and
 * when. The due date set at filing stays; past it, unfed-back complaints show as overdue. Feeding
 * back queues an in-app message to the complainant's hall account.
 */
import { randomUUID } from 'node:crypto';
import type { ComplaintStepBody, HandledComplaintView } from '../../../contracts/supervision-reports.js';
import { ComplaintStepBody as StepBody } from '../../../contracts/supervision-reports.js';
import { AppError, conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { maskName, maskPhone } from '../../../domain/identity/index.js';
import { complaintOverdue, complaintStep, type ComplaintStep } from '../../../domain/supervision/complaints.js';
import { insertOutbox } from '../../repositories/notifications.js';
import { findComplaint, type HandledComplaintRow, updateComplaint } from '../../repositories/supervision-reports.js';
import { recordAction } from '../audit/record.js';
import { today } from '../case/access.js';
import { type Ctx, inTx } from '../context.js';
import { requireOver, requirePermission } from './scope.js';

type Entry = HandledComplaintView['history'][number];

const view = (r: HandledComplaintRow, date: string): HandledComplaintView => ({
  id: r.id, centerId: r.center_id, subject: r.subject as HandledComplaintView['subject'], caseId: r.case_id, caseNo: r.case_no, windowId: r.window_id,
  windowName: r.window_name, departmentId: r.department_id, staffName: r.staff_name, content: r.content, status: r.status as HandledComplaintView['status'],
  dueDate: r.due_date, overdue: complaintOverdue(r.status, r.due_date, date), disposition: r.disposition ?? '', feedback: r.feedback ?? '',
  history: JSON.parse(r.history ?? '[]') as Entry[],
  complainant: { name: maskName(r.complainant_real_name || r.complainant_name), mobile: maskPhone(r.complainant_phone) },
  createdAt: r.created_at, version: r.version,
});

/** The steps whose text is required, and the field it fills. */
const NEEDS_TEXT: Partial<Record<ComplaintStep, readonly [zh: string, en: string]>> = {
  investigate: ['请填写调查情况', 'write the investigation notes'],
  dispose: ['请填写处理意见', 'write the disposition'],
  feedBack: ['请填写反馈内容', 'write the feedback to the complainant'],
};

/** Errors: forbidden (no supervision:manage over the complaint), notFound. */
export async function getComplaintAs(ctx: Ctx, id: string): Promise<HandledComplaintView> {
  const actor = requirePermission(ctx, 'supervision:manage');
  const r = await findComplaint(ctx.deps.db.kysely, id);
  if (!r) throw notFound('投诉', 'Complaint');
  requireOver(actor, 'supervision:manage', r.center_path, r.department_id);
  return view(r, today(ctx, r.center_time_zone).date);
}

/**
 * One step of the handling. Errors: forbidden, notFound, validation (`text` for investigate,
 * dispose, feedBack), invalidState (the step not allowed in the complaint's status, 409), conflict (stale version).
 */
export async function stepComplaintAs(ctx: Ctx, id: string, input: ComplaintStepBody): Promise<HandledComplaintView> {
  const actor = requirePermission(ctx, 'supervision:manage');
  const b = StepBody.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const r = await findComplaint(trx, id);
    if (!r) throw notFound('投诉', 'Complaint');
    requireOver(actor, 'supervision:manage', r.center_path, r.department_id);
    if (r.version !== b.version) throw conflict('投诉', 'The complaint');
    const res = complaintStep(r.status, b.step);
    if (!res.ok) throw new AppError('invalidState', res.zh, res.en);
    const need = NEEDS_TEXT[b.step];
    if (need && !b.text) throw invalid([fieldError('text', `text：${need[0]}`, `text: ${need[1]}`)]);
    const now = today(ctx, r.center_time_zone);
    const entry: Entry = { step: b.step, text: b.text, by: actor.userId, byName: actor.displayName, at: now.at };
    const history = [...(JSON.parse(r.history ?? '[]') as Entry[]), entry];
    const set = {
      status: res.status, history: JSON.stringify(history), updated_at: now.at,
      ...(b.step === 'dispose' ? { disposition: b.text } : {}), ...(b.step === 'feedBack' ? { feedback: b.text } : {}),
    };
    if (!(await updateComplaint(trx, id, b.version, set))) throw conflict('投诉', 'The complaint');
    if (b.step === 'feedBack' && r.complainant_account) {
      // the applicant reads it in the hall's message box (recipient_user_id), delivered by the dispatcher
      const payload = JSON.stringify({ title: '您的投诉已有处理结果', body: `您于${r.created_at.slice(0, 10)}提交的投诉已处理：${b.text}` });
      await insertOutbox(trx, [{
        id: randomUUID(), channel: 'inbox', template: 'complaintFeedback', case_id: r.case_id, recipient: `user:${r.complainant_user_id}`, recipient_user_id: r.complainant_user_id,
        payload, status: 'pending', attempts: 0, next_attempt_at: now.at, last_error: null, provider: null, created_at: now.at, sent_at: null,
      }]);
    }
    await recordAction(trx, ctx, { entity: 'complaint', entityId: id, action: b.step, payload: { from: r.status, to: res.status, text: b.text } });
    return view((await findComplaint(trx, id))!, now.date);
  });
}
