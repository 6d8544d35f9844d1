/**
 * Applicant accounts of the online hall, their SMS codes and agents: the only place their SQL is
 * built.
 */
import { toCount } from '../db/dialect.js';
import type { HallAccountsTable, HallAgentsTable, HallCodesTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function insertHallAccount(db: Executor, row: HallAccountsTable): Promise<void> {
  await db.insertInto('hall_accounts').values(row).execute();
}

/** The account with its user row (name, mobile, e-mail). */
export async function findHallAccount(db: Executor, userId: string) {
  return db
    .selectFrom('hall_accounts')
    .innerJoin('users', 'users.id', 'hall_accounts.user_id')
    .selectAll('hall_accounts')
    .select(['users.username', 'users.display_name', 'users.phone', 'users.email', 'users.kind', 'users.active'])
    .where('hall_accounts.user_id', '=', userId)
    .executeTakeFirst();
}
export type HallAccountRow = NonNullable<Awaited<ReturnType<typeof findHallAccount>>>;

export async function findApplicantByMobile(db: Executor, mobile: string) {
  return db.selectFrom('users').selectAll().where('username', '=', mobile).where('kind', '=', 'applicant').executeTakeFirst();
}

/** Optimistic update of the account row; false when it moved on since `version`. */
export async function updateHallAccount(db: Executor, userId: string, version: number, set: Partial<Omit<HallAccountsTable, 'user_id' | 'version'>>): Promise<boolean> {
  const r = await db.updateTable('hall_accounts').set({ ...set, version: version + 1 }).where('user_id', '=', userId).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateUserContact(db: Executor, userId: string, set: { display_name?: string; email?: string; updated_at: string }): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', userId).execute();
}

/** Unlocks the account after a password reset (the failures were someone else's guesses). */
export async function clearLoginFailures(db: Executor, userId: string, at: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null, updated_at: at }).where('id', '=', userId).execute();
}

// ── SMS codes ──────────────────────────────────────────────────────────────────────────────

export async function insertCode(db: Executor, row: HallCodesTable): Promise<void> {
  await db.insertInto('hall_codes').values(row).execute();
}

export async function deleteCode(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('hall_codes').where('id', '=', id).execute();
}

/** Codes sent to `target` / from `ip` since `since` (rate limits), and the newest one's time. */
export async function codeCounts(db: Executor, target: string, ip: string, since: string) {
  const [byTarget, byIp, last] = await Promise.all([
    db.selectFrom('hall_codes').select((eb) => eb.fn.countAll().as('n')).where('target', '=', target).where('created_at', '>=', since).executeTakeFirstOrThrow(),
    db.selectFrom('hall_codes').select((eb) => eb.fn.countAll().as('n')).where('ip', '=', ip).where('created_at', '>=', since).executeTakeFirstOrThrow(),
    db.selectFrom('hall_codes').select('created_at').where('target', '=', target).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  return { byTarget: toCount(byTarget.n), byIp: toCount(byIp.n), lastAt: last?.created_at ?? null };
}

/** The newest code for the purpose and number, used or not. */
export async function latestCode(db: Executor, purpose: string, target: string): Promise<HallCodesTable | undefined> {
  return db.selectFrom('hall_codes').selectAll().where('purpose', '=', purpose).where('target', '=', target).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Counts one try at the code; false when `max` tries were used (a burst cannot go past it). */
export async function takeCodeAttempt(db: Executor, id: string, max: number): Promise<boolean> {
  const r = await db.updateTable('hall_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).where('attempts', '<', max).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the code used; false when another request used it first. */
export async function useCode(db: Executor, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('hall_codes').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ── agents ─────────────────────────────────────────────────────────────────────────────────

const agentQuery = (db: Executor) =>
  db
    .selectFrom('hall_agents')
    .innerJoin('hall_accounts as p', 'p.user_id', 'hall_agents.principal_user_id')
    .innerJoin('hall_accounts as a', 'a.user_id', 'hall_agents.agent_user_id')
    .innerJoin('users as au', 'au.id', 'hall_agents.agent_user_id')
    .selectAll('hall_agents')
    .select(['p.real_name as principal_name', 'p.uscc as principal_uscc', 'a.real_name as agent_name', 'au.phone as agent_mobile']);

export async function listAgentsOf(db: Executor, principalUserId: string) {
  return agentQuery(db).where('hall_agents.principal_user_id', '=', principalUserId).orderBy('hall_agents.created_at').execute();
}

export async function listPrincipalsOf(db: Executor, agentUserId: string) {
  return agentQuery(db).where('hall_agents.agent_user_id', '=', agentUserId).where('hall_agents.status', '=', 'active').orderBy('hall_agents.created_at').execute();
}
export type AgentRow = Awaited<ReturnType<typeof listAgentsOf>>[number];

export async function findAgent(db: Executor, id: string) {
  return agentQuery(db).where('hall_agents.id', '=', id).executeTakeFirst();
}

export async function findAgentPair(db: Executor, principalUserId: string, agentUserId: string): Promise<HallAgentsTable | undefined> {
  return db.selectFrom('hall_agents').selectAll().where('principal_user_id', '=', principalUserId).where('agent_user_id', '=', agentUserId).executeTakeFirst();
}

export async function insertAgent(db: Executor, row: HallAgentsTable): Promise<void> {
  await db.insertInto('hall_agents').values(row).execute();
}

export async function setAgentStatus(db: Executor, id: string, version: number, status: string, at: string): Promise<boolean> {
  const r = await db.updateTable('hall_agents').set({ status, version: version + 1, updated_at: at }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ids of the enterprise accounts `agentUserId` acts for now. */
export async function activePrincipalIds(db: Executor, agentUserId: string): Promise<string[]> {
  const rows = await db.selectFrom('hall_agents').select('principal_user_id').where('agent_user_id', '=', agentUserId).where('status', '=', 'active').execute();
  return rows.map((r) => r.principal_user_id);
}

export async function countActiveAgents(db: Executor, principalUserId: string): Promise<number> {
  const r = await db.selectFrom('hall_agents').select((eb) => eb.fn.countAll().as('n')).where('principal_user_id', '=', principalUserId).where('status', '=', 'active').executeTakeFirstOrThrow();
  return toCount(r.n);
}
