/**
 * Supervision orders (督办单, DESIGN §5): a supervisor orders a department to act on a case or an
 * anomaly by a response deadline (working days on the center calendar); the department answers;
 * the supervisor accepts the answer (closed) or sends it back (open again, same deadline). Past
 * its deadline unanswered, an order is overdue — the timer raises a card.
 */
import { addWorkdays, type DateString, type WorkCalendar } from '../calendar/index.js';

export type OrderStatus = 'open' | 'answered' | 'closed';

export interface SupervisionOrder {
  status: OrderStatus;
  issuedOn: DateString;
  due: DateString;
  answers: readonly { text: string; by: string; on: DateString }[];
  returns: readonly { reason: string; on: DateString }[];
  closedOn: DateString | null;
}

export type OrderError = { code: 'order.illegal' | 'order.invalid'; zh: string; en: string };
type Result = { ok: true; order: SupervisionOrder } | { ok: false; error: OrderError };

export function issueOrder(on: DateString, responseDays: number, cal: WorkCalendar): SupervisionOrder {
  if (!Number.isInteger(responseDays) || responseDays < 1 || responseDays > 60) throw new RangeError('responseDays must be 1–60');
  return { status: 'open', issuedOn: on, due: addWorkdays(cal, on, responseDays), answers: [], returns: [], closedOn: null };
}

const STATUS_ZH: Record<OrderStatus, string> = { open: '待答复', answered: '已答复', closed: '已办结' };
const illegal = (o: SupervisionOrder, zh: string, en: string): Result => ({
  ok: false,
  error: { code: 'order.illegal', zh: `督办单${STATUS_ZH[o.status]}，不能${zh}`, en: `An order that is ${o.status} cannot be ${en}` },
});

export function answerOrder(o: SupervisionOrder, a: { text: string; by: string; on: DateString }): Result {
  if (o.status !== 'open') return illegal(o, '答复', 'answered');
  if (!a.text.trim()) return { ok: false, error: { code: 'order.invalid', zh: '请填写答复内容', en: 'Write the answer' } };
  return { ok: true, order: { ...o, status: 'answered', answers: [...o.answers, a] } };
}

export function reviewAnswer(o: SupervisionOrder, r: { accept: boolean; reason: string; on: DateString }): Result {
  if (o.status !== 'answered') return illegal(o, '审核答复', 'reviewed');
  if (r.accept) return { ok: true, order: { ...o, status: 'closed', closedOn: r.on } };
  if (!r.reason.trim()) return { ok: false, error: { code: 'order.invalid', zh: '退回须说明理由', en: 'Say why the answer is sent back' } };
  return { ok: true, order: { ...o, status: 'open', returns: [...o.returns, { reason: r.reason, on: r.on }] } };
}

/** Overdue: still waiting for the department's answer after the deadline. */
export const orderOverdue = (o: SupervisionOrder, today: DateString): boolean => o.status === 'open' && today > o.due;
/** Answered late: the first answer came after the deadline. */
export const answeredLate = (o: SupervisionOrder): boolean => (o.answers[0]?.on ?? '') > o.due;
