/**
 * Bundle runs (一件事办件): one application for a published bundle — one applicant, one combined
 * form, one material checklist, one deadline, one fee sheet — and its child cases, ordinary cases
 * opened stage by stage. Frozen in time like 0001: imports nothing from the app.
 *
 * - `bundle_runs.stages` is the bundle's stages as they were when the run started (JSON
 *   `[{ name, itemIds }]`): editing the bundle later does not change a run under way.
 * - `department_ids` (space-separated) are the departments of the bundle's items: their staff
 *   read the run (scope), like a joint case's co-departments.
 * - `bundle_run_cases` links each child case to its run and stage; `case_id` is unique (a case
 *   belongs to at most one run) and indexed, so the case moves' hook finds its run in one read.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bundle_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('bundle_id', 'text', (c) => c.notNull().references('bundles.id'))
    .addColumn('run_no', 'text', (c) => c.notNull().unique())
    .addColumn('verification_code', 'text', (c) => c.notNull())
    .addColumn('bundle_name', 'text', (c) => c.notNull())
    .addColumn('stages', 'text', (c) => c.notNull())
    .addColumn('department_ids', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text')
    .addColumn('applicant_uscc', 'text')
    .addColumn('applicant_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('form_data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_on', 'text', (c) => c.notNull())
    .addColumn('promised_limit', 'integer', (c) => c.notNull())
    .addColumn('promised_due', 'text', (c) => c.notNull())
    .addColumn('statutory_limit', 'integer', (c) => c.notNull())
    .addColumn('statutory_due', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('stop_case_id', 'text')
    .addColumn('stop_reason', 'text')
    .addColumn('payments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_role', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bundle_runs_center').on('bundle_runs').columns(['center_id', 'created_at']).execute();
  await db.schema
    .createTable('bundle_run_cases')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('run_id', 'text', (c) => c.notNull().references('bundle_runs.id'))
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bundle_run_cases_run').on('bundle_run_cases').columns(['run_id', 'stage', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bundle_run_cases').execute();
  await db.schema.dropTable('bundle_runs').execute();
}
