/**
 * A bundle run (一件事办件) as the pure rules see it: the stages of the bundle, each with the child
 * cases opened for its items, and what the run does next when a child case moves.
 *
 * - A child case is `done` once concluded (or delivered) approved, `failed` when it ends any
 *   other way (not accepted, withdrawn, terminated, a denial; a forwarded case waits for the
 *   higher authority's answer), `open` otherwise.
 * - A failed child stops the run at once: the rest of the bundle cannot be had without it.
 * - When every child of the stage in progress is done, the next stage opens; after the last
 *   stage the run is concluded.
 * - The run's one deadline (一个时限) is fixed at acceptance: the sum over stages of the longest
 *   item's limit (limits.ts), counted in working days from the acceptance date.
 */
import { addWorkdays, type DateString, type WorkCalendar } from '../calendar/index.js';
import type { BundleLimits } from './limits.js';

export const BUNDLE_RUN_STATUSES = ['inProgress', 'concluded', 'stopped'] as const;
export type BundleRunStatus = (typeof BUNDLE_RUN_STATUSES)[number];

export const BUNDLE_RUN_STATUS_LABELS: Record<BundleRunStatus, [string, string]> = {
  inProgress: ['办理中', 'in progress'],
  concluded: ['已办结', 'concluded'],
  stopped: ['已终止', 'stopped'],
};

export type ChildProgress = 'open' | 'done' | 'failed';

const FAILED_STATUSES = new Set(['notAccepted', 'withdrawn', 'terminated']);
const ENDED_STATUSES = new Set(['concluded', 'delivered']);

/** Where a child case stands for its run, from its status and outcome. */
export function childProgress(status: string, outcome: string | null): ChildProgress {
  if (FAILED_STATUSES.has(status)) return 'failed';
  if (ENDED_STATUSES.has(status)) {
    if (outcome === 'approved') return 'done';
    if (outcome === 'denied') return 'failed';
  }
  return 'open';
}

export interface RunChild {
  caseId: string;
  stage: number;
  status: string;
  outcome: string | null;
}

export type RunStep =
  | { kind: 'wait' }
  | { kind: 'openStage'; stage: number }
  | { kind: 'conclude' }
  | { kind: 'stop'; caseId: string };

/**
 * What the run does now, given its stage in progress, its number of stages and its children.
 * A stage with no child yet (not opened) waits: only a stage's closing opens the next.
 */
export function nextRunStep(stage: number, stageCount: number, children: readonly RunChild[]): RunStep {
  const failed = children.find((c) => childProgress(c.status, c.outcome) === 'failed');
  if (failed) return { kind: 'stop', caseId: failed.caseId };
  const current = children.filter((c) => c.stage === stage);
  if (current.length === 0 || current.some((c) => childProgress(c.status, c.outcome) !== 'done')) return { kind: 'wait' };
  return stage + 1 < stageCount ? { kind: 'openStage', stage: stage + 1 } : { kind: 'conclude' };
}

/** The run's one deadline: `limits` working days from the acceptance date (promised and statutory). */
export function runDeadlines(cal: WorkCalendar, acceptedOn: DateString, limits: Pick<BundleLimits, 'promisedLimit' | 'statutoryLimit'>) {
  return { promised: addWorkdays(cal, acceptedOn, limits.promisedLimit), statutory: addWorkdays(cal, acceptedOn, limits.statutoryLimit) };
}

/** The run number: `YJS` and the case number the center's scheme gives the run (its daily counter is shared with cases). */
export const RUN_NO_PREFIX = 'YJS';
export const runNo = (caseNo: string) => `${RUN_NO_PREFIX}${caseNo}`;

/** The reason a run stopped, in both languages, naming the child case and how it ended. */
export function stopReason(c: { caseNo: string; itemName: string; status: string; outcome: string | null }): [string, string] {
  const how: Record<string, [string, string]> = {
    notAccepted: ['不予受理', 'was not accepted'],
    withdrawn: ['已撤回', 'was withdrawn'],
    terminated: ['已终止', 'was terminated'],
  };
  const [zh, en] = how[c.status] ?? (c.outcome === 'denied' ? ['不予许可', 'was denied'] : ['未办结', 'did not conclude']);
  return [`子办件 ${c.caseNo}（${c.itemName}）${zh}，一件事办件终止`, `Child case ${c.caseNo} (${c.itemName}) ${en}; the bundle run stopped`];
}
