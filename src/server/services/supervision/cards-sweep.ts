/**
 * Cards raised by the timer mechanism (DESIGN §5): when the light of a case, an open task, a
 * supervision order or a rectification reaches warning, yellow or red, the domain's `cardMove`
 * says whether to issue a card or escalate the current one; each issue and escalation notifies
 * the handlers, the department's leaders and the supervisors, and is in the action log — all in
 * the timer's transaction. Idempotent: the same light twice does nothing the second time.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type Card, type CardLevel, type SupervisedLight, cardMove, escalateCard, issueCard, levelForLight } from '../../../domain/supervision/index.js';
import { caseClock, taskClock } from '../../../domain/case/index.js';
import { conflict } from '../../../domain/errors.js';
import type { CardsTable, Database } from '../../db/schema.js';
import { insertCard, latestCard, updateCard } from '../../repositories/supervision.js';
import { recordAction } from '../audit/record.js';
import type { Ctx } from '../context.js';
import type { LockedCase } from '../case/system-moves.js';
import { isRunning } from '../timers/schedule.js';
import { cardChanged } from './feed.js';
import { type Handler, notifyStaff, supervisionRecipients } from './notify.js';

export type SubjectType = 'case' | 'task' | 'order' | 'rectification';

export interface CardSubject {
  type: SubjectType;
  id: string;
  caseId: string | null;
  centerId: string;
  centerPath: string;
  departmentId: string | null;
  /** shown in lists and messages: the case number, with the step's name for a task */
  label: string;
  handlers: readonly Handler[];
}

export const LEVEL_ZH: Record<CardLevel, string> = { warning: '预警', yellow: '黄牌', red: '红牌' };
const SUBJECT_ZH: Record<SubjectType, string> = { case: '办件', task: '办理环节', order: '督办单', rectification: '差评整改' };

export function cardOf(r: CardsTable): Card {
  return {
    level: r.level as CardLevel,
    status: r.status as Card['status'],
    issuedOn: r.issued_on,
    escalatedOn: r.escalated_on,
    appeal: r.appeal ? JSON.parse(r.appeal) : null,
    ruling: r.ruling ? JSON.parse(r.ruling) : null,
  };
}

/** Applies the light to the subject's card; what happened (null: nothing to do). */
export async function applyLight(trx: Transaction<Database>, ctx: Ctx, s: CardSubject, light: SupervisedLight | null, now: { at: string; date: string }): Promise<'issue' | 'escalate' | null> {
  const row = await latestCard(trx, s.type, s.id);
  const move = cardMove(row ? cardOf(row) : null, light);
  if (move === null) return null;
  let level: CardLevel;
  let cardId: string;
  if (move === 'issue') {
    level = levelForLight(light)!;
    const c = issueCard(level, now.date);
    cardId = randomUUID();
    await insertCard(trx, {
      id: cardId, center_id: s.centerId, department_id: s.departmentId, case_id: s.caseId, subject_type: s.type, subject_id: s.id, subject_label: s.label,
      level: c.level, status: c.status, issued_on: c.issuedOn, escalated_on: null, appeal: null, ruling: null, version: 1, created_at: now.at, updated_at: now.at,
    });
  } else {
    const r = escalateCard(cardOf(row!), now.date);
    if (!r.ok) return null;
    level = r.card.level;
    cardId = row!.id;
    if (!(await updateCard(trx, row!.id, row!.version, { level: r.card.level, escalated_on: r.card.escalatedOn, updated_at: now.at }))) throw conflict('监察牌', 'The card');
  }
  await recordAction(trx, ctx, { entity: 'card', entityId: cardId, action: move === 'issue' ? 'issue' : 'escalate', payload: { subjectType: s.type, subjectId: s.id, caseId: s.caseId, level, date: now.date } });
  const to = await supervisionRecipients(trx, s);
  const what = `${SUBJECT_ZH[s.type]}「${s.label}」`;
  await notifyStaff(trx, to, {
    template: move === 'issue' ? 'cardIssued' : 'cardEscalated',
    title: move === 'issue' ? `电子监察${LEVEL_ZH[level]}` : '黄牌升级为红牌',
    body: move === 'issue' ? `${what}于${now.date}被亮${LEVEL_ZH[level]}，请及时处理。` : `${what}的黄牌于${now.date}升级为红牌（已超过法定时限），请立即处理。`,
    caseId: s.caseId,
    at: now.at,
  });
  cardChanged();
  return move;
}

/**
 * The case's own light and each open task's (a task's handler is its assignee); a paused or
 * stopped case is left alone — its light is frozen or final.
 */
export async function superviseCase(trx: Transaction<Database>, ctx: Ctx, c: LockedCase): Promise<void> {
  if (!isRunning(c.state) || !c.state.deadlines) return;
  const centerId = c.row.center_id;
  const openTasks = c.state.tasks.filter((t) => t.status === 'open');
  const caseHandlers: Handler[] = openTasks.length > 0
    ? openTasks.map((t) => ({ role: t.assignee.role, departmentId: t.assignee.departmentId ?? c.row.department_id, userId: t.assignee.userId }))
    : [{ role: 'clerk', departmentId: c.row.department_id, userId: null }, { role: 'chiefRep', departmentId: c.row.department_id, userId: null }];
  const light = caseClock(c.state, c.cal, c.now.date, c.thresholds).light;
  await applyLight(trx, ctx, {
    type: 'case', id: c.row.id, caseId: c.row.id, centerId, centerPath: c.row.center_path, departmentId: c.row.department_id, label: c.row.case_no, handlers: caseHandlers,
  }, light, c.now);
  for (const t of openTasks) {
    const tl = taskClock(c.state, t, c.cal, c.now.date, c.thresholds).light;
    const dept = t.assignee.departmentId ?? c.row.department_id;
    await applyLight(trx, ctx, {
      type: 'task', id: `${c.row.id}:${t.id}`, caseId: c.row.id, centerId, centerPath: c.row.center_path, departmentId: dept, label: `${c.row.case_no} ${t.name}`,
      handlers: [{ role: t.assignee.role, departmentId: dept, userId: t.assignee.userId }],
    }, tl, c.now);
  }
}
