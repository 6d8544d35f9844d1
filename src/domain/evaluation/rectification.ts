/**
 * Bad-review rectification (差评整改, DESIGN §6) as a small state machine over events, like the
 * case: verify within 1 working day — an "invalid review" needs a second person's approval —,
 * rectify within the limit (default 15 working days, one extension), feed back, return visit
 * where the applicant rates the fix, closed. Deadlines are working days on the center calendar;
 * a stage past its deadline is overdue (flagged, never blocked: late work still gets done).
 */
import { addWorkdays, type DateString, type WorkCalendar } from '../calendar/index.js';
import type { Level } from './levels.js';

export type RectificationStatus = 'verifying' | 'invalidPending' | 'rectifying' | 'returnVisit' | 'closed' | 'closedInvalid';

export type RectificationEvent =
  | { kind: 'open'; on: DateString; by: string; limitDays: number }
  | { kind: 'verify'; on: DateString; by: string; valid: boolean; note: string }
  | { kind: 'approveInvalid'; on: DateString; by: string; approve: boolean; note: string }
  | { kind: 'extend'; on: DateString; by: string; days: number; reason: string }
  | { kind: 'feedback'; on: DateString; by: string; measures: string }
  | { kind: 'returnVisit'; on: DateString; by: string; level: Level; note: string };

export interface Rectification {
  status: RectificationStatus;
  openedOn: DateString;
  limitDays: number;
  /** the deadline of the stage in progress (null once closed) */
  due: DateString | null;
  verifiedBy: string | null;
  extended: boolean;
  measures: string | null;
  fixRating: Level | null;
  closedOn: DateString | null;
  /** stages finished after their deadline, by name */
  lateStages: readonly ('verify' | 'rectify')[];
}

export interface RectificationError {
  code: 'rectification.illegal' | 'rectification.invalid';
  zh: string;
  en: string;
}

export const VERIFY_DAYS = 1;
export const DEFAULT_RECTIFY_DAYS = 15;

type Result = { ok: true; state: Rectification } | { ok: false; error: RectificationError };
const illegal = (status: RectificationStatus, kind: string): Result => ({
  ok: false,
  error: { code: 'rectification.illegal', zh: `整改处于「${STATUS_ZH[status]}」状态，不能${KIND_ZH[kind] ?? kind}`, en: `A rectification that is ${status} cannot ${kind}` },
});
const invalid = (zh: string, en: string): Result => ({ ok: false, error: { code: 'rectification.invalid', zh, en } });

const STATUS_ZH: Record<RectificationStatus, string> = {
  verifying: '核实中', invalidPending: '无效差评待审批', rectifying: '整改中', returnVisit: '待回访', closed: '已办结', closedInvalid: '无效差评已关闭',
};
const KIND_ZH: Record<string, string> = { verify: '核实', approveInvalid: '审批无效差评', extend: '延期', feedback: '反馈整改情况', returnVisit: '回访' };

export function openRectification(e: Extract<RectificationEvent, { kind: 'open' }>, cal: WorkCalendar): Rectification {
  if (!Number.isInteger(e.limitDays) || e.limitDays < 1) throw new RangeError('limitDays must be a whole number ≥ 1');
  return { status: 'verifying', openedOn: e.on, limitDays: e.limitDays, due: addWorkdays(cal, e.on, VERIFY_DAYS), verifiedBy: null, extended: false, measures: null, fixRating: null, closedOn: null, lateStages: [] };
}

const late = (s: Rectification, on: DateString, stage: 'verify' | 'rectify') => (s.due !== null && on > s.due ? [...s.lateStages, stage] : s.lateStages);

export function applyRectification(s: Rectification, e: RectificationEvent, cal: WorkCalendar): Result {
  if (e.on < (s.closedOn ?? s.openedOn)) return invalid('日期早于上一步', 'The date is before the previous step');
  switch (e.kind) {
    case 'open':
      return illegal(s.status, e.kind);
    case 'verify':
      if (s.status !== 'verifying') return illegal(s.status, e.kind);
      if (!e.note.trim()) return invalid('请填写核实情况', 'Say what the verification found');
      if (!e.valid) return { ok: true, state: { ...s, status: 'invalidPending', verifiedBy: e.by, lateStages: late(s, e.on, 'verify') } };
      return { ok: true, state: { ...s, status: 'rectifying', verifiedBy: e.by, due: addWorkdays(cal, e.on, s.limitDays), lateStages: late(s, e.on, 'verify') } };
    case 'approveInvalid':
      if (s.status !== 'invalidPending') return illegal(s.status, e.kind);
      if (e.by === s.verifiedBy) return invalid('无效差评须由另一人审批', 'An invalid review must be approved by a second person');
      if (e.approve) return { ok: true, state: { ...s, status: 'closedInvalid', due: null, closedOn: e.on } };
      // not approved: the review stands, rectification starts now
      return { ok: true, state: { ...s, status: 'rectifying', due: addWorkdays(cal, e.on, s.limitDays) } };
    case 'extend':
      if (s.status !== 'rectifying') return illegal(s.status, e.kind);
      if (s.extended) return invalid('整改期限只能延期一次', 'The limit can be extended once only');
      if (!Number.isInteger(e.days) || e.days < 1 || e.days > s.limitDays) return invalid(`延期天数应为 1–${s.limitDays} 个工作日`, `Extend by 1–${s.limitDays} working days`);
      if (!e.reason.trim()) return invalid('请填写延期理由', 'Give the reason for the extension');
      return { ok: true, state: { ...s, extended: true, due: addWorkdays(cal, s.due!, e.days) } };
    case 'feedback':
      if (s.status !== 'rectifying') return illegal(s.status, e.kind);
      if (!e.measures.trim()) return invalid('请填写整改措施', 'Describe what was done');
      return { ok: true, state: { ...s, status: 'returnVisit', measures: e.measures, lateStages: late(s, e.on, 'rectify'), due: null } };
    case 'returnVisit':
      if (s.status !== 'returnVisit') return illegal(s.status, e.kind);
      return { ok: true, state: { ...s, status: 'closed', fixRating: e.level, closedOn: e.on } };
  }
}

/** Folds the events (the first must be `open`); throws on an illegal one (stored events are legal). */
export function foldRectification(events: readonly RectificationEvent[], cal: WorkCalendar): Rectification {
  const [first, ...rest] = events;
  if (!first || first.kind !== 'open') throw new Error('a rectification starts with open');
  return rest.reduce((s, e) => {
    const r = applyRectification(s, e, cal);
    if (!r.ok) throw new Error(r.error.en);
    return r.state;
  }, openRectification(first, cal));
}

/** Overdue on `today`: the stage in progress has passed its deadline. */
export const isOverdue = (s: Rectification, today: DateString): boolean => s.due !== null && today > s.due;

/** Counts as rectified (差评整改率): closed after a fix, whatever the applicant said of it. */
export const isRectified = (s: Rectification): boolean => s.status === 'closed';
