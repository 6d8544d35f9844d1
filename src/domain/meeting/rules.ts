/**
 * Joint review meetings (联审会, DESIGN §4 "Work items"; issue 4): a supervisor schedules a
 * meeting on a joint case in review, with the departments invited; reschedules or cancels it
 * while it is scheduled; records it once held — attendance per invited department, minutes and
 * decisions, each given to an invited department with a limit in working days. An absent
 * department's open opinion on the case counts as consent where the item says so (缺席默认).
 *
 * Pure: the services pass in what they read (the case's state, now) and write what comes out.
 */
import { MAX_LIMIT } from '../calendar/deadline.js';
import type { CaseState, CaseTask } from '../case/state.js';

export const MEETING_STATUSES = ['scheduled', 'cancelled', 'recorded'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE = ['present', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** A refusal: `illegal` (the meeting's or the case's state, 409) or `invalid` (a field, 400). */
export interface MeetingProblem {
  code: 'meeting.illegal' | 'meeting.invalid';
  field: string | null;
  zh: string;
  en: string;
}

const invalid = (field: string, zh: string, en: string): MeetingProblem => ({ code: 'meeting.invalid', field, zh, en });
const illegal = (zh: string, en: string): MeetingProblem => ({ code: 'meeting.illegal', field: null, zh, en });

const STATUS_ZH: Record<MeetingStatus, string> = { scheduled: '已安排', cancelled: '已取消', recorded: '已记录' };
export type MeetingMove = 'reschedule' | 'cancel' | 'record';
const MOVE_ZH: Record<MeetingMove, string> = { reschedule: '改期', cancel: '取消', record: '记录' };

/** Only a scheduled meeting is rescheduled, cancelled or recorded. */
export function moveProblem(status: MeetingStatus, move: MeetingMove): MeetingProblem | null {
  return status === 'scheduled' ? null : illegal(`联审会${STATUS_ZH[status]}，不能${MOVE_ZH[move]}`, `A meeting that is ${status} cannot be ${move === 'record' ? 'recorded' : move === 'cancel' ? 'cancelled' : 'rescheduled'}`);
}

/** A meeting is held on a joint case in review, before its decision. */
export function caseProblem(c: { handlingClass: string; state: Pick<CaseState, 'status' | 'decision'> }): MeetingProblem | null {
  if (c.handlingClass !== 'joint') return invalid('caseId', 'caseId：联审会只为联办件召开', 'caseId: meetings are held on joint cases only');
  if (c.state.status !== 'inReview') return illegal('办件不在审查中，不能召开联审会', 'The case is not in review');
  if (c.state.decision !== null) return illegal('办件已作出决定，不能召开联审会', 'The case has been decided');
  return null;
}

/** The time: a valid instant, not before now (a meeting is scheduled ahead). */
export function startsAtProblem(startsAt: string, now: string): MeetingProblem | null {
  const t = Date.parse(startsAt);
  if (Number.isNaN(t)) return invalid('startsAt', 'startsAt：时间无效', 'startsAt: invalid time');
  return t < Date.parse(now) ? invalid('startsAt', 'startsAt：会议时间不能早于现在', 'startsAt: the meeting cannot be in the past') : null;
}

/** The departments invited: at least one, none twice, each one the center tree allows (`allowed`). */
export function invitedProblem(ids: readonly string[], allowed: (id: string) => boolean): MeetingProblem | null {
  if (ids.length === 0) return invalid('departmentIds', 'departmentIds：请选择参会部门', 'departmentIds: invite at least one department');
  for (const [i, id] of ids.entries()) {
    if (ids.indexOf(id) !== i) return invalid(`departmentIds.${i}`, `departmentIds.${i}：部门重复`, `departmentIds.${i}: the department is listed twice`);
    if (!allowed(id)) return invalid(`departmentIds.${i}`, `departmentIds.${i}：不是本中心的部门`, `departmentIds.${i}: not a department of the center`);
  }
  return null;
}

export interface AttendanceInput {
  departmentId: string;
  attendance: Attendance;
  attendees: readonly string[];
}

export interface DecisionInput {
  departmentId: string;
  content: string;
  limitDays: number;
  /** who in the department works the task the decision becomes (default: its reviewers) */
  role?: 'reviewer' | 'deptLeader';
}

export interface RecordInput {
  attendance: readonly AttendanceInput[];
  minutes: string;
  decisions: readonly DecisionInput[];
}

/** What a record must say: one attendance per invited department (names for those present), minutes, decisions for invited departments. */
export function recordProblem(m: { startsAt: string; invited: readonly string[] }, r: RecordInput, now: string): MeetingProblem | null {
  if (Date.parse(now) < Date.parse(m.startsAt)) return illegal('联审会尚未召开，不能记录', 'The meeting has not been held yet');
  const seen = new Set<string>();
  for (const [i, a] of r.attendance.entries()) {
    const f = `attendance.${i}`;
    if (!m.invited.includes(a.departmentId)) return invalid(`${f}.departmentId`, `${f}.departmentId：不是受邀部门`, `${f}.departmentId: not an invited department`);
    if (seen.has(a.departmentId)) return invalid(`${f}.departmentId`, `${f}.departmentId：部门重复`, `${f}.departmentId: the department is listed twice`);
    seen.add(a.departmentId);
    if (a.attendance === 'present' && !a.attendees.some((n) => n.trim() !== '')) return invalid(`${f}.attendees`, `${f}.attendees：请填写出席人员`, `${f}.attendees: name who attended`);
  }
  if (seen.size !== m.invited.length) return invalid('attendance', 'attendance：每个受邀部门都要记录出席情况', 'attendance: record every invited department');
  if (r.minutes.trim() === '') return invalid('minutes', 'minutes：请填写会议纪要', 'minutes: write the minutes');
  for (const [i, d] of r.decisions.entries()) {
    const f = `decisions.${i}`;
    if (!m.invited.includes(d.departmentId)) return invalid(`${f}.departmentId`, `${f}.departmentId：承办部门须为受邀部门`, `${f}.departmentId: not an invited department`);
    if (d.content.trim() === '') return invalid(`${f}.content`, `${f}.content：请填写决定事项`, `${f}.content: say what is to be done`);
    if (!Number.isInteger(d.limitDays) || d.limitDays < 1 || d.limitDays > MAX_LIMIT) {
      return invalid(`${f}.limitDays`, `${f}.limitDays：时限应为 1–${MAX_LIMIT} 个工作日`, `${f}.limitDays: 1–${MAX_LIMIT} working days`);
    }
  }
  return null;
}

/** The departments recorded absent. */
export const absentDepartments = (r: Pick<RecordInput, 'attendance'>): string[] => r.attendance.filter((a) => a.attendance === 'absent').map((a) => a.departmentId);

/**
 * The opinion tasks closed as consent (缺席默认): the still-open opinions of absent departments —
 * none when the item's joint policy does not count absence as consent.
 */
export function absentConsentTasks(tasks: readonly CaseTask[], absent: readonly string[], absentConsent: boolean): CaseTask[] {
  if (!absentConsent) return [];
  return tasks.filter((t) => t.status === 'open' && t.kind === 'opinion' && t.assignee.departmentId !== null && absent.includes(t.assignee.departmentId));
}

/** A decision's case task: its id (never a procedure step's `{stepNo}.{n}`) and its name. */
export const meetingTaskId = (meetingId: string, seq: number): string => `mtg-${meetingId}-${seq}`;
export const meetingTaskName = (content: string): string => {
  const text = content.trim().replace(/\s+/g, ' ');
  return `联审会决定：${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
};
