/**
 * Anomaly rules (异常办件, DESIGN §5), found from a case's actions and folded state — pure, so a
 * sweep, a report and a test all find the same ones:
 * - refusalWithoutReasons: not accepted, or denied, without a reason or a legal basis;
 * - concludedWithoutAcceptance: concluded with no acceptance record;
 * - lateEntry (两头受理): a case with a promised limit taken in and concluded within minutes —
 *   worked off the system and entered afterwards;
 * - feeWithoutLicence / feeOffStandard: a fee without its licence number, or at an amount none of
 *   the item's fixed fee lines of that name charges;
 * - stepOverLimit: a task closed after its own deadline;
 * - lateForward: a report-up case forwarded after its promised deadline;
 * - forwardUnanswered: a forwarded case whose higher authority has not answered by its due date —
 *   raised by the `forwardDue` timer (timers/forward-due.ts), not found from the action list here.
 */
import { deadlineWithPauses, type WorkCalendar } from '../calendar/index.js';
import type { CaseAction, CaseState } from '../case/index.js';

export const ANOMALY_RULES = ['refusalWithoutReasons', 'concludedWithoutAcceptance', 'lateEntry', 'feeWithoutLicence', 'feeOffStandard', 'stepOverLimit', 'lateForward', 'forwardUnanswered'] as const;
export type AnomalyRule = (typeof ANOMALY_RULES)[number];

export interface Anomaly {
  rule: AnomalyRule;
  /** the action (1-based, = the case version after it) that shows it; a task's closing for steps */
  seq: number;
  zh: string;
  en: string;
}

export interface AnomalyItem {
  promisedLimit: number;
  /** fixed amounts in fen by fee line name (null: a formula, any amount) */
  fees: readonly { name: string; amountFen: number | null }[];
}

export interface AnomalyOptions {
  /** taken in and concluded within this many minutes counts as a late entry (default 30) */
  lateEntryMinutes?: number;
}

const blank = (s: string | undefined) => !s || s.trim() === '';

export function findAnomalies(actions: readonly CaseAction[], s: CaseState, item: AnomalyItem, cal: WorkCalendar, opts: AnomalyOptions = {}): Anomaly[] {
  const out: Anomaly[] = [];
  const add = (rule: AnomalyRule, seq: number, zh: string, en: string) => out.push({ rule, seq, zh, en });
  let accepted = false;
  let submittedAt: string | null = null;
  actions.forEach((a, i) => {
    const seq = i + 1;
    if (a.kind === 'submit') submittedAt = a.at;
    if (a.kind === 'accept' || a.kind === 'concludeImmediately') accepted = true;
    if (a.kind === 'refuse' && (blank(a.reason) || a.legalBasis.length === 0)) add('refusalWithoutReasons', seq, '不予受理未说明理由或法律依据', 'Not accepted without a reason or legal basis');
    if ((a.kind === 'decide' || a.kind === 'concludeImmediately') && a.decision.outcome === 'denied' && (a.decision.reasons.every(blank) || a.decision.legalBasis.length === 0)) {
      add('refusalWithoutReasons', seq, '不予许可未说明理由或法律依据', 'Denied without reasons or legal basis');
    }
    if (a.kind === 'conclude' && !accepted) add('concludedWithoutAcceptance', seq, '办结但无受理记录', 'Concluded with no acceptance record');
    if ((a.kind === 'conclude' || a.kind === 'concludeImmediately') && item.promisedLimit > 0 && submittedAt !== null) {
      const minutes = (Date.parse(a.at) - Date.parse(submittedAt)) / 60_000;
      if (minutes >= 0 && minutes < (opts.lateEntryMinutes ?? 30)) add('lateEntry', seq, `承诺件收件后${Math.round(minutes)}分钟即办结，疑似体外办理后补录`, `A promised case concluded ${Math.round(minutes)} min after intake: likely worked off the system`);
    }
    if (a.kind === 'assessFee') {
      if (blank(a.licenceNo)) add('feeWithoutLicence', seq, `收费「${a.name}」未亮证（无收费许可证号）`, `Fee "${a.name}" without a licence number`);
      const lines = item.fees.filter((f) => f.name === a.name);
      if (!lines.some((f) => f.amountFen === null || f.amountFen === a.amountFen)) {
        add('feeOffStandard', seq, `收费「${a.name}」金额不符合收费标准`, `Fee "${a.name}" is off its standard`);
      }
    }
  });
  for (const t of s.tasks) {
    if (t.closedOn === null || t.closedAtVersion === null) continue;
    const due = deadlineWithPauses(cal, t.openedOn, t.limitDays, s.pauses, t.closedOn);
    if (t.closedOn > due) add('stepOverLimit', t.closedAtVersion, `环节「${t.name}」超过本环节时限（应于${due}前完成）`, `Step "${t.name}" closed after its own deadline ${due}`);
  }
  if (s.forward && s.deadlines && s.forward.forwardedOn > s.deadlines.promised) {
    const seq = actions.findIndex((a) => a.kind === 'decide' && a.decision.outcome === 'forwarded') + 1;
    add('lateForward', seq, `超过承诺时限才上报（应于${s.deadlines.promised}前上报）`, `Forwarded after the promised deadline ${s.deadlines.promised}`);
  }
  return out.sort((x, y) => x.seq - y.seq);
}
