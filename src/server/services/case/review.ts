/**
 * The department's review (DESIGN §4 "Work items"): an accepted case is routed to the back office
 * and its item version's procedure steps become tasks, worked one after another; a task is
 * completed with an opinion, or returned to the previous step with a reason.
 *
 * Decisions:
 * - Only the steps after the (first) accept step become tasks, and not the `decide` and `deliver`
 *   steps: those are the case's own moves (decide, deliver) with their own role rules — a
 *   "决定" task would have to be completed before the decision it stands for.
 * - Tasks run in procedure order: starting review opens the first task step; completing a task
 *   opens the next one, in the same transaction (move.ts follow-ups), so the case is never seen
 *   between steps with no task open (where a decision would be allowed too early).
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
import type { ItemData, ProcedureStep } from '../../../contracts/catalogue.js';
import type { ActionBase, CaseAction, CaseState } from '../../../domain/case/index.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

const NOT_TASKS: readonly ProcedureStep['kind'][] = ['accept', 'decide', 'deliver'];

/**
 * The procedure steps that become tasks, with their 1-based place in the procedure: the steps
 * between acceptance and the decision. What follows the decision (制证, 送达) is the window's
 * work after conclusion — delivery — not a task that would hold the decision up.
 */
export function taskSteps(item: ItemData): { stepNo: number; step: ProcedureStep }[] {
  const acceptAt = item.procedure.findIndex((s) => s.kind === 'accept');
  const decideAt = item.procedure.findIndex((s) => s.kind === 'decide');
  return item.procedure
    .map((step, i) => ({ stepNo: i + 1, step }))
    .filter(({ stepNo, step }) => stepNo - 1 > acceptAt && (decideAt < 0 || stepNo - 1 < decideAt) && !NOT_TASKS.includes(step.kind));
}

const stepNoOf = (taskId: string): number | null => {
  const m = /^(\d+)\.\d+$/.exec(taskId);
  return m ? Number(m[1]) : null;
};

/** The openTask action for `stepNo`, numbered after the tasks that step already had. */
function openStep(s: CaseState, item: ItemData, stepNo: number, step: ProcedureStep, base: ActionBase): CaseAction {
  const n = s.tasks.filter((t) => stepNoOf(t.id) === stepNo).length + 1;
  return {
    ...base,
    kind: 'openTask',
    taskId: `${stepNo}.${n}`,
    name: step.name,
    assignee: { departmentId: step.departmentId ?? item.departmentId, role: step.role, userId: null },
    limitDays: step.limitDays,
  };
}

/** accepted → inReview, the first task step opened. */
export function startReview(ctx: Ctx, id: string, input: StartReviewBody): Promise<CaseView> {
  const body = StartSchema.parse(input);
  return moveCase(
    ctx,
    id,
    body.version,
    'case:accept',
    (base) => ({ ...base, kind: 'startReview' }),
    (next, base, { item }) => {
      const first = taskSteps(item)[0];
      return first ? [openStep(next, item, first.stepNo, first.step, base)] : [];
    },
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
    (base) => ({ ...base, kind: 'completeTask', taskId, opinion: body.opinion }),
    (next, base, { item }) => {
      const done = stepNoOf(taskId);
      const following = done === null ? undefined : taskSteps(item).find((x) => x.stepNo > done);
      return following ? [openStep(next, item, following.stepNo, following.step, base)] : [];
    },
  );
}

/** The task returned; the step completed last is opened again (the domain's returnTask). */
export function returnTask(ctx: Ctx, id: string, taskId: string, input: ReturnTaskBody): Promise<CaseView> {
  const body = ReturnSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:review', (base) => ({ ...base, kind: 'returnTask', taskId, reason: body.reason }));
}
