/** A meeting as the API shows it, from its row, its invited departments and its decisions. */
import type { MeetingView } from '../../../contracts/meeting.js';
import type { Attendance, MeetingStatus } from '../../../domain/meeting/index.js';
import { listMeetingDecisions, listMeetingDepartments, type MeetingRow } from '../../repositories/meetings.js';
import type { Executor } from '../context.js';

/** The views of `rows`, in their order: two more statements whatever their number. */
export async function meetingViews(db: Executor, rows: readonly MeetingRow[]): Promise<MeetingView[]> {
  const ids = rows.map((r) => r.id);
  const depts = await listMeetingDepartments(db, ids);
  const decisions = await listMeetingDecisions(db, ids);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    itemName: r.item_name,
    centerId: r.center_id,
    leadDepartmentId: r.lead_department_id,
    topic: r.topic,
    place: r.place,
    startsAt: r.starts_at,
    status: r.status as MeetingStatus,
    departments: depts
      .filter((d) => d.meeting_id === r.id)
      .map((d) => ({ departmentId: d.department_id, departmentName: d.department_name, attendance: d.attendance as Attendance | null, attendees: JSON.parse(d.attendees) as string[] })),
    minutes: r.minutes,
    decisions: decisions
      .filter((d) => d.meeting_id === r.id)
      .map((d) => ({ seq: d.seq, departmentId: d.department_id, departmentName: d.department_name, content: d.content, limitDays: d.limit_days, taskId: d.task_id })),
    cancelReason: r.cancel_reason,
    recordedAt: r.recorded_at,
    version: r.version,
    createdAt: r.created_at,
  }));
}

export async function meetingView(db: Executor, row: MeetingRow): Promise<MeetingView> {
  return (await meetingViews(db, [row]))[0];
}
