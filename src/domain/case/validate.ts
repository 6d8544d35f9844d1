/**
 * The payload rules of each move: what must be said (a refusal's reason and legal basis, a
 * denial's reasons…), which task or fee it names, and dates that follow the rules (a 容缺 due
 * date within the promised limit, a timer firing only after its due date). Run by `transition`
 * after the state's guard.
 */
import { MAX_LIMIT, addWorkdays, deadlineWithPauses, type WorkCalendar } from '../calendar/index.js';
import { ROLES } from '../permissions.js';
import { caseError, type CaseError } from './errors.js';
import { isDecided, openPause, owedMaterials, type CaseState } from './state.js';
import { SPECIAL_PROCEDURES, TASK_ANSWERS, TASK_KINDS, type ActionOf, type CaseAction } from './types.js';
import { date, decision, delivery, integer, materials, problem, text, texts, type FieldProblem } from './validate-parts.js';

const PROBLEMS = ['missing', 'wrong', 'incomplete'];
const METHODS = ['cash', 'card', 'online'];
const GROUNDS = ['falsePledge', 'deferredMissing', 'other'];

function accept(s: CaseState, a: ActionOf<'accept'>, cal: WorkCalendar): FieldProblem | null {
  const p = materials(a.pledged, 'pledged', true);
  if (p || a.deferred === null) return p;
  const d = materials(a.deferred?.materials, 'deferred.materials') ?? date(a.deferred.dueDate, 'deferred.dueDate');
  if (d) return d;
  // the commitment's due date lies within the promised limit (DESIGN §4 容缺受理)
  const latest = addWorkdays(cal, a.date, s.item.promisedLimit);
  if (a.deferred.dueDate < a.date || a.deferred.dueDate > latest) {
    return problem('deferred.dueDate', `容缺材料补齐期限应在受理日至承诺期限（${latest}）之间`, `The deferred materials are due between acceptance and the promised deadline (${latest})`);
  }
  return null;
}

function requestSupplement(a: ActionOf<'requestSupplement'>): FieldProblem | null {
  const p = materials(a.materials, 'materials');
  if (p) return p;
  const i = a.materials.findIndex((m) => !PROBLEMS.includes(m.problem) || typeof m.note !== 'string');
  if (i >= 0) return problem(`materials.${i}.problem`, '须说明材料缺少、有误或不完整', 'Say whether the material is missing, wrong or incomplete');
  if (a.dueDate === null) return null;
  return date(a.dueDate, 'dueDate') ?? (a.dueDate < a.date ? problem('dueDate', '补正期限不能早于今天', 'The due date cannot be in the past') : null);
}

function supply(s: CaseState, a: ActionOf<'supply'>): FieldProblem | null {
  const p = texts(a.materials, 'materials', '补交的材料', 'The materials supplied');
  if (p || s.status === 'supplementRequired') return p;
  const owed = owedMaterials(s);
  return a.materials.some((c) => owed.includes(c)) ? null : problem('materials', '所交材料不在尚欠的容缺材料之列', 'None of these materials is owed');
}

function terminate(s: CaseState, a: ActionOf<'terminate'>): FieldProblem | null {
  const p = text(a.reason, 'reason', '终止原因', 'The reason');
  if (p) return p;
  if (!GROUNDS.includes(a.grounds)) return problem('grounds', '终止依据无效', 'Invalid grounds');
  const after = s.status === 'concluded' || s.status === 'delivered';
  if (after && a.grounds !== 'falsePledge') return problem('grounds', '办结后只能因虚假承诺终止', 'After conclusion a case is terminated only for a false pledge');
  if (a.grounds === 'falsePledge' && s.pledged.length === 0) return problem('grounds', '本件没有告知承诺', 'The case has no pledge');
  const deferredSuspension = s.status === 'suspended' && openPause(s)?.kind === 'deferredMaterial';
  if (a.grounds === 'deferredMissing' && !deferredSuspension) return problem('grounds', '本件未因容缺材料逾期暂停', 'The case is not suspended for overdue deferred materials');
  if (a.role === 'system' && a.grounds !== 'deferredMissing') return problem('grounds', '系统只能因容缺材料逾期终止', 'The system terminates only for missing deferred materials');
  return null;
}

function greenChannel(s: CaseState, a: ActionOf<'greenChannel'>): FieldProblem | null {
  if (typeof a.on !== 'boolean') return problem('on', '应说明设置或取消绿色通道', 'Say whether the green channel is set or lifted');
  const p = text(a.reason, 'reason', '绿色通道的理由', 'The reason');
  if (p || !a.on) return p ?? (s.greenChannel === null ? problem('on', '本件未设绿色通道', 'The case is not in the green channel') : null);
  return text(a.escortId ?? undefined, 'escortId', '领办人', 'The escort') ?? text(a.escortName, 'escortName', '领办人姓名', "The escort's name");
}

function task(s: CaseState, id: string): FieldProblem | null {
  const t = s.tasks.find((x) => x.id === id);
  if (!t) return problem('taskId', '办理环节不存在', 'No such task', 'case.unknownTask');
  return t.status === 'open' ? null : problem('taskId', `办理环节“${t.name}”未在进行中`, `Task "${t.name}" is not open`);
}

/**
 * An answer belongs to a co-department's opinion task; 超时默认 is the system's alone, and only
 * once the task's own limit has passed.
 */
function answer(s: CaseState, a: ActionOf<'completeTask'>, cal: WorkCalendar): FieldProblem | null {
  const t = s.tasks.find((x) => x.id === a.taskId)!;
  if (a.answer !== undefined && !(TASK_ANSWERS as readonly string[]).includes(a.answer)) return problem('answer', '会签意见无效', 'Invalid answer');
  if (a.answer !== undefined && t.kind !== 'opinion') return problem('answer', `“${t.name}”不是会签环节`, `"${t.name}" asks for no answer`);
  const bySystem = a.role === 'system';
  if (bySystem !== (a.answer === 'deemedConsent' || a.answer === 'absentConsent')) {
    return problem('answer', '超时默认、缺席默认同意只能由系统作出', 'Only the system deems consent (overdue or absent)');
  }
  // 缺席默认: the meeting's record is the ground, not the task's limit
  if (bySystem && a.answer === 'deemedConsent') {
    const due = deadlineWithPauses(cal, t.openedOn, t.limitDays, s.pauses, a.date);
    if (a.date <= due) return problem('date', `会签时限至 ${due}，尚未届满`, `The opinion is due ${due}; not yet overdue`, 'case.tooEarly');
  }
  return null;
}

function fee(s: CaseState, id: string, wanted: 'assessed' | 'paid'): FieldProblem | null {
  const f = s.fees.find((x) => x.id === id);
  if (!f) return problem('feeId', '收费项目不存在', 'No such fee', 'case.unknownFee');
  if (f.status === wanted) return null;
  return wanted === 'assessed' ? problem('feeId', `“${f.name}”不是待缴费用`, `"${f.name}" is not owed`) : problem('feeId', `“${f.name}”未缴费`, `"${f.name}" has not been paid`);
}

function payload(s: CaseState, a: CaseAction, cal: WorkCalendar): FieldProblem | null {
  switch (a.kind) {
    case 'submit':
      return a.channel === 'online' || a.channel === 'window' ? null : problem('channel', '渠道应为网上或窗口', 'The channel is online or window');
    case 'accept':
      return accept(s, a, cal);
    case 'requestSupplement':
      return requestSupplement(a);
    case 'supply':
      return supply(s, a);
    case 'supplementExpired':
      return s.supplement?.dueDate != null && a.date <= s.supplement.dueDate
        ? problem('date', `补正期限至 ${s.supplement.dueDate}，尚未届满`, `The supplement is due ${s.supplement.dueDate}; it has not expired`, 'case.tooEarly')
        : null;
    case 'refuse':
      return text(a.reason, 'reason', '不予受理的理由', 'The reason for refusing') ?? texts(a.legalBasis, 'legalBasis', '不予受理的法律依据', 'The legal basis for refusing') ??
        (a.redirectTo === null ? null : text(a.redirectTo, 'redirectTo', '受理机关或窗口', 'Where to go'));
    case 'askRecheck':
    case 'answerRecheck':
      return text(a.reason, 'reason', '理由', 'The reason');
    case 'concludeImmediately':
      // the type allows approved / denied only; a forwarded decision from outside is caught here
      return (a.decision?.outcome as string) === 'forwarded' ? problem('decision.outcome', '即办件不能上报', 'An immediate case is not forwarded') : decision(a.decision, 'decision');
    case 'suspend':
      if (!SPECIAL_PROCEDURES.includes(a.procedure) || (s.item.specialProcedures && !s.item.specialProcedures.includes(a.procedure))) {
        return problem('procedure', '该事项没有此特别程序', 'The item has no such special procedure');
      }
      return text(a.reason, 'reason', '特别程序的理由', 'The reason') ?? integer(a.limitDays, 1, MAX_LIMIT, 'limitDays', '特别程序时限', 'The procedure’s limit');
    case 'deferredOverdue':
      return s.deferred && a.date <= s.deferred.dueDate
        ? problem('date', `容缺材料补齐期限至 ${s.deferred.dueDate}，尚未届满`, `The deferred materials are due ${s.deferred.dueDate}; not yet overdue`, 'case.tooEarly')
        : null;
    case 'openTask':
      if (s.tasks.some((t) => t.id === a.taskId)) return problem('taskId', '办理环节编号重复', 'The task id is already used', 'case.duplicate');
      return text(a.taskId, 'taskId', '环节编号', 'The task id') ?? text(a.name, 'name', '环节名称', 'The task name') ??
        integer(a.limitDays, 0, MAX_LIMIT, 'limitDays', '环节时限', 'The task limit') ??
        ((ROLES as readonly string[]).includes(a.assignee?.role) ? null : problem('assignee.role', '承办角色无效', 'Invalid assignee role')) ??
        (a.taskKind === undefined || TASK_KINDS.includes(a.taskKind) ? null : problem('taskKind', '环节类型无效', 'Invalid task kind')) ??
        // a meeting's decision holds up the case's decision: once decided, none is opened
        (a.taskKind === 'meeting' && isDecided(s) ? problem('taskKind', '已作出决定，不能再派发联审会决定事项', 'A decision has been made: no meeting task can be opened') : null);
    case 'completeTask':
      return task(s, a.taskId) ?? (typeof a.opinion === 'string' ? null : problem('opinion', '意见应为文字', 'The opinion must be text')) ?? answer(s, a, cal);
    case 'returnTask':
      return task(s, a.taskId) ?? text(a.reason, 'reason', '退回理由', 'The reason for returning') ??
        // a meeting's decision is not a step of the procedure: there is no previous step to send it to
        (s.tasks.find((t) => t.id === a.taskId)?.kind === 'meeting' ? problem('taskId', '联审会决定事项不能退回', 'A meeting task cannot be returned') : null);
    case 'decide':
      if (a.decision?.outcome === 'forwarded' && s.item.handlingClass !== 'reportUp') return problem('decision.outcome', '只有上报件可以上报', 'Only a report-up item is forwarded');
      if (a.decision?.outcome === 'approved' && s.item.handlingClass === 'reportUp') return problem('decision.outcome', '上报件由上级机关决定，应上报', 'A report-up item is decided by the higher authority: forward it');
      if (a.decision?.outcome === 'forwarded' && a.decision.answerDue !== undefined && a.decision.answerDue < a.date) return problem('decision.answerDue', '上级答复期限不能早于今天', 'The answer cannot be due before today');
      return decision(a.decision, 'decision');
    case 'recordForwardAnswer':
      return a.result === 'approved' || a.result === 'denied' ? text(a.reference, 'reference', '上级答复文号', 'The answer’s reference') : problem('result', '答复结果无效', 'Invalid result');
    case 'conclude':
    case 'startReview':
    case 'resume':
      return null;
    case 'deliver':
      return delivery(a.delivery, a.date);
    case 'withdraw':
      return typeof a.reason === 'string' ? null : problem('reason', '撤回理由应为文字', 'The reason must be text');
    case 'terminate':
      return terminate(s, a);
    case 'assessFee':
      if (s.fees.some((f) => f.id === a.feeId)) return problem('feeId', '收费项目编号重复', 'The fee id is already used', 'case.duplicate');
      return text(a.feeId, 'feeId', '收费编号', 'The fee id') ?? text(a.name, 'name', '收费项目', 'The fee name') ??
        text(a.licenceNo, 'licenceNo', '收费许可证号', 'The fee licence number') ?? integer(a.amountFen, 1, Number.MAX_SAFE_INTEGER, 'amountFen', '收费金额（分）', 'The amount in fen');
    case 'payFee':
      return fee(s, a.feeId, 'assessed') ?? (METHODS.includes(a.method) ? null : problem('method', '缴费方式应为现金、刷卡或网上支付', 'Pay by cash, card or online')) ??
        (a.method === 'online' ? text(a.reference, 'reference', '网上支付流水号', 'The online payment reference') : null) ?? text(a.receiptNo, 'receiptNo', '票据号码', 'The receipt number');
    case 'cancelFee':
      return fee(s, a.feeId, 'assessed') ?? text(a.reason, 'reason', '取消理由', 'The reason');
    case 'refundFee':
      return fee(s, a.feeId, 'paid') ?? text(a.reason, 'reason', '退费理由', 'The reason for the refund');
    case 'greenChannel':
      return greenChannel(s, a);
  }
}

/** Who and when: a real date not before the previous action's, an instant, an actor. */
function envelope(s: CaseState, a: CaseAction): FieldProblem | null {
  const p = date(a.date, 'date') ?? (Number.isNaN(Date.parse(a.at)) ? problem('at', '时间无效', 'Invalid instant') : null) ?? text(a.actorId, 'actorId', '经办人', 'The actor');
  if (p) return p;
  return s.lastDate !== null && a.date < s.lastDate
    ? problem('date', `日期早于上一操作（${s.lastDate}）`, `The date is before the previous action (${s.lastDate})`, 'case.dateOrder')
    : null;
}

/** The first problem with the action's content, or null. */
export function validate(s: CaseState, a: CaseAction, cal: WorkCalendar): CaseError | null {
  const p = envelope(s, a) ?? payload(s, a, cal);
  return p ? caseError(p.code ?? 'case.invalidInput', s.status, a.kind, { zh: p.zh, en: p.en, field: p.field }) : null;
}
