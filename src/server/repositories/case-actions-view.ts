/**
 * A case's action list as a move and the case page read it: each action with its actor's name,
 * the revision tokens of the cached calendar and settings, and the case's notices — one statement.
 */
import { type Kysely, sql } from 'kysely';
import { type Dialect, forUpdateOf, jsonRowsAgg } from '../db/dialect.js';
import { type Placeholder, prepared } from '../db/prepared.js';
import type { CaseActionsTable, CaseNoticesTable, Database } from '../db/schema.js';
import type { CaseRow } from './cases.js';
import type { Executor } from '../services/context.js';

export interface CaseActionWithName extends CaseActionsTable {
  /** the actor's display name; null for the system or an account since removed */
  actor_name: string | null;
}

/** The revision tokens of the cached calendar and settings (migration 0004), as read with the actions. */
export interface CacheRevisions {
  calendar: string;
  settings: string;
}

/**
 * A case's action list with each actor's display name, and — in the same statement, so taken
 * after whatever lock the caller holds on the case — the calendar and settings revision tokens
 * the caller's cached calendar and thresholds are checked against, and the case's notices
 * (ordered by seq and kind, as `listNotices`): a move and the case page need all three, and each
 * statement saved is a round trip on PostgreSQL. The notices come as JSON on the first action's
 * row only (the subquery does not depend on the row, so it runs once); `notices` is null when the
 * case has no first action, and the caller reads them on their own.
 */
export async function listCaseActionsForView(
  db: Executor,
  caseId: string,
): Promise<{ rows: CaseActionWithName[]; revisions: CacheRevisions | null; notices: CaseNoticesTable[] | null }> {
  const { rows } = await db.executeQuery(actionsForViewQuery(db, { caseId }));
  return fromRows(caseId, rows);
}
type ViewRow = CaseActionWithName & { calendar_revision: string | null; settings_revision: string | null; notices: string | null };

const actionsForView = (db: Kysely<Database>, p: Placeholder, dialect: Dialect) =>
  db
    .selectFrom('case_actions')
    .leftJoin('users', 'users.id', 'case_actions.actor_id')
    .selectAll('case_actions')
    .select('users.display_name as actor_name')
    .select((eb) => [
      eb.selectFrom('cache_revisions').select('revision').where('name', '=', 'calendar').as('calendar_revision'),
      eb.selectFrom('cache_revisions').select('revision').where('name', '=', 'settings').as('settings_revision'),
      sql<string | null>`case when ${sql.ref('case_actions.seq')} = 1 then (${eb
        .selectFrom('case_notices')
        .select(jsonRowsAgg(dialect, NOTICE_COLUMNS.map((c) => sql.ref(`case_notices.${c}`))).as('n'))
        .where('case_notices.case_id', '=', p('caseId'))}) end`.as('notices'),
    ])
    .where('case_actions.case_id', '=', p('caseId'))
    .orderBy('case_actions.seq');

const actionsForViewQuery = prepared<{ caseId: string }, ViewRow>((db, p, { dialect }) => actionsForView(db, p, dialect) as any);

/** What `listCaseActionsForView` gives, from the rows of its statement. */
function fromRows(caseId: string, rows: readonly ViewRow[]) {
  const first = rows[0];
  const revisions = first?.calendar_revision && first.settings_revision ? { calendar: first.calendar_revision, settings: first.settings_revision } : null;
  const json = rows.find((r) => r.notices !== null)?.notices;
  return {
    rows: rows.map(({ calendar_revision: _c, settings_revision: _s, notices: _n, ...r }) => r as CaseActionWithName),
    revisions,
    notices: json == null ? null : noticesFromJson(caseId, json),
  };
}

/**
 * PostgreSQL: the case row locked (`FOR UPDATE OF cases`, as repositories/cases.ts
 * lockAndFindCase) and read as JSON on the first action's row, with what `listCaseActionsForView`
 * reads — one round trip instead of two for every move. The actions are read in the statement's
 * snapshot: should the lock have had to wait for another move that then committed, the row is the
 * one it left and the actions the ones before it; the move compares the two (case/move.ts) and
 * answers 409, as it would for the stale version the client sent. Null when the case has no action
 * row (no case, or a case not yet written): the caller reads the two apart.
 */
export async function lockCaseWithActions(db: Executor, caseId: string): Promise<{ row: CaseRow | undefined; view: ReturnType<typeof fromRows> } | null> {
  const { rows } = await db.executeQuery(lockedWithActionsQuery(db, { caseId }));
  if (rows.length === 0) return null;
  const json = rows[0].case_row;
  return { row: json == null ? undefined : (JSON.parse(json) as CaseRow), view: fromRows(caseId, rows) };
}
const lockedWithActionsQuery = prepared<{ caseId: string }, ViewRow & { case_row: string | null }>((db, p, { dialect }) =>
  actionsForView(db, p, dialect).select(
    sql<string | null>`case when ${sql.ref('case_actions.seq')} = 1 then (select row_to_json(c)::text from (${forUpdateOf(
      dialect,
      db
        .selectFrom('cases')
        .innerJoin('centers', 'centers.id', 'cases.center_id')
        .selectAll('cases')
        .select(['centers.path as center_path', 'centers.time_zone as time_zone', 'centers.name as center_name'])
        .where('cases.id', '=', p('caseId')),
      'cases',
    )}) c) end`.as('case_row'),
  ) as any,
);

const NOTICE_COLUMNS = ['id', 'kind', 'notice_no', 'seq', 'issued_on', 'file_id', 'created_at'] as const;

/** The notices as `listNotices` gives them, from the JSON rows of NOTICE_COLUMNS. */
function noticesFromJson(caseId: string, json: string): CaseNoticesTable[] {
  const rows = (JSON.parse(json) as [string, string, string, number, string, string | null, string][]).map(
    ([id, kind, notice_no, seq, issued_on, file_id, created_at]): CaseNoticesTable => ({ id, case_id: caseId, kind, notice_no, seq: Number(seq), issued_on, file_id, created_at }),
  );
  return rows.sort((a, b) => a.seq - b.seq || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}
