/**
 * Cards as people see and answer them (DESIGN §5): the list and one card in the reader's scope
 * (supervisors their center subtree, leaders their department); a department's leader appeals a
 * yellow or red card once, with reasons; a supervisor other than the appellant upholds or
 * revokes it. Each answer is in the action log and notifies the same people the card did.
 */
import { type CardList, type CardQuery, type CardView, AppealBody, CardQuery as Query, RulingBody } from '../../../contracts/supervision.js';
import { AppError, conflict, notFound } from '../../../domain/errors.js';
import { appealCard, counts, ruleOnAppeal } from '../../../domain/supervision/index.js';
import { type CardRow, findCard, listCards, updateCard } from '../../repositories/supervision.js';
import { recordAction } from '../audit/record.js';
import { today } from '../case/access.js';
import { type Ctx, type Executor, inTx } from '../context.js';
import { displayNames } from '../../repositories/users.js';
import { cardOf, LEVEL_ZH } from './cards-sweep.js';
import { cardChanged } from './feed.js';
import { notifyStaff, supervisionRecipients } from './notify.js';
import { readScope, requireOver, requirePermission } from './scope.js';

/** Display names of the appellants and rulers of the rows (one query), for `cardView`. */
export async function cardNames(db: Executor, rows: readonly CardRow[]): Promise<Map<string, string>> {
  const ids = rows.flatMap((r) => { const c = cardOf(r); return [c.appeal?.by, c.ruling?.by].filter((x): x is string => !!x); });
  return displayNames(db, ids);
}

export function cardView(r: CardRow, names: ReadonlyMap<string, string> = new Map()): CardView {
  const c = cardOf(r);
  const named = <T extends { by: string }>(x: T | null) => (x ? { ...x, byName: names.get(x.by) ?? x.by } : null);
  return {
    id: r.id, centerId: r.center_id, centerName: r.center_name, departmentId: r.department_id, departmentName: r.department_name, caseId: r.case_id, caseNo: r.case_no,
    subjectType: r.subject_type as CardView['subjectType'], subjectId: r.subject_id, subjectLabel: r.subject_label, level: c.level, status: c.status,
    issuedOn: c.issuedOn, escalatedOn: c.escalatedOn, appeal: named(c.appeal), ruling: named(c.ruling), counts: counts(c), version: r.version, updatedAt: r.updated_at,
  };
}

/** Errors: unauthenticated, forbidden (no supervision:read). */
export async function listCardsFor(ctx: Ctx, input: CardQuery): Promise<CardList> {
  const grants = readScope(ctx);
  const q = Query.parse(input);
  const db = ctx.deps.db.kysely;
  const r = await listCards(db, { grants, ...q, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  const names = await cardNames(db, r.rows);
  return { items: r.rows.map((x) => cardView(x, names)), total: r.total };
}

/** Errors: unauthenticated, forbidden, notFound (no such card, or outside the reader's scope). */
export async function getCard(ctx: Ctx, id: string): Promise<CardView> {
  const grants = readScope(ctx);
  const r = await findCard(ctx.deps.db.kysely, id);
  if (!r || !grants.some((g) => r.center_path.startsWith(g.centerPath) && (g.departmentId === null || g.departmentId === r.department_id))) throw notFound('监察牌', 'Card');
  return cardView(r, await cardNames(ctx.deps.db.kysely, [r]));
}

const refused = (e: { code: string; zh: string; en: string }, field: string) =>
  new AppError(e.code === 'card.invalid' ? 'validation' : 'invalidState', e.zh, e.en, e.code === 'card.invalid' ? [{ field, message: e.zh, messageEn: e.en }] : undefined);

async function answer(ctx: Ctx, id: string, version: number, perm: 'supervision:respond' | 'supervision:manage', change: (row: CardRow, date: string) => { card: ReturnType<typeof cardOf>; action: string; field: string; title: string; body: string } | { error: { code: string; zh: string; en: string }; field: string }): Promise<CardView> {
  const actor = requirePermission(ctx, perm);
  const out = await inTx(ctx.deps, async (trx) => {
    const row = await findCard(trx, id);
    if (!row) throw notFound('监察牌', 'Card');
    requireOver(actor, perm, row.center_path, row.department_id);
    if (row.version !== version) throw conflict('监察牌', 'The card');
    const now = today(ctx, row.center_time_zone);
    const r = change(row, now.date);
    if ('error' in r) throw refused(r.error, r.field);
    const ok = await updateCard(trx, row.id, row.version, {
      status: r.card.status, appeal: r.card.appeal ? JSON.stringify(r.card.appeal) : null, ruling: r.card.ruling ? JSON.stringify(r.card.ruling) : null, updated_at: now.at,
    });
    if (!ok) throw conflict('监察牌', 'The card');
    await recordAction(trx, ctx, { entity: 'card', entityId: row.id, action: r.action, payload: { status: r.card.status, appeal: r.card.appeal, ruling: r.card.ruling } });
    const to = await supervisionRecipients(trx, { centerPath: row.center_path, departmentId: row.department_id, handlers: [] });
    await notifyStaff(trx, to.filter((u) => u !== actor.userId), { template: r.action === 'appeal' ? 'cardAppealed' : 'cardRuled', title: r.title, body: r.body, caseId: row.case_id, at: now.at });
    const card = (await findCard(trx, row.id))!;
    return { card, names: await cardNames(trx, [card]) };
  });
  cardChanged();
  return cardView(out.card, out.names);
}

/** A department's leader appeals (申诉) once. Errors: forbidden, notFound, conflict (409: version), invalidState (409: a warning, or not issued), validation (`reason`). */
export async function appealCardAs(ctx: Ctx, id: string, input: AppealBody): Promise<CardView> {
  const body = AppealBody.parse(input);
  return answer(ctx, id, body.version, 'supervision:respond', (row, on) => {
    const r = appealCard(cardOf(row), { reason: body.reason, by: ctx.actor!.userId, on });
    if (!r.ok) return { error: r.error, field: 'reason' };
    return { card: r.card, action: 'appeal', field: 'reason', title: `${LEVEL_ZH[r.card.level]}申诉`, body: `「${row.subject_label}」的${LEVEL_ZH[r.card.level]}已提出申诉：${body.reason}` };
  });
}

/** A supervisor (not the appellant) upholds or revokes. Errors: forbidden, notFound, conflict, invalidState (not appealed), validation (`reason`; the appellant ruling). */
export async function ruleOnCardAs(ctx: Ctx, id: string, input: RulingBody): Promise<CardView> {
  const body = RulingBody.parse(input);
  return answer(ctx, id, body.version, 'supervision:manage', (row, on) => {
    const r = ruleOnAppeal(cardOf(row), { upheld: body.upheld, reason: body.reason, by: ctx.actor!.userId, on });
    if (!r.ok) return { error: r.error, field: 'reason' };
    const verdict = body.upheld ? '申诉未获支持，维持' : '申诉成立，已撤销';
    return { card: r.card, action: body.upheld ? 'uphold' : 'revoke', field: 'reason', title: '申诉裁决', body: `「${row.subject_label}」的${LEVEL_ZH[r.card.level]}${verdict}。理由：${body.reason}` };
  });
}
