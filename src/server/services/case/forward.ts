/**
 * The higher authority's answer to a forwarded case (上报件, DESIGN §4 "Forwarded"): approved or
 * denied, with its document number and a note. The case is tracked to the end ("接办负责、跟踪
 * 落实"): once the answer is in, the decider concludes it.
 *
 * Who: the domain's role rule — the window (clerk, chief rep) or the department's leader, who
 * receive the answer — under case:accept or, failing that, case:decide.
 *
 * Errors: forbidden (neither permission, not over the case's center and department, or the role
 * rule), notFound, conflict (409, stale `version`), invalidState (409, naming the status: no
 * forwarded decision awaiting an answer), validation (400: `result`, blank `reference`).
 */
import type { CaseView } from '../../../contracts/case.js';
import { ForwardAnswerBody as AnswerSchema, type ForwardAnswerBody } from '../../../contracts/case-more.js';
import type { Permission } from '../../../domain/permissions.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

const WINDOW_OR_DECIDER: readonly Permission[] = ['case:accept', 'case:decide'];

export function recordForwardAnswer(ctx: Ctx, id: string, input: ForwardAnswerBody): Promise<CaseView> {
  const body = AnswerSchema.parse(input);
  return moveCase(ctx, id, body.version, WINDOW_OR_DECIDER, (base) => ({
    ...base,
    kind: 'recordForwardAnswer',
    result: body.result,
    reference: body.reference,
    note: body.note,
  }));
}
