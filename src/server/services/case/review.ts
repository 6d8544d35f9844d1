/**
 * The department's review (DESIGN §4 "Work items"): an accepted case is routed to the back office
 * and its item version's procedure steps become tasks, worked one after another; a task is
 * completed with an opinion, or returned to the previous step with a reason.
 *
 * Decisions:
 * - Only the steps after the (first) accept step become tasks, and not the `decide` and `deliver`
 *   steps: those are the case's own moves (decide, deliver) with their own role rules — a
 *   "决定" task would have to be completed before the decision it stands for.
 * - Tasks run in procedure order, stage by stage (stages.ts): starting review opens the first
 *   stage; completing the last open task of a stage opens the next one, in the same transaction
 *   (move.ts follow-ups), so the case is never seen between steps with no task open (where a
 *   decision would be allowed too early). A joint item's co-department steps form one stage:
 *   their opinion tasks open together, each answered (同意 / 不同意 / 同意但需转报) on its own.
 * - A task's id is `{stepNo}.{n}`: the step's 1-based place in the procedure and how many tasks
 *   that step has had (a returned step's successor is opened again as a new task).
 * - A step's assignee is its department (the item's own when the step names none) and role; its
 *   limit is the step's. No step left after acceptance: review starts with no task, and the
 *   decider may decide at once.
 *
 * Errors (all): forbidden (no case:accept / case:review, not over the case's center and
 * department, or the domain's role rule — e.g. a reviewer of another department), notFound,
 * conflict (409, stale `version`, naming the case), invalidState (409, naming the status;
 * `case.noPreviousStep` when the first step is returned), validation (400: unknown task, blank
 * return reason — the field named).
 */
import type { CompleteTaskBody, ReturnTaskBody, StartReviewBody } from '../../../contracts/case-review.js';
import { CompleteTaskBody as CompleteSchema, ReturnTaskBody as ReturnSchema, StartReviewBody as StartSchema } from '../../../contracts/case-review.js';
import type { CaseView } from '../../../contracts/case.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';
import { afterTask, firstStage } from './stages.js';

export { taskSteps } from './stages.js';

/** accepted → inReview, the first task step opened. */
export function startReview(ctx: Ctx, id: string, input: StartReviewBody): Promise<CaseView> {
  const body = StartSchema.parse(input);
  return moveCase(
    ctx,
    id,
    body.version,
    'case:accept',
    (base) => ({ ...base, kind: 'startReview' }),
    (next, base, { item }) => firstStage(next, base, item),
  );
}

/** The task done with an opinion; the next task step (if any) opened. */
export function completeTask(ctx: Ctx, id: string, taskId: string, input: CompleteTaskBody): Promise<CaseView> {
  const body = CompleteSchema.parse(input);
  return moveCase(
    ctx,
    id,
    body.version,
    'case:review',
    (base) => ({ ...base, kind: 'completeTask', taskId, opinion: body.opinion, ...(body.answer ? { answer: body.answer } : {}) }),
    (next, base, { item }) => afterTask(next, base, item, taskId),
  );
}

/** The task returned; the step completed last is opened again (the domain's returnTask). */
export function returnTask(ctx: Ctx, id: string, taskId: string, input: ReturnTaskBody): Promise<CaseView> {
  const body = ReturnSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:review', (base) => ({ ...base, kind: 'returnTask', taskId, reason: body.reason }));
}
