/**
 * Which tasks the review opens, and when (DESIGN §3–4; issue 4 并联审批): the item's procedure
 * steps between acceptance and the decision become tasks, grouped in stages as the catalogue
 * groups them (`procedureStages`): in a joint item a run of co-department steps is one stage —
 * every co-department is copied at once ("一家收件，抄告各方，同时受理") and each gives its opinion
 * (会签, task kind `opinion`) on its own limit; every other step is a stage of its own. A stage
 * opens when the previous one is done, all its tasks at once.
 */
import type { ItemData, ProcedureStep } from '../../../contracts/catalogue.js';
import type { ActionBase, CaseAction, CaseState } from '../../../domain/case/index.js';
import { procedureStages } from '../../../domain/catalogue/stages.js';

const NOT_TASKS: readonly ProcedureStep['kind'][] = ['accept', 'decide', 'deliver'];

export interface TaskStep {
  /** the step's 1-based place in the procedure */
  stepNo: number;
  step: ProcedureStep;
  /** a co-department's opinion on a joint case */
  opinion: boolean;
}

/**
 * The steps that become tasks, in stages: those between acceptance and the decision. What follows
 * the decision (制证, 送达) is the window's work after conclusion — not a task holding it up.
 */
export function taskStages(item: ItemData): TaskStep[][] {
  const acceptAt = item.procedure.findIndex((s) => s.kind === 'accept');
  const decideAt = item.procedure.findIndex((s) => s.kind === 'decide');
  const isTask = (i: number) => i > acceptAt && (decideAt < 0 || i < decideAt) && !NOT_TASKS.includes(item.procedure[i].kind);
  const coStep = (i: number) => item.handlingClass === 'joint' && item.procedure[i].departmentId !== null && item.procedure[i].departmentId !== item.departmentId;
  return procedureStages(item)
    .map((stage) => stage.filter(isTask).map((i) => ({ stepNo: i + 1, step: item.procedure[i], opinion: coStep(i) })))
    .filter((stage) => stage.length > 0);
}

/** Every task step, in procedure order. */
export const taskSteps = (item: ItemData): TaskStep[] => taskStages(item).flat();

export const stepNoOf = (taskId: string): number | null => {
  const m = /^(\d+)\.\d+$/.exec(taskId);
  return m ? Number(m[1]) : null;
};

/** The openTask action for a step: its `n`th task. */
function openStep(item: ItemData, t: TaskStep, n: number, base: ActionBase): CaseAction {
  return {
    ...base,
    kind: 'openTask',
    taskId: `${t.stepNo}.${n}`,
    name: t.step.name,
    assignee: { departmentId: t.step.departmentId ?? item.departmentId, role: t.step.role, userId: null },
    limitDays: t.step.limitDays,
    taskKind: t.opinion ? 'opinion' : 'review',
  };
}

/** Opens every task of a stage, each numbered after the tasks its step already had. */
function openStage(s: CaseState, item: ItemData, stage: readonly TaskStep[], base: ActionBase): CaseAction[] {
  return stage.map((t) => openStep(item, t, s.tasks.filter((x) => stepNoOf(x.id) === t.stepNo).length + 1, base));
}

/** Starting review: the first stage's tasks. */
export function firstStage(next: CaseState, base: ActionBase, item: ItemData): CaseAction[] {
  const first = taskStages(item)[0];
  return first ? openStage(next, item, first, base) : [];
}

/**
 * After a task of step `doneStepNo` is closed: nothing while another task of its stage is open;
 * else the next stage's tasks.
 */
export function afterTask(next: CaseState, base: ActionBase, item: ItemData, doneTaskId: string): CaseAction[] {
  const done = stepNoOf(doneTaskId);
  if (done === null) return [];
  const stages = taskStages(item);
  const at = stages.findIndex((st) => st.some((t) => t.stepNo === done));
  if (at < 0) return [];
  const stepsHere = new Set(stages[at].map((t) => t.stepNo));
  if (next.tasks.some((t) => t.status === 'open' && stepsHere.has(stepNoOf(t.id) ?? -1))) return [];
  const following = stages[at + 1];
  return following ? openStage(next, item, following, base) : [];
}
