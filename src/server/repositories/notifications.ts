/**
 * The outbox, the message box and case notices: the only place their SQL is built.
 */
import type { ExpressionBuilder } from 'kysely';
import { type Dialect, forUpdateSkipLocked, toCount } from '../db/dialect.js';
import type { CaseNoticesTable, Database, MessagesTable, OutboxTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { preparedInsert } from './prepared-insert.js';

export async function insertOutbox(db: Executor, rows: OutboxTable[]): Promise<void> {
  if (rows.length > 0) await insertOutboxQuery(db, rows);
}
const outboxValues = (db: Executor, v: OutboxTable[]) => db.insertInto('outbox').values(v);
const insertOutboxQuery = preparedInsert<OutboxTable>(outboxValues);
/** The same insert as a query, to run with others (services/tx-batch.ts). */
export const outboxInsert = outboxValues;

/** Pending rows due at `now`, oldest first, claimed for this transaction (see forUpdateSkipLocked). */
export async function claimDueOutbox(db: Executor, dialect: Dialect, now: string, limit: number): Promise<OutboxTable[]> {
  const q = db.selectFrom('outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').orderBy('id').limit(limit);
  return forUpdateSkipLocked(dialect, q).execute();
}

export async function updateOutbox(db: Executor, id: string, set: Partial<Pick<OutboxTable, 'status' | 'attempts' | 'next_attempt_at' | 'last_error' | 'provider' | 'sent_at'>>): Promise<void> {
  await db.updateTable('outbox').set(set).where('id', '=', id).execute();
}

export async function listOutboxForCase(db: Executor, caseId: string): Promise<OutboxTable[]> {
  return db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export async function insertMessage(db: Executor, row: MessagesTable): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

/**
 * Identity-addressed messages an account may see: the identity must be the account's, and — as
 * long as real-name details are checked against nothing but their check digits — the case's
 * applicant phone must be the account's verified mobile number, so typing someone else's ID
 * number never opens their messages.
 */
export interface IdentityMatch {
  keys: readonly string[];
  verifiedPhone: string;
}

function visibleTo(eb: ExpressionBuilder<Database, 'messages'>, userId: string, id: IdentityMatch | null) {
  const mine = eb('messages.recipient_user_id', '=', userId);
  if (!id || id.keys.length === 0 || !id.verifiedPhone) return mine;
  const theirs = eb.and([
    eb('messages.recipient_key', 'in', [...id.keys]),
    eb.exists(eb.selectFrom('cases').select('cases.id').whereRef('cases.id', '=', 'messages.case_id').where('cases.applicant_phone', '=', id.verifiedPhone)),
  ]);
  return eb.or([mine, theirs]);
}

/** An account's messages: addressed to it, or to its identity (see IdentityMatch). */
export async function listMessages(db: Executor, userId: string, id: IdentityMatch | null, page: { offset: number; limit: number; unreadOnly: boolean }) {
  let q = db.selectFrom('messages').where((eb) => visibleTo(eb, userId, id));
  if (page.unreadOnly) q = q.where('read_at', 'is', null);
  const [items, total, unread] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q.where('read_at', 'is', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(total.n), unread: toCount(unread.n) };
}

/** The message, if the account may see it. */
export async function findVisibleMessage(db: Executor, messageId: string, userId: string, id: IdentityMatch | null): Promise<MessagesTable | undefined> {
  return db.selectFrom('messages').selectAll().where('messages.id', '=', messageId).where((eb) => visibleTo(eb, userId, id)).executeTakeFirst();
}

export async function findMessage(db: Executor, id: string): Promise<MessagesTable | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMessageRead(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('messages').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
}

export async function insertNotice(db: Executor, row: CaseNoticesTable): Promise<void> {
  await insertNoticeQuery(db, [row]);
}
export async function insertNotices(db: Executor, rows: CaseNoticesTable[]): Promise<void> {
  if (rows.length > 0) await insertNoticeQuery(db, rows);
}
const noticesValues = (db: Executor, v: CaseNoticesTable[]) => db.insertInto('case_notices').values(v);
const insertNoticeQuery = preparedInsert<CaseNoticesTable>(noticesValues);
/** The same insert as a query, to run with others (services/tx-batch.ts). */
export const noticesInsert = noticesValues;

export async function countNotices(db: Executor, caseId: string, kind: string): Promise<number> {
  const r = await db.selectFrom('case_notices').select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', caseId).where('kind', '=', kind).executeTakeFirstOrThrow();
  return toCount(r.n);
}

export async function listNotices(db: Executor, caseId: string): Promise<CaseNoticesTable[]> {
  return db.selectFrom('case_notices').selectAll().where('case_id', '=', caseId).orderBy('seq').orderBy('kind').execute();
}

export async function findNotice(db: Executor, caseId: string, id: string): Promise<CaseNoticesTable | undefined> {
  return db.selectFrom('case_notices').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
}

/** Keeps the rendered file unless another request kept one first; the file the notice has. */
export async function setNoticeFile(db: Executor, id: string, fileId: string): Promise<string> {
  await db.updateTable('case_notices').set({ file_id: fileId }).where('id', '=', id).where('file_id', 'is', null).execute();
  const r = await db.selectFrom('case_notices').select('file_id').where('id', '=', id).executeTakeFirstOrThrow();
  return r.file_id!;
}
