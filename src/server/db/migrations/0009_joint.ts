/**
 * Joint cases (联办件): the co-departments a case has been copied to, so their staff reach it
 * (read it, work their opinion task, find it in their inbox). Space-separated department ids,
 * written when an opinion task opens. Frozen in time like 0001.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('co_departments', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('co_departments').execute();
}
