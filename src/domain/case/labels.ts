/** zh-CN / English labels of case statuses, outcomes and moves, used in messages and the UI dictionary. */
import type { CaseActionKind, CaseStatus, Outcome } from './types.js';

export const CASE_STATUS_LABELS: Record<CaseStatus, readonly [zh: string, en: string]> = {
  draft: ['草稿', 'a draft'],
  submitted: ['待受理', 'submitted'],
  supplementRequired: ['待补正', 'waiting for supplementary materials'],
  accepted: ['已受理', 'accepted'],
  inReview: ['审查中', 'in review'],
  suspended: ['暂停计时', 'suspended'],
  concluded: ['已办结', 'concluded'],
  delivered: ['已送达', 'delivered'],
  notAccepted: ['不予受理', 'not accepted'],
  withdrawn: ['已撤回', 'withdrawn'],
  terminated: ['已终止', 'terminated'],
};

export const OUTCOME_LABELS: Record<Outcome, readonly [zh: string, en: string]> = {
  approved: ['准予许可', 'approved'],
  denied: ['不予许可', 'denied'],
  forwarded: ['上报', 'forwarded'],
};

/** The move as a verb: "不能受理" / "Cannot accept". */
export const ACTION_LABELS: Record<CaseActionKind, readonly [zh: string, en: string]> = {
  submit: ['提交', 'submit'],
  accept: ['受理', 'accept'],
  requestSupplement: ['要求补正', 'request supplementary materials'],
  supply: ['补交材料', 'supply materials'],
  supplementExpired: ['按逾期未补正处理', 'close as not supplemented'],
  refuse: ['不予受理', 'refuse'],
  askRecheck: ['申请复核', 'ask for a recheck'],
  answerRecheck: ['答复复核', 'answer the recheck'],
  concludeImmediately: ['当场办结', 'conclude on the spot'],
  startReview: ['转入审查', 'start the review'],
  suspend: ['启动特别程序', 'suspend'],
  resume: ['恢复计时', 'resume'],
  deferredOverdue: ['按容缺材料逾期处理', 'suspend for overdue deferred materials'],
  openTask: ['派发办理环节', 'open a task'],
  completeTask: ['完成办理环节', 'complete a task'],
  returnTask: ['退回上一环节', 'return a task'],
  decide: ['作出决定', 'decide'],
  recordForwardAnswer: ['登记上级答复', 'record the higher authority’s answer'],
  conclude: ['办结', 'conclude'],
  deliver: ['送达', 'deliver'],
  withdraw: ['撤回', 'withdraw'],
  terminate: ['终止', 'terminate'],
  assessFee: ['核定收费', 'assess a fee'],
  payFee: ['缴费', 'pay a fee'],
  cancelFee: ['取消收费', 'cancel a fee'],
  refundFee: ['退费', 'refund a fee'],
  greenChannel: ['设置绿色通道', 'set the green channel'],
};
