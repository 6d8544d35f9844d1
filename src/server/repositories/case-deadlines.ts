/**
 * The stored deadlines of running cases, rewritten when the calendar they were worked out on
 * changes (services/case/recompute.ts). The case's version is not touched: no action happened.
 */
import { sql, type SqlBool } from 'kysely';
import { escapeLike } from '../db/dialect.js';
import type { CasesTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

/** Statuses of an accepted case whose clock may still run (concluded and closed cases keep theirs). */
export const RUNNING_AFTER_ACCEPTANCE = ['accepted', 'inReview', 'suspended', 'supplementRequired'] as const;

/** Ids of the accepted, still open cases of the centers under `pathPrefix` ('/' = every center), in id order. */
export async function listOpenCaseIdsUnder(db: Executor, pathPrefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('centers', 'centers.id', 'cases.center_id')
    .select('cases.id')
    .where(sql<SqlBool>`${sql.ref('centers.path')} like ${escapeLike(pathPrefix) + '%'} escape '\\'`)
    .where('cases.status', 'in', [...RUNNING_AFTER_ACCEPTANCE])
    .where('cases.accepted_on', 'is not', null)
    .orderBy('cases.id')
    .execute();
  return rows.map((r) => r.id);
}

export type CaseDeadlines = Pick<CasesTable, 'promised_due' | 'statutory_due' | 'light' | 'updated_at'>;

/** Writes the deadlines if the case is still at `version`; false otherwise. */
export async function updateCaseDeadlines(db: Executor, id: string, version: number, set: CaseDeadlines): Promise<boolean> {
  const r = await db.updateTable('cases').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
