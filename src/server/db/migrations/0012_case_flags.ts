/**
 * Green channel (绿色通道), applicants' credit records (信用), denial reports (否定报备).
 * Frozen in time like 0001: imports nothing from the app.
 *
 * - `cases.green_channel` (0/1) and `cases.escort_id` (领办人, a staff user): the case's flag as
 *   its last `greenChannel` action left it, stored for sorting lists and inboxes first.
 * - `credit_records`: a bad-credit record (失信记录) against an applicant — a person by ID number
 *   or an enterprise by unified social credit code — entered by a supervisor or written by the
 *   system when a 告知承诺 is found false; active until lifted. An applicant with an active record
 *   is not offered 容缺受理.
 * - `denial_reports`: a denial (不予许可) of an investment-project item, reported to the
 *   department's liaison and the center (否定报备), with when each acknowledged it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('green_channel', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('cases').addColumn('escort_id', 'text').execute();
  await db.schema
    .createTable('credit_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_no', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('lifted_by', 'text')
    .addColumn('lifted_at', 'text')
    .addColumn('lift_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('credit_records_subject').on('credit_records').columns(['subject_no', 'lifted_at']).execute();
  await db.schema
    .createTable('denial_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('denied_on', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('denial_reports_center').on('denial_reports').columns(['center_id', 'created_at']).execute();
  await db.schema.createIndex('denial_reports_case').on('denial_reports').column('case_id').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('denial_reports').execute();
  await db.schema.dropTable('credit_records').execute();
  await db.schema.alterTable('cases').dropColumn('escort_id').execute();
  await db.schema.alterTable('cases').dropColumn('green_channel').execute();
}
