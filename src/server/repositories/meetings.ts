/** Joint review meetings (联审会): the only place their SQL is built. */
import { type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import { escapeLike } from '../db/dialect.js';
import type { Database, MeetingDecisionsTable, MeetingDepartmentsTable, MeetingsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

/** Where a reader may see meetings: a center subtree, and a department (null: all of them). */
export interface MeetingScope {
  centerPath: string;
  departmentId: string | null;
}

const meetingQuery = (db: Executor) =>
  db
    .selectFrom('meetings')
    .innerJoin('cases', 'cases.id', 'meetings.case_id')
    .innerJoin('centers', 'centers.id', 'meetings.center_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .selectAll('meetings')
    .select(['cases.case_no', 'cases.department_id as lead_department_id', 'item_versions.name as item_name', 'centers.path as center_path', 'centers.time_zone as center_time_zone']);
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function findMeeting(db: Executor, id: string) {
  return meetingQuery(db).where('meetings.id', '=', id).executeTakeFirst();
}

/**
 * A center-wide grant covers every meeting in its center subtree; a department's grant covers the
 * meetings its department is invited to, wherever on the case center's line (a county department
 * invited to a city case's meeting sees it).
 */
function visible(eb: ExpressionBuilder<Database, 'meetings' | 'centers'>, scopes: readonly MeetingScope[]) {
  if (scopes.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(
    scopes.map((g) => {
      const path = sql<SqlBool>`${sql.ref('centers.path')} like ${escapeLike(g.centerPath) + '%'} escape '\\'`;
      if (g.departmentId === null) return eb.and([path]);
      const invited = eb.exists(
        eb.selectFrom('meeting_departments as md').select('md.meeting_id').whereRef('md.meeting_id', '=', 'meetings.id').where('md.department_id', '=', g.departmentId),
      );
      return invited;
    }),
  );
}

export interface MeetingFilter {
  scopes: readonly MeetingScope[];
  status?: string;
  caseId?: string;
  departmentId?: string;
  /** starts_at bounds, ISO instants */
  fromAt?: string;
  toAt?: string;
  offset: number;
  limit: number;
}

export async function listMeetings(db: Executor, f: MeetingFilter) {
  let q = meetingQuery(db).where((eb) => visible(eb, f.scopes));
  if (f.status) q = q.where('meetings.status', '=', f.status);
  if (f.caseId) q = q.where('meetings.case_id', '=', f.caseId);
  if (f.departmentId) {
    const dept = f.departmentId;
    q = q.where((eb) => eb.exists(eb.selectFrom('meeting_departments as md').select('md.meeting_id').whereRef('md.meeting_id', '=', 'meetings.id').where('md.department_id', '=', dept)));
  }
  if (f.fromAt) q = q.where('meetings.starts_at', '>=', f.fromAt);
  if (f.toAt) q = q.where('meetings.starts_at', '<', f.toAt);
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('meetings.starts_at', 'desc').orderBy('meetings.id').offset(f.offset).limit(f.limit).execute();
  return { rows, total: Number(total.n) };
}

export type MeetingDepartmentRow = MeetingDepartmentsTable & { department_name: string };

/** The invited departments of these meetings, in the order they were invited. */
export async function listMeetingDepartments(db: Executor, meetingIds: readonly string[]): Promise<MeetingDepartmentRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_departments')
    .innerJoin('departments', 'departments.id', 'meeting_departments.department_id')
    .selectAll('meeting_departments')
    .select('departments.name as department_name')
    .where('meeting_departments.meeting_id', 'in', [...meetingIds])
    .orderBy('meeting_departments.meeting_id')
    .orderBy('meeting_departments.sort')
    .execute();
}

export type MeetingDecisionRow = MeetingDecisionsTable & { department_name: string };

export async function listMeetingDecisions(db: Executor, meetingIds: readonly string[]): Promise<MeetingDecisionRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_decisions')
    .innerJoin('departments', 'departments.id', 'meeting_decisions.department_id')
    .selectAll('meeting_decisions')
    .select('departments.name as department_name')
    .where('meeting_decisions.meeting_id', 'in', [...meetingIds])
    .orderBy('meeting_decisions.meeting_id')
    .orderBy('meeting_decisions.seq')
    .execute();
}

export async function insertMeeting(db: Executor, row: MeetingsTable, departmentIds: readonly string[]): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
  await replaceMeetingDepartments(db, row.id, departmentIds);
}

export async function replaceMeetingDepartments(db: Executor, meetingId: string, departmentIds: readonly string[]): Promise<void> {
  await db.deleteFrom('meeting_departments').where('meeting_id', '=', meetingId).execute();
  if (departmentIds.length === 0) return;
  await db
    .insertInto('meeting_departments')
    .values(departmentIds.map((department_id, sort) => ({ meeting_id: meetingId, department_id, sort, attendance: null, attendees: '[]' })))
    .execute();
}

/** The update, only if the meeting is still at `version` (false: someone changed it first). */
export async function updateMeeting(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Pick<MeetingsTable, 'topic' | 'place' | 'starts_at' | 'status' | 'minutes' | 'cancel_reason' | 'recorded_by' | 'recorded_at'>> & { updated_at: string },
): Promise<boolean> {
  const r = await db.updateTable('meetings').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setAttendance(db: Executor, meetingId: string, departmentId: string, attendance: string, attendees: readonly string[]): Promise<void> {
  await db
    .updateTable('meeting_departments')
    .set({ attendance, attendees: JSON.stringify(attendees) })
    .where('meeting_id', '=', meetingId)
    .where('department_id', '=', departmentId)
    .execute();
}

export async function insertMeetingDecisions(db: Executor, rows: readonly MeetingDecisionsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('meeting_decisions').values([...rows]).execute();
}

/** Records departments on the case (co_departments) so their staff reach it and work their meeting tasks. */
export async function addCaseDepartments(db: Executor, caseId: string, current: string, departmentIds: readonly string[]): Promise<void> {
  const co = current.split(' ').filter(Boolean);
  const more = departmentIds.filter((d) => !co.includes(d));
  if (more.length === 0) return;
  await db.updateTable('cases').set({ co_departments: [...co, ...more].join(' ') }).where('id', '=', caseId).execute();
}
