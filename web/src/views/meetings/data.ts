/** What the meetings pages share: form rules, blank forms, the record's names list, a 409 step. */
import type { FormRules } from 'element-plus';
import { ElMessage } from 'element-plus';
import { errorMessage } from '@/api/http';
import type { MeetingView } from '@/api/meetings';
import { isStale } from '@/views/supervision/data';

type T = (key: string) => string;

export const PAGE_SIZES = [10, 20, 50, 100];

export interface ScheduleForm {
  caseId: string;
  topic: string;
  place: string;
  /** ISO instant with offset, as the date picker gives it */
  startsAt: string;
  departmentIds: string[];
}

export const blankSchedule = (caseId = ''): ScheduleForm => ({ caseId, topic: '', place: '', startsAt: '', departmentIds: [] });

export const scheduleRules = (t: T): FormRules => ({
  caseId: [{ required: true, message: t('meetings.caseRequired'), trigger: 'change' }],
  topic: [{ required: true, whitespace: true, message: t('meetings.topicRequired'), trigger: 'blur' }],
  place: [{ required: true, whitespace: true, message: t('meetings.placeRequired'), trigger: 'blur' }],
  startsAt: [{ required: true, message: t('meetings.startsAtRequired'), trigger: 'change' }],
});

export interface AttendanceRow {
  departmentId: string;
  departmentName: string;
  attendance: 'present' | 'absent';
  /** names as typed, separated by 、 or commas */
  names: string;
}

export interface DecisionRow {
  departmentId: string;
  content: string;
  limitDays: number;
  role: 'reviewer' | 'deptLeader';
}

export interface RecordForm {
  attendance: AttendanceRow[];
  minutes: string;
  decisions: DecisionRow[];
}

export const blankRecord = (m: MeetingView): RecordForm => ({
  attendance: m.departments.map((d) => ({ departmentId: d.departmentId, departmentName: d.departmentName, attendance: 'present', names: '' })),
  minutes: '',
  decisions: [],
});

export const recordRules = (t: T): FormRules => ({
  minutes: [{ required: true, whitespace: true, message: t('meetings.minutesRequired'), trigger: 'blur' }],
});

/** `张三、李四, 王五` → ['张三', '李四', '王五'] */
export const splitNames = (s: string): string[] =>
  s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export const STATUS_TYPE: Record<MeetingView['status'], 'primary' | 'info' | 'success'> = { scheduled: 'primary', cancelled: 'info', recorded: 'success' };

/**
 * Runs a change; a 409 (the meeting changed first, or the case left review) shows the server's
 * message, closes the dialog (`close`) and reloads (`stale`); any other error is thrown on to the
 * form (field errors next to their fields).
 */
export async function unlessStale(run: () => Promise<void>, close: () => void, stale: () => void): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (!isStale(e)) throw e;
    ElMessage.error(errorMessage(e));
    close();
    stale();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A server instant (`…Z`) in the date picker's value format (`YYYY-MM-DDTHH:mm:ssZ`, the browser's zone). */
export function toPickerValue(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const off = -d.getTimezoneOffset();
  const zone = `${off >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}
