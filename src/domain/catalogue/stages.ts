/**
 * Procedure stages: which steps run one after another and which run side by side.
 *
 * Decision (documented for the step-limit rule and the flowchart): in a joint item (联办件),
 * a run of consecutive steps worked by co-departments runs in parallel — the lead department
 * accepts and copies every co-department at once ("一家收件，抄告各方，同时受理"). Every other
 * step is a stage of its own. The procedure takes, in working days, the sum over stages of the
 * longest step in each stage (the same rule DESIGN §3 gives for bundles), and that sum must not
 * exceed the promised limit.
 */
import type { RuleItem } from './item.js';

type StageInput = Pick<RuleItem, 'handlingClass' | 'departmentId' | 'procedure'>;

function isCoStep(item: StageInput, i: number): boolean {
  const d = item.procedure[i].departmentId;
  return item.handlingClass === 'joint' && d !== null && d !== item.departmentId;
}

/** Step indexes grouped by stage, in order. */
export function procedureStages(item: StageInput): number[][] {
  const stages: number[][] = [];
  item.procedure.forEach((_, i) => {
    const last = stages[stages.length - 1];
    if (last && isCoStep(item, i) && isCoStep(item, last[last.length - 1])) last.push(i);
    else stages.push([i]);
  });
  return stages;
}

/** Working days the procedure takes: Σ over stages of the longest step. */
export function procedureDays(item: StageInput): number {
  return procedureStages(item).reduce(
    (sum, stage) => sum + Math.max(...stage.map((i) => item.procedure[i].limitDays)),
    0,
  );
}
