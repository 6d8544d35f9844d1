/**
 * The signed-in person's message box: messages addressed to the account (and, once real-name
 * identities are verified in the online hall, to its identities). Reading one marks it read.
 */
import type { MessageList, MessageQuery, MessageView } from '../../../contracts/messages.js';
import { MessageQuery as Query } from '../../../contracts/messages.js';
import { AppError, notFound } from '../../../domain/errors.js';
import type { MessagesTable } from '../../db/schema.js';
import { findMessage, listMessages, markMessageRead } from '../../repositories/notifications.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';

const view = (m: MessagesTable): MessageView => ({ id: m.id, caseId: m.case_id, template: m.template, title: m.title, body: m.body, createdAt: m.created_at, readAt: m.read_at });

function me(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录', 'Please log in');
  return ctx.actor;
}

export async function listMyMessages(ctx: Ctx, input: MessageQuery): Promise<MessageList> {
  const actor = me(ctx);
  const q = Query.parse(input);
  const r = await listMessages(ctx.deps.db.kysely, actor.userId, null, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, unreadOnly: q.unread === 'true' });
  return { items: r.items.map(view), total: r.total, unread: r.unread };
}

/** Errors: notFound (no such message, or not mine — the same answer). */
export async function readMyMessage(ctx: Ctx, id: string): Promise<MessageView> {
  const actor = me(ctx);
  return inTx(ctx.deps, async (trx) => {
    const m = await findMessage(trx, id);
    if (!m || m.recipient_user_id !== actor.userId) throw notFound('消息', 'Message');
    if (m.read_at === null) {
      await markMessageRead(trx, id, nowIso(ctx.deps));
      await recordAction(trx, ctx, { entity: 'message', entityId: id, action: 'read', payload: {} });
    }
    return view((await findMessage(trx, id))!);
  });
}
