/**
 * Rating occasions (评价时机, DESIGN §6) opened by a case's moves: an immediate case once when it
 * concludes ('whole'); a promised, joint or report-up case at acceptance and at conclusion. Each
 * stays open the center's rating period; the applicant gets an SMS link for it (signed,
 * single-use). Written in the move's transaction (the supervision hook in case/effects.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays } from '../../../domain/calendar/index.js';
import type { Occasion } from '../../../domain/evaluation/index.js';
import type { Database } from '../../db/schema.js';
import { insertOccasion } from '../../repositories/evaluation.js';
import type { Ctx } from '../context.js';
import { queueOutbox } from '../notifications/outbox.js';
import { ensureDailySweep } from '../supervision/daily-timer.js';
import { type EvaluationSettings, evaluationSettingsFor } from './settings.js';
import { ratingToken } from './token.js';

const MOBILE = /^1[3-9]\d{9}$/;
/** how long after the occasion opens the SMS invitation goes out */
export const INVITATION_DELAY_MS = 30 * 60_000;
const OCCASION_ZH: Record<string, string> = { whole: '办理', acceptance: '受理', conclusion: '办结', overall: '整体' };

export interface OccasionCase {
  id: string;
  case_no: string;
  center_id: string;
  center_path: string;
  time_zone: string;
  department_id: string;
  applicant_phone: string;
  item_name: string;
}

/** `settings`: the center's evaluation settings when the caller has them (a case move: case/caches.ts). */
export async function openOccasion(trx: Transaction<Database>, ctx: Ctx, c: OccasionCase, occasion: Occasion, on: string, at: string, settings?: EvaluationSettings): Promise<void> {
  const st = settings ?? await evaluationSettingsFor(trx, c.center_path);
  const id = randomUUID();
  const opened = await insertOccasion(trx, {
    id, case_id: c.id, center_id: c.center_id, department_id: c.department_id, occasion, opened_on: on, closes_on: addDays(on, st.ratingPeriodDays), status: 'open', created_at: at, updated_at: at,
  });
  if (!opened) return;
  await ensureDailySweep(trx, c.center_id, c.time_zone, addDays(on, 1), at);
  if (!MOBILE.test(c.applicant_phone)) return;
  const link = `${ctx.deps.config.publicUrl}/rate/${await ratingToken(trx, ctx.deps, id)}`;
  const title = '请评价本次服务';
  const body = `您申请的「${c.item_name}」（办件编号 ${c.case_no}）已${OCCASION_ZH[occasion] ?? ''}，请于${st.ratingPeriodDays}日内评价本次服务：${link}`;
  // sent a little later (the applicant has left the window; the move's own notices go first), and
  // kept apart from the case's notices (no case_id): the link is the applicant's own business
  const later = new Date(Date.parse(at) + INVITATION_DELAY_MS).toISOString();
  await queueOutbox(trx, [{
    id: randomUUID(), channel: 'sms', template: 'ratingInvitation', case_id: null, recipient: c.applicant_phone, recipient_user_id: null,
    payload: JSON.stringify({ title, body }), status: 'pending', attempts: 0, next_attempt_at: later, last_error: null, provider: null, created_at: at, sent_at: null,
  }]);
}
