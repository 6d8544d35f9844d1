/**
 * Special procedures and termination (DESIGN §4). A special procedure (特别程序: hearing,
 * inspection, expert review… — only one the item version lists) stops the clock with a reason
 * and a limit of its own (行政许可法 Art. 45); resuming restarts it, and every working day paused
 * moves the case's and its tasks' deadlines by one (the domain's clock). Termination (终止) ends
 * an open case with its grounds and reason: its open tasks are cancelled and the clock stops.
 *
 * Who: the domain's role rules — the department's decider (its leader, or the chief rep on a
 * delegated item) suspends, resumes and terminates; a reviewer holding an open task of the case
 * may also suspend and resume it. Suspend / resume are made under case:decide or, failing that,
 * case:review (the decider's permission first).
 *
 * Errors (all): forbidden (neither permission, not over the case's center and department, or the
 * domain's role rule), notFound, conflict (409, stale `version`, naming the case), invalidState
 * (409, naming the status: suspending a case not under review or already decided, resuming one
 * not in a special procedure, terminating a closed case), validation (400, the field:
 * `procedure` not among the item's, `reason`, `limitDays`, `grounds`).
 */
import type { ResumeBody, SuspendBody, TerminateBody } from '../../../contracts/case-procedure.js';
import { ResumeBody as ResumeSchema, SuspendBody as SuspendSchema, TerminateBody as TerminateSchema } from '../../../contracts/case-procedure.js';
import type { CaseView } from '../../../contracts/case.js';
import type { Permission } from '../../../domain/permissions.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

const DECIDER_OR_REVIEWER: readonly Permission[] = ['case:decide', 'case:review'];

export function suspendCase(ctx: Ctx, id: string, input: SuspendBody): Promise<CaseView> {
  const body = SuspendSchema.parse(input);
  return moveCase(ctx, id, body.version, DECIDER_OR_REVIEWER, (base) => ({
    ...base,
    kind: 'suspend',
    procedure: body.procedure,
    reason: body.reason,
    limitDays: body.limitDays,
  }));
}

export function resumeCase(ctx: Ctx, id: string, input: ResumeBody): Promise<CaseView> {
  const body = ResumeSchema.parse(input);
  return moveCase(ctx, id, body.version, DECIDER_OR_REVIEWER, (base) => ({ ...base, kind: 'resume' }));
}

export function terminateCase(ctx: Ctx, id: string, input: TerminateBody): Promise<CaseView> {
  const body = TerminateSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:decide', (base) => ({ ...base, kind: 'terminate', grounds: body.grounds, reason: body.reason }));
}
