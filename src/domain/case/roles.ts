/**
 * Who may make each move (DESIGN §1): the clerk runs the window, the chief representative also
 * decides the items his department delegated, reviewers work their department's tasks, the
 * department leader decides, the applicant submits, supplies and withdraws, the system fires
 * timers. Scope (center, department, own case) is the services' check; this is the role rule.
 */
import type { CaseState, CaseTask } from './state.js';
import type { CaseActionKind, CaseRole } from './types.js';

export interface CaseActor {
  id: string;
  role: CaseRole;
  /** the department the actor's role is held in (reviewers, leaders, chief reps) */
  departmentId?: string | null;
  /** the item is delegated (授权) to the chief representative: he may decide at the window */
  delegated?: boolean;
}

/** May `actor` work `task`? A named person only; otherwise the role, in the task's department. */
export function canWorkTask(task: CaseTask, actor: CaseActor): boolean {
  if (task.status !== 'open') return false;
  if (task.assignee.userId !== null) return task.assignee.userId === actor.id;
  return actor.role === task.assignee.role && (task.assignee.departmentId === null || task.assignee.departmentId === (actor.departmentId ?? null));
}

const hasTask = (s: CaseState, a: CaseActor) => s.tasks.some((t) => canWorkTask(t, a));
const is = (...roles: CaseRole[]) => (_s: CaseState, a: CaseActor) => roles.includes(a.role);
/** The department's decision-maker: its leader, or the chief rep on a delegated item. */
const decider = (_s: CaseState, a: CaseActor) => a.role === 'deptLeader' || (a.role === 'chiefRep' && a.delegated === true);
const atWindow = is('clerk', 'chiefRep');

const MAY: Record<CaseActionKind, (s: CaseState, a: CaseActor) => boolean> = {
  submit: is('applicant', 'clerk'),
  accept: atWindow,
  concludeImmediately: atWindow,
  refuse: atWindow,
  // before acceptance only the window asks; during review the back office finds the fault too
  requestSupplement: (s, a) => atWindow(s, a) || (s.acceptedOn !== null && (a.role === 'deptLeader' || (a.role === 'reviewer' && hasTask(s, a)))),
  supply: is('applicant', 'clerk'),
  supplementExpired: is('system'),
  // online by the applicant, or recorded by the clerk from the applicant's written request
  askRecheck: is('applicant', 'clerk'),
  answerRecheck: is('supervisor'),
  startReview: is('clerk', 'chiefRep', 'system'),
  suspend: (s, a) => decider(s, a) || (a.role === 'reviewer' && hasTask(s, a)),
  resume: (s, a) => decider(s, a) || (a.role === 'reviewer' && hasTask(s, a)),
  deferredOverdue: is('system'),
  openTask: is('system', 'clerk', 'chiefRep', 'reviewer', 'deptLeader'),
  // the system closes a co-department's silent opinion as deemed consent (validate.ts checks when)
  completeTask: (s, a) => hasTask(s, a) || (a.role === 'system' && s.tasks.some((t) => t.status === 'open' && t.kind === 'opinion')),
  returnTask: hasTask,
  decide: decider,
  recordForwardAnswer: is('clerk', 'chiefRep', 'deptLeader'),
  conclude: decider,
  deliver: atWindow,
  // the clerk records a withdrawal the applicant asks for in writing at the window
  withdraw: is('applicant', 'clerk'),
  // the system only returns a case whose 容缺 materials stayed missing (validate.ts checks the grounds)
  terminate: (s, a) => decider(s, a) || (a.role === 'system' && s.status === 'suspended' && s.pauses.some((p) => p.to === null && p.kind === 'deferredMaterial')),
  assessFee: atWindow,
  // the window or the department's leader flags a case for the green channel (DESIGN §4)
  greenChannel: is('clerk', 'chiefRep', 'deptLeader'),
  payFee: is('clerk', 'chiefRep', 'system'),
  cancelFee: atWindow,
  refundFee: atWindow,
};

/** May this actor's role make this kind of move on this case (ignoring the status)? */
export function roleMay(s: CaseState, kind: CaseActionKind, actor: CaseActor): boolean {
  return MAY[kind](s, actor);
}
