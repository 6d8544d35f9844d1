/**
 * A move's write of the case: the projection under the version check and the action rows. On
 * PostgreSQL both go in one statement (the insert as a writing CTE of the update), a round trip
 * fewer on every move; SQLite (no writing CTEs, no round trips) runs the two statements.
 */
import { type Dialect, hasWritingCte } from '../db/dialect.js';
import { prepared } from '../db/prepared.js';
import type { CaseActionsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { ACTION_COLUMNS, type CaseProjection, PROJECTION, insertCaseActions, updateCaseProjection } from './cases.js';
/** Rows a move writes at most in the one-statement form (a move and its follow-ups; more take the two statements). */
const MAX_ROWS = 8;

/**
 * Writes the projection (only if the case is still at `version`) and appends `rows`. Returns
 * false when the case moved on (the caller answers 409 and the transaction is rolled back, with
 * whatever the statement inserted); a unique violation on the rows is thrown as the insert
 * throws it.
 */
export async function writeCaseMove(
  db: Executor,
  dialect: Dialect,
  c: { id: string; version: number; nextVersion: number },
  set: CaseProjection,
  rows: readonly CaseActionsTable[],
): Promise<boolean> {
  if (!hasWritingCte(dialect) || rows.length === 0 || rows.length > MAX_ROWS) {
    const ok = await updateCaseProjection(db, c.id, c.version, c.nextVersion, set);
    if (ok) await insertCaseActions(db, rows);
    return ok;
  }
  const args: Record<string, unknown> = { ...set, ...c };
  rows.forEach((r, i) => ACTION_COLUMNS.forEach((k) => (args[`${i}.${k}`] = r[k])));
  const r = await db.executeQuery(moveQuery(db, args, rows.length));
  return Number(r.numAffectedRows) === 1;
}

const moveQuery = prepared<Record<string, unknown>, never>((db, p, { variant }) =>
  db
    .with('appended', (q) =>
      q.insertInto('case_actions').values(
        Array.from({ length: Number(variant) }, (_, i) => Object.fromEntries(ACTION_COLUMNS.map((k) => [k, p(`${i}.${k}`)])) as unknown as CaseActionsTable),
      ),
    )
    .updateTable('cases')
    .set({ ...Object.fromEntries(PROJECTION.map((k) => [k, p(k)])), version: p('nextVersion') })
    .where('id', '=', p('id'))
    .where('version', '=', p('version')),
);
