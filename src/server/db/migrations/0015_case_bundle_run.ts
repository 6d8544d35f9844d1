/**
 * The bundle run a case belongs to, on the case row. Frozen in time like 0001: imports nothing from the app.
 *
 * Every move that changes a case's status asked `bundle_run_cases` whether the case is a run's
 * child (bundle-case/hook.ts): one statement for nothing, for nearly every case. A move reads the
 * case row anyway; `bundle_run_id` tells it, and the lookup is made only for a child. Set when
 * the child case is opened (bundle-case/open-child.ts), in the same insert; filled here for the
 * children opened before. `bundle_run_cases` stays the run's list of its children.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('bundle_run_id', 'text').execute();
  await sql`update cases set bundle_run_id = (select run_id from bundle_run_cases where bundle_run_cases.case_id = cases.id)
    where exists (select 1 from bundle_run_cases where bundle_run_cases.case_id = cases.id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('bundle_run_id').execute();
}
