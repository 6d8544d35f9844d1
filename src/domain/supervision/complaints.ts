/**
 * Complaint handling (投诉处理, DESIGN §5): received → accepted → investigating → disposed →
 * fedBack → archived. Investigation notes may be added more than once; every other step happens
 * once, in order. The due date set when the complaint was filed does not move.
 */
export const COMPLAINT_STATUSES = ['received', 'accepted', 'investigating', 'disposed', 'fedBack', 'archived'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STEPS = ['accept', 'investigate', 'dispose', 'feedBack', 'archive'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

export const COMPLAINT_STATUS_ZH: Record<ComplaintStatus, string> = {
  received: '待受理', accepted: '已受理', investigating: '调查中', disposed: '已处理', fedBack: '已反馈', archived: '已归档',
};
const STEP_ZH: Record<ComplaintStep, string> = { accept: '受理', investigate: '调查', dispose: '处理', feedBack: '反馈', archive: '归档' };

/** The statuses each step may start from, and where it leads. */
const MOVES: Record<ComplaintStep, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  accept: { from: ['received'], to: 'accepted' },
  investigate: { from: ['accepted', 'investigating'], to: 'investigating' },
  dispose: { from: ['investigating'], to: 'disposed' },
  feedBack: { from: ['disposed'], to: 'fedBack' },
  archive: { from: ['fedBack'], to: 'archived' },
};

export type ComplaintStepResult = { ok: true; status: ComplaintStatus } | { ok: false; zh: string; en: string };

const isStatus = (s: string): s is ComplaintStatus => (COMPLAINT_STATUSES as readonly string[]).includes(s);

/** Where `step` takes a complaint in `status`, or why it may not be taken (naming the status). */
export function complaintStep(status: string, step: ComplaintStep): ComplaintStepResult {
  const m = MOVES[step];
  if (isStatus(status) && m.from.includes(status)) return { ok: true, status: m.to };
  const zh = isStatus(status) ? COMPLAINT_STATUS_ZH[status] : status;
  return { ok: false, zh: `投诉${zh}，不能${STEP_ZH[step]}`, en: `A complaint that is ${status} cannot take the step ${step}` };
}

/** Still on the clock past its due date: not yet fed back to the complainant. */
export const complaintOverdue = (status: string, dueDate: string, today: string): boolean => status !== 'fedBack' && status !== 'archived' && today > dueDate;
