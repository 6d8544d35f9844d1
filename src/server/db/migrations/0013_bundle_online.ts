/**
 * Online bundle applications (一件事 in the online hall): an applicant's combined application
 * waiting for the window to accept it into a bundle run. Frozen in time like 0001: imports nothing from the app.
 *
 * - `user_id` is the applicant's hall account; the applicant's name and ID number / USCC are a
 *   copy of the account's real-name identity at submission (never taken from the request body).
 * - `center_id` and `department_ids` (space-separated, the departments of the bundle's items) are
 *   the bundle's at submission: the window's scope, the same rule as for a run.
 * - `materials` is JSON `[{ code, fileId }]`: uploads (files rows, purpose applicantMaterial) by
 *   code of the bundle's combined checklist; a material may take several files.
 * - status: submitted → accepted (`run_id`) | returned (`return_reason`, JSON `{ reason, materials }`,
 *   一次性告知) | withdrawn.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bundle_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('bundle_id', 'text', (c) => c.notNull().references('bundles.id'))
    .addColumn('bundle_name', 'text', (c) => c.notNull())
    .addColumn('department_ids', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text')
    .addColumn('applicant_uscc', 'text')
    .addColumn('applicant_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('form_data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.references('bundle_runs.id'))
    .addColumn('return_reason', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bundle_applications_user').on('bundle_applications').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('bundle_applications_status').on('bundle_applications').columns(['status', 'center_id', 'submitted_at']).execute();
  // a run started from an online application: its applicant's hall account, given to every child case
  await db.schema.alterTable('bundle_runs').addColumn('applicant_user_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bundle_runs').dropColumn('applicant_user_id').execute();
  await db.schema.dropTable('bundle_applications').execute();
}
