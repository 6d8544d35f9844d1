/**
 * The outbox, the message box and case notices: the only place their SQL is built.
 */
import { type Dialect, forUpdateSkipLocked, toCount } from '../db/dialect.js';
import type { CaseNoticesTable, MessagesTable, OutboxTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function insertOutbox(db: Executor, rows: OutboxTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('outbox').values(rows).execute();
}

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

/** An account's messages: addressed to it, or to one of its verified identities. */
export async function listMessages(db: Executor, userId: string, keys: readonly string[], page: { offset: number; limit: number; unreadOnly: boolean }) {
  let q = db.selectFrom('messages').where((eb) => (keys.length > 0 ? eb.or([eb('recipient_user_id', '=', userId), eb('recipient_key', 'in', keys)]) : eb('recipient_user_id', '=', userId)));
  if (page.unreadOnly) q = q.where('read_at', 'is', null);
  const [items, total, unread] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q.where('read_at', 'is', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(total.n), unread: toCount(unread.n) };
}

export async function findMessage(db: Executor, id: string): Promise<MessagesTable | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMessageRead(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('messages').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
}

export async function insertNotice(db: Executor, row: CaseNoticesTable): Promise<void> {
  await db.insertInto('case_notices').values(row).execute();
}

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
