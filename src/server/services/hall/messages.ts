/**
 * The applicant's message box in the hall: messages addressed to the account and to its
 * real-name identity (`id:<ID number>` / `uscc:<code>`, the keys effects.ts addresses a case's
 * messages to) — so a case taken in at a window for the same person reaches the account too,
 * when that case was taken in with the account's verified mobile number (the real-name details
 * are checked only against their check digits; see repositories/notifications.ts IdentityMatch).
 * The common /api/v1/me/messages lists the account's own only (notifications/messages.ts).
 */
import type { MessageList, MessageQuery, MessageView } from '../../../contracts/messages.js';
import { MessageQuery as Query } from '../../../contracts/messages.js';
import { notFound } from '../../../domain/errors.js';
import type { MessagesTable } from '../../db/schema.js';
import { findMessage, findVisibleMessage, type IdentityMatch, listMessages, markMessageRead } from '../../repositories/notifications.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { hallAccount, identityKeys, requireApplicant } from './access.js';

const view = (m: MessagesTable): MessageView => ({ id: m.id, caseId: m.case_id, template: m.template, title: m.title, body: m.body, createdAt: m.created_at, readAt: m.read_at });

/** The account's identity keys and its mobile number, when verified (else identities match nothing). */
async function identityOf(ctx: Ctx, db: Executor, userId: string): Promise<IdentityMatch | null> {
  const account = await hallAccount(ctx, db, userId);
  if (!account.mobile_verified) return null;
  const user = await db.selectFrom('users').select('phone').where('id', '=', userId).executeTakeFirst();
  return { keys: identityKeys(account), verifiedPhone: user?.phone ?? '' };
}

export async function hallMessages(ctx: Ctx, input: MessageQuery): Promise<MessageList> {
  const actor = requireApplicant(ctx);
  const q = Query.parse(input);
  const db = ctx.deps.db.kysely;
  const r = await listMessages(db, actor.userId, await identityOf(ctx, db, actor.userId), { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, unreadOnly: q.unread === 'true' });
  return { items: r.items.map(view), total: r.total, unread: r.unread };
}

/** Errors: notFound (no such message, or neither the account's nor its identity's — the same answer). */
export async function readHallMessage(ctx: Ctx, id: string): Promise<MessageView> {
  const actor = requireApplicant(ctx);
  return inTx(ctx.deps, async (trx) => {
    const m = await findVisibleMessage(trx, id, actor.userId, await identityOf(ctx, trx, actor.userId));
    if (!m) throw notFound('消息', 'Message');
    if (m.read_at === null) {
      await markMessageRead(trx, id, nowIso(ctx.deps));
      await recordAction(trx, ctx, { entity: 'message', entityId: id, action: 'read', payload: {} });
    }
    return view((await findMessage(trx, id))!);
  });
}
