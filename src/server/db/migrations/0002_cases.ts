/**
 * Cases (办件), their append-only action lists and the daily case-number counters. Frozen in
 * time like 0001: imports nothing from the app. Conventions as 0001 (text ids, ISO-8601 UTC
 * instants, business dates as YYYY-MM-DD text, JSON as text, `version` on mutable rows).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('verification_code', 'text', (c) => c.notNull())
    .addColumn('external_no', 'text')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    // the published version the case was taken in under: its rules stay the case's rules
    .addColumn('item_version_id', 'text', (c) => c.notNull().references('item_versions.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('applicant_kind', 'text', (c) => c.notNull()) // 'person' | 'enterprise'
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text') // stored in full; masked in lists
    .addColumn('applicant_uscc', 'text')
    .addColumn('applicant_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('intake_date', 'text', (c) => c.notNull()) // business date of intake ("today's cases")
    .addColumn('accepted_on', 'text')
    .addColumn('promised_due', 'text')
    .addColumn('statutory_due', 'text')
    .addColumn('light', 'text')
    .addColumn('created_by', 'text') // the clerk who took it in ("my cases")
    .addColumn('version', 'integer', (c) => c.notNull()) // = the number of actions
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cases_center_case_no', ['center_id', 'case_no'])
    .execute();
  await db.schema.createIndex('cases_center_intake').on('cases').columns(['center_id', 'intake_date']).execute();
  await db.schema.createIndex('cases_department_status').on('cases').columns(['department_id', 'status']).execute();
  await db.schema.createIndex('cases_applicant_id').on('cases').column('applicant_id_number').execute();
  await db.schema.createIndex('cases_applicant_uscc').on('cases').column('applicant_uscc').execute();

  await db.schema
    .createTable('case_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull()) // 1, 2, … = the case version after it
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_actions_case_seq', ['case_id', 'seq'])
    .execute();

  // one row per center and business day; next_value is the next sequence to hand out. Taken in
  // the intake transaction, so a rolled-back intake gives its number back: no gaps.
  await db.schema
    .createTable('case_number_counters')
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('next_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_number_counters_pk', ['center_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['case_number_counters', 'case_actions', 'cases']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
