/**
 * Joint review meetings (联审会) — src/server/routes/meetings/index.ts, schemas in
 * contracts/meeting.ts: the list (staff of the invited departments, supervisors), scheduling,
 * rescheduling, cancelling and recording (the supervision office). Every change carries the
 * meeting's `version` (409 when someone changed it first).
 */
import type { CancelMeetingBody, MeetingList, MeetingQuery, MeetingView, RecordMeetingBody, ScheduleMeetingBody, UpdateMeetingBody } from '@shared/contracts/meeting';
import { http } from './http';

export type { MeetingView } from '@shared/contracts/meeting';
export type MeetingStatus = MeetingView['status'];

const M = '/api/v1/meetings';
const id = (x: string) => encodeURIComponent(x);

export const meetingsApi = {
  list: (q: Partial<MeetingQuery>) => http.get<MeetingList>(M, q),
  get: (meetingId: string) => http.get<MeetingView>(`${M}/${id(meetingId)}`),
  schedule: (b: ScheduleMeetingBody) => http.post<MeetingView>(M, b),
  update: (meetingId: string, b: UpdateMeetingBody) => http.put<MeetingView>(`${M}/${id(meetingId)}`, b),
  cancel: (meetingId: string, b: CancelMeetingBody) => http.post<MeetingView>(`${M}/${id(meetingId)}/cancel`, b),
  record: (meetingId: string, b: RecordMeetingBody) => http.post<MeetingView>(`${M}/${id(meetingId)}/record`, b),
};
