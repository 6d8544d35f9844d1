/**
 * Joint review meetings (联审会): schedule, attendance, minutes, decisions.
 * A meeting is about one joint case; the departments invited are rows of their own (their staff
 * find the meeting by them, and the record's attendance is kept beside each); each decision of
 * the record names the department responsible, what to do, its limit and the case task it became.
 * Frozen in time like 0001: imports nothing from the app.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull()) // ISO instant, UTC
    .addColumn('status', 'text', (c) => c.notNull()) // 'scheduled' | 'cancelled' | 'recorded'
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scheduled_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_case').on('meetings').columns(['case_id', 'starts_at']).execute();
  await db.schema.createIndex('meetings_center').on('meetings').columns(['center_id', 'starts_at']).execute();

  await db.schema
    .createTable('meeting_departments')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('attendance', 'text') // null until recorded; 'present' | 'absent'
    .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of names
    .addPrimaryKeyConstraint('meeting_departments_pk', ['meeting_id', 'department_id'])
    .execute();
  await db.schema.createIndex('meeting_departments_dept').on('meeting_departments').columns(['department_id']).execute();

  await db.schema
    .createTable('meeting_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull()) // the case task it became
    .addUniqueConstraint('meeting_decisions_seq', ['meeting_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_decisions').execute();
  await db.schema.dropTable('meeting_departments').execute();
  await db.schema.dropTable('meetings').execute();
}
