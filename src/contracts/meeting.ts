/**
 * Joint review meetings (联审会) on joint cases: scheduled, rescheduled and cancelled by the
 * supervision office; recorded once held (attendance, minutes, decisions that become case tasks).
 * Every change carries the meeting's `version`.
 */
import { z } from 'zod';
import { ATTENDANCE, MEETING_STATUSES } from '../domain/meeting/index.js';
import { Id, Instant, IsoDate, PageQuery, VersionBody, listOf } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

export const MeetingStatus = z.enum(MEETING_STATUSES);
export const MeetingAttendance = z.enum(ATTENDANCE);

export const MeetingDepartmentView = z.object({
  departmentId: Id,
  departmentName: z.string(),
  /** null until the meeting is recorded */
  attendance: MeetingAttendance.nullable(),
  attendees: z.array(z.string()),
});

export const MeetingDecisionView = z.object({
  seq: z.number().int(),
  departmentId: Id,
  departmentName: z.string(),
  content: z.string(),
  limitDays: z.number().int(),
  /** the case task the decision became (worked through the case's complete-task move) */
  taskId: z.string(),
});

export const MeetingView = z.object({
  id: Id,
  caseId: Id,
  caseNo: z.string(),
  itemName: z.string(),
  centerId: Id,
  /** the lead department (牵头部门) */
  leadDepartmentId: Id,
  topic: z.string(),
  place: z.string(),
  startsAt: Instant,
  status: MeetingStatus,
  departments: z.array(MeetingDepartmentView),
  minutes: z.string(),
  decisions: z.array(MeetingDecisionView),
  cancelReason: z.string(),
  recordedAt: Instant.nullable(),
  version: z.number().int(),
  createdAt: Instant,
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingQuery = PageQuery.extend({
  status: MeetingStatus.optional(),
  caseId: Id.optional(),
  departmentId: Id.optional(),
  /** meetings starting on or after / on or before these dates, in China Standard Time (UTC+8, the platform's default zone) */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type MeetingQuery = z.input<typeof MeetingQuery>;
export const MeetingList = listOf(MeetingView);
export type MeetingList = z.infer<typeof MeetingList>;

const MeetingFields = {
  topic: Text(200).min(1),
  place: Text(200).min(1),
  /** ISO 8601 instant with offset, e.g. 2026-03-05T09:30:00+08:00 */
  startsAt: z.iso.datetime({ offset: true }),
};

export const ScheduleMeetingBody = z.object({
  caseId: Id,
  ...MeetingFields,
  /** omitted: the lead department and every co-department of the item */
  departmentIds: z.array(Id).max(50).optional(),
});
export type ScheduleMeetingBody = z.input<typeof ScheduleMeetingBody>;

/** Reschedule or change a scheduled meeting: every field given again. */
export const UpdateMeetingBody = VersionBody.extend({ ...MeetingFields, departmentIds: z.array(Id).max(50) });
export type UpdateMeetingBody = z.input<typeof UpdateMeetingBody>;

export const CancelMeetingBody = VersionBody.extend({ reason: Text(2000).min(1) });
export type CancelMeetingBody = z.input<typeof CancelMeetingBody>;

export const RecordMeetingBody = VersionBody.extend({
  attendance: z
    .array(z.object({ departmentId: Id, attendance: MeetingAttendance, attendees: z.array(Text(100)).max(50).default([]) }))
    .min(1)
    .max(50),
  minutes: Text(20000),
  decisions: z
    .array(z.object({
      departmentId: Id,
      content: Text(2000).min(1),
      limitDays: z.number().int().min(1).max(3650),
      /** who in the department works the task: its reviewers (default) or its leader */
      role: z.enum(['reviewer', 'deptLeader']).default('reviewer'),
    }))
    .max(50)
    .default([]),
});
export type RecordMeetingBody = z.input<typeof RecordMeetingBody>;

export const MeetingParams = z.object({ id: Id });
