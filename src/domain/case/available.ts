/**
 * The moves an actor may make now — one function for the API's checks and the UI's buttons
 * (STYLE lesson 2). A kind is listed when the case's state allows it (guards.ts) and the actor's
 * role may make it (roles.ts); the content is then the form's business (validate.ts).
 */
import { guard } from './guards.js';
import { canWorkTask, roleMay, type CaseActor } from './roles.js';
import type { CaseState, CaseTask } from './state.js';
import { CASE_ACTION_KINDS, type CaseActionKind } from './types.js';

export function availableActions(state: CaseState, actor: CaseActor): CaseActionKind[] {
  // the refusals built here are only looked at, never thrown: no stack trace to capture (the
  // capture is most of their cost, and every case view asks for every action)
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return CASE_ACTION_KINDS.filter((kind) => roleMay(state, kind, actor) && guard(state, kind) === null);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The open tasks this actor may complete or return (the department inbox). */
export function workableTasks(state: CaseState, actor: CaseActor): CaseTask[] {
  return state.tasks.filter((t) => canWorkTask(t, actor));
}
