/**
 * Rating the service when invited (好差评, DESIGN §6): five levels, one rating per case and
 * occasion — at acceptance (not for an immediate case) and at conclusion — from the online
 * channel, stored for the evaluation module with the case's center, department and item (the
 * window is not known for an online case). The indicator sets (整体满意度, 办事效率, …), the
 * default rating of cases left unrated and bad-review rectification belong to that module.
 */
import { randomUUID } from 'node:crypto';
import type { EvaluationBody, MyCaseView } from '../../../contracts/hall-cases.js';
import { EvaluationBody as Schema } from '../../../contracts/hall-cases.js';
import { foldCase } from '../../../domain/case/index.js';
import { AppError, fieldError } from '../../../domain/errors.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { listCaseActions } from '../../repositories/cases.js';
import { insertEvaluation } from '../../repositories/hall-cases.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { caseItemOf, getItemVersion } from '../case/access.js';
import { toAction } from '../case/store.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { afterHallRating } from '../evaluation/rate.js';
import { ownCase, requireApplicant } from './access.js';
import { invitedOccasions, myCase } from './case-view.js';

const OCCASION_ZH = { acceptance: '受理', conclusion: '办结' } as const;

const alreadyRated = () =>
  new AppError('conflict', '本环节已评价过，每个环节只能评价一次', 'This occasion was already rated; each is rated once', [
    fieldError('occasion', 'occasion：已评价', 'occasion: already rated'),
  ]);

/**
 * Errors: notFound (not the applicant's case), unprocessable (422: the occasion is not reached
 * yet, naming `occasion`), conflict (409: already rated for this occasion), validation.
 */
export async function rateCase(ctx: Ctx, caseId: string, input: EvaluationBody): Promise<MyCaseView> {
  const actor = requireApplicant(ctx);
  const body = Schema.parse(input);
  try {
    await inTx(ctx.deps, async (trx) => {
      const row = await ownCase(trx, actor.userId, caseId);
      const v = await getItemVersion(trx, row.item_version_id);
      const state = foldCase(caseItemOf(v), (await listCaseActions(trx, row.id)).map(toAction), await loadCalendar(trx, row.center_path));
      if (!invitedOccasions(state).includes(body.occasion)) {
        const zh = OCCASION_ZH[body.occasion];
        throw new AppError('unprocessable', `办件尚未${zh}，暂不能评价该环节`, `The case has not reached ${body.occasion} yet; it cannot be rated for it`, [
          fieldError('occasion', `occasion：尚未${zh}`, `occasion: not reached yet`),
        ]);
      }
      const id = randomUUID();
      const rating = {
        id, case_id: row.id, center_id: row.center_id, department_id: row.department_id, window_id: null, item_id: row.item_id,
        occasion: body.occasion, channel: 'online', level: body.level, comment: body.comment, rater_user_id: actor.userId, created_at: nowIso(ctx.deps),
      };
      await insertEvaluation(trx, rating);
      await recordAction(trx, ctx, { entity: 'evaluation', entityId: id, action: 'rate', payload: { caseId: row.id, occasion: body.occasion, level: body.level } });
      // the occasion is rated; a bad review opens its rectification (evaluation/rate.ts)
      await afterHallRating(trx, ctx, rating);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyRated();
    throw e;
  }
  return myCase(ctx, caseId);
}
