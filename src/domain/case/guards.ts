/**
 * Which moves the case's state allows, whoever asks: the status rules of DESIGN §4 and its
 * invariants (no decision while a task is open or 容缺 materials are owed, no delivery while a
 * fee is unpaid, an immediate case concluded at acceptance). `transition` and `availableActions`
 * both use these, so a button is shown exactly when the move would be accepted.
 */
import { caseError, type CaseError, type CaseErrorCode } from './errors.js';
import { isAccepted, isDecided, openPause, openTasks, owedFees, owedMaterials, type CaseState } from './state.js';
import type { CaseActionKind, CaseStatus } from './types.js';

type Guard = (s: CaseState) => CaseError | null;
type Why = { zh: string; en: string };

/** The case is being worked on by the department (after acceptance, before conclusion, not paused). */
const working = (s: CaseState) => s.status === 'accepted' || s.status === 'inReview';
/** Before acceptance: the clock has not started. */
const beforeAcceptance = (s: CaseState) => s.status === 'submitted' || (s.status === 'supplementRequired' && !isAccepted(s));
const WITHDRAWABLE: readonly CaseStatus[] = ['draft', 'submitted', 'supplementRequired', 'accepted', 'inReview', 'suspended'];
const OPEN: readonly CaseStatus[] = ['submitted', 'supplementRequired', 'accepted', 'inReview', 'suspended'];
const FEE_ASSESSABLE: readonly CaseStatus[] = ['accepted', 'inReview', 'suspended', 'supplementRequired', 'concluded'];
const FEE_PAYABLE_NOT: readonly CaseStatus[] = ['draft', 'notAccepted', 'withdrawn', 'terminated'];

const ALREADY_DECIDED: Why = { zh: '已作出决定', en: 'a decision has been made' };
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** A guard that refuses with `code` and `why` unless `ok` holds. */
const need =
  (ok: (s: CaseState) => boolean, why?: Why | ((s: CaseState) => Why), code: CaseErrorCode = 'case.invalidState') =>
  (kind: CaseActionKind): Guard =>
  (s) =>
    ok(s) ? null : caseError(code, s.status, kind, typeof why === 'function' ? why(s) : why);

/** Every guard in turn; the first refusal wins. */
const all =
  (...parts: ((kind: CaseActionKind) => Guard)[]) =>
  (kind: CaseActionKind): Guard =>
  (s) => {
    for (const p of parts) {
      const e = p(kind)(s);
      if (e) return e;
    }
    return null;
  };

const status = (...statuses: CaseStatus[]) => need((s) => statuses.includes(s.status));
const notDecided = need((s) => !isDecided(s), ALREADY_DECIDED);
const noOpenTask = need(
  (s) => openTasks(s).length === 0,
  (s) => {
    const names = openTasks(s).map((t) => t.name).join('、');
    return { zh: `尚有未完成的办理环节（${names}）`, en: `a task is still open (${names})` };
  },
  'case.taskOpen',
);
const noOwedMaterials = need((s) => owedMaterials(s).length === 0, { zh: '容缺材料尚未补齐', en: 'deferred materials are still owed' }, 'case.materialsOwed');
const notImmediate = need((s) => s.item.handlingClass !== 'immediate', { zh: '即办件应当场办结', en: 'an immediate case is concluded on the spot' }, 'case.immediate');

const GUARDS: Record<CaseActionKind, (kind: CaseActionKind) => Guard> = {
  submit: status('draft'),
  accept: all(status('submitted'), notImmediate),
  concludeImmediately: all(
    status('submitted'),
    need((s) => s.item.handlingClass === 'immediate', { zh: '只有即办件可以当场办结', en: 'only an immediate case is concluded on the spot' }, 'case.notImmediate'),
  ),
  requestSupplement: all(need((s) => s.status === 'submitted' || working(s)), notDecided),
  supply: need(
    (s) => s.status === 'supplementRequired' || (owedMaterials(s).length > 0 && (working(s) || (s.status === 'suspended' && openPause(s)?.kind === 'deferredMaterial'))),
    { zh: '没有待补交的材料', en: 'no materials are awaited' },
  ),
  supplementExpired: all(
    need((s) => s.status === 'supplementRequired' && !isAccepted(s)),
    need((s) => s.supplement?.dueDate != null, { zh: '本次补正未设期限', en: 'the request has no due date' }),
  ),
  refuse: need(beforeAcceptance, { zh: '受理后不能再不予受理，应作出决定', en: 'after acceptance the case is decided, not refused' }),
  askRecheck: all(status('notAccepted'), need((s) => s.refusal !== null && s.refusal.recheck === null, { zh: '已申请过复核', en: 'a recheck was already asked for' })),
  answerRecheck: all(status('notAccepted'), need((s) => s.refusal?.recheck != null && s.refusal.recheck.answer === null, { zh: '没有待答复的复核申请', en: 'no recheck is pending' })),
  startReview: all(status('accepted'), notDecided),
  suspend: all(need(working), notDecided),
  resume: need((s) => s.status === 'suspended' && openPause(s)?.kind === 'specialProcedure', { zh: '未处于特别程序中', en: 'no special procedure is under way' }),
  deferredOverdue: all(need(working), notDecided, need((s) => owedMaterials(s).length > 0, { zh: '没有尚欠的容缺材料', en: 'no deferred materials are owed' })),
  openTask: need(working),
  completeTask: all(need(working), need((s) => openTasks(s).length > 0, { zh: '没有进行中的办理环节', en: 'no task is open' })),
  returnTask: all(
    need(working),
    notDecided,
    need((s) => openTasks(s).length > 0, { zh: '没有进行中的办理环节', en: 'no task is open' }),
    need((s) => s.tasks.some((t) => t.status === 'completed'), { zh: '没有可退回的上一环节', en: 'there is no previous step' }, 'case.noPreviousStep'),
  ),
  decide: all(need(working), notImmediate, notDecided, noOpenTask, noOwedMaterials),
  recordForwardAnswer: all(
    need(working),
    need((s) => s.decision?.outcome === 'forwarded' && s.forward?.answer === null, { zh: '没有待答复的上报', en: 'no forwarded decision awaits an answer' }),
  ),
  conclude: all(
    need(working),
    need(isDecided, { zh: '尚未作出决定', en: 'no decision has been made' }),
    need((s) => s.decision?.outcome !== 'forwarded' || s.forward?.answer != null, { zh: '上级机关尚未答复', en: 'the higher authority has not answered' }),
    noOpenTask,
  ),
  deliver: all(
    status('concluded'),
    need(
      (s) => owedFees(s).length === 0,
      (s) => ({ zh: `尚有未缴清的费用（${yuan(s.owedFen)}元）`, en: `fees of ¥${yuan(s.owedFen)} are unpaid` }),
      'case.feeUnpaid',
    ),
  ),
  withdraw: all(status(...WITHDRAWABLE), notDecided),
  terminate: need(
    (s) => OPEN.includes(s.status) || ((s.status === 'concluded' || s.status === 'delivered') && s.pledged.length > 0 && !s.revoked),
  ),
  assessFee: need((s) => isAccepted(s) && FEE_ASSESSABLE.includes(s.status)),
  payFee: all(need((s) => !FEE_PAYABLE_NOT.includes(s.status)), need((s) => owedFees(s).length > 0, { zh: '没有待缴的费用', en: 'no fee is owed' })),
  cancelFee: need((s) => owedFees(s).length > 0, { zh: '没有待缴的费用', en: 'no fee is owed' }),
  refundFee: need((s) => s.fees.some((f) => f.status === 'paid'), { zh: '没有已缴的费用', en: 'no fee has been paid' }),
  greenChannel: status(...OPEN),
};

/** Why the state refuses a move of this kind, or null when the state allows it. */
export function guard(s: CaseState, kind: CaseActionKind): CaseError | null {
  return GUARDS[kind](kind)(s);
}
