/**
 * One move on a case: `transition(state, action, ctx)` checks the state allows it (guards.ts),
 * optionally that the acting person may make it (roles.ts), that its content is complete
 * (validate.ts), and returns the next state — or the CaseError saying why not. It never throws
 * for a refused move, so services and tests handle refusals as values.
 */
import type { WorkCalendar } from '../calendar/index.js';
import { ACTION_LABELS } from './labels.js';
import { applyAction } from './apply.js';
import { derive } from './derive.js';
import { CaseError, caseError } from './errors.js';
import { guard } from './guards.js';
import { canWorkTask, roleMay, type CaseActor } from './roles.js';
import type { CaseState } from './state.js';
import type { CaseAction } from './types.js';
import { validate } from './validate.js';

export interface TransitionContext {
  /** the center's working-day calendar */
  cal: WorkCalendar;
  /**
   * The person acting, with department and delegation. When given, the move must be one
   * `availableActions` offers them (and a task move must name a task they may work); the
   * action's actorId and role must be theirs. Omitted when replaying a trusted history.
   */
  actor?: CaseActor;
}

export type TransitionResult = { ok: true; state: CaseState } | { ok: false; error: CaseError };

function actorProblem(s: CaseState, a: CaseAction, actor: CaseActor): CaseError | null {
  const [zh, en] = ACTION_LABELS[a.kind];
  const refuse = () => caseError('case.notAllowed', s.status, a.kind, { zh: `当前用户无权${zh}`, en: `you may not ${en} this case` });
  if (a.actorId !== actor.id || a.role !== actor.role) return refuse();
  if (!roleMay(s, a.kind, actor)) return refuse();
  if (a.kind === 'completeTask' || a.kind === 'returnTask') {
    const task = s.tasks.find((t) => t.id === a.taskId);
    const deemed = a.kind === 'completeTask' && actor.role === 'system';
    if (task && task.status === 'open' && !deemed && !canWorkTask(task, actor)) return refuse();
  }
  return null;
}

/** The next state after `action`, or the reason it is refused. */
export function transition(state: CaseState, action: CaseAction, ctx: TransitionContext): TransitionResult {
  const error = guard(state, action.kind) ?? (ctx.actor ? actorProblem(state, action, ctx.actor) : null) ?? validate(state, action, ctx.cal);
  if (error) return { ok: false, error };
  return { ok: true, state: derive(applyAction(state, action), ctx.cal) };
}

/** Like `transition`, but throws the CaseError: for callers that treat a refusal as exceptional. */
export function transitionOrThrow(state: CaseState, action: CaseAction, ctx: TransitionContext): CaseState {
  const r = transition(state, action, ctx);
  if (!r.ok) throw r.error;
  return r.state;
}
