/**
 * The decision (决定) and conclusion (办结) of a case in the department (DESIGN §4): approved,
 * denied — with written reasons, legal basis and the rights statement (行政许可法 Art. 38) — or
 * forwarded to a higher authority (report-up items only). The department leader decides; the
 * chief representative decides at the window only an item the department delegated to him
 * (table `delegations`; access.ts sets `delegated`, the domain's role rule checks it).
 *
 * Errors (all): forbidden (no case:decide, not over the case's center and department, or the
 * role rule — a chief rep on an item not delegated), notFound, conflict (409, stale `version`,
 * naming the case), invalidState (409, naming the status: a task still open — `case.taskOpen`
 * names the tasks —, already decided, no decision yet at conclusion), validation (400, the field:
 * `decision.reasons`, `decision.legalBasis`, `decision.outcome` for a forward of an item that is
 * not report-up).
 */
import type { ConcludeBody, DecideBody } from '../../../contracts/case-review.js';
import { ConcludeBody as ConcludeSchema, DecideBody as DecideSchema } from '../../../contracts/case-review.js';
import type { CaseView } from '../../../contracts/case.js';
import { DEFAULT_RIGHTS_STATEMENT, type Decision } from '../../../domain/case/index.js';
import { addWorkdays } from '../../../domain/calendar/index.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

/** Working days the higher authority is given to answer a forwarded case unless the decider says otherwise. */
export const FORWARD_ANSWER_WORKDAYS = 20;

export function decideCase(ctx: Ctx, id: string, input: DecideBody): Promise<CaseView> {
  const body = DecideSchema.parse(input);
  const d = body.decision;
  const decision: Decision =
    d.outcome === 'denied'
      ? { outcome: 'denied', reasons: d.reasons, legalBasis: d.legalBasis, rightsStatement: d.rightsStatement || DEFAULT_RIGHTS_STATEMENT }
      : d;
  return moveCase(ctx, id, body.version, 'case:decide', (base, { cal }) => ({
    ...base,
    kind: 'decide',
    // a forwarded case is tracked to its answer (上报跟踪): due on the given date, or by default after FORWARD_ANSWER_WORKDAYS
    decision: decision.outcome === 'forwarded' ? { ...decision, answerDue: decision.answerDue ?? addWorkdays(cal, base.date, FORWARD_ANSWER_WORKDAYS) } : decision,
  }));
}

/** 办结: the clock stops; the result can then be delivered. */
export function concludeCase(ctx: Ctx, id: string, input: ConcludeBody): Promise<CaseView> {
  const body = ConcludeSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:decide', (base) => ({ ...base, kind: 'conclude' }));
}
