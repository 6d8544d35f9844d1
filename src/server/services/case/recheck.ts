/**
 * The review of a refusal (复核, DESIGN §4 "Not accepted"): the applicant asks the center to look
 * again at a case it did not accept — recorded by the clerk from the applicant's written request
 * (online by the applicant once the online hall comes) — and the center's supervision office
 * answers: the refusal upheld (the case stays not accepted), or overturned (the case goes back to
 * the window as submitted, to be accepted).
 *
 * Who: asking is the applicant's move, recorded under case:intake over the case's center and
 * department; answering needs case:recheck over the case's center (the supervisor, a center-wide
 * role) — the domain's role rule gives it to the supervisor only.
 *
 * Errors (both): forbidden (the permission, the scope, or the role rule), notFound, conflict
 * (409, stale `version`), invalidState (409, naming the status: the case was not refused, a
 * recheck already asked, none pending), validation (400: blank `reason`).
 */
import type { CaseView } from '../../../contracts/case.js';
import {
  AnswerRecheckBody as AnswerSchema,
  type AnswerRecheckBody,
  AskRecheckBody as AskSchema,
  type AskRecheckBody,
} from '../../../contracts/case-more.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

export function askRecheck(ctx: Ctx, id: string, input: AskRecheckBody): Promise<CaseView> {
  const body = AskSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:intake', (base) => ({ ...base, kind: 'askRecheck', reason: body.reason }));
}

export function answerRecheck(ctx: Ctx, id: string, input: AnswerRecheckBody): Promise<CaseView> {
  const body = AnswerSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:recheck', (base) => ({ ...base, kind: 'answerRecheck', upheld: body.upheld, reason: body.reason }));
}
