/**
 * The one error the case rules return. It knows no HTTP; `CASE_ERROR_KIND` tells the server which
 * AppError code (and so which status) each maps to. Every message names the case's current status,
 * so the person acting learns why the button no longer works.
 */
import type { ErrorCode } from '../errors.js';
import { ACTION_LABELS, CASE_STATUS_LABELS } from './labels.js';
import type { CaseActionKind, CaseStatus } from './types.js';

export type CaseErrorCode =
  | 'case.invalidState' // the move is not open in this status
  | 'case.notAllowed' // the actor's role may not make this move
  | 'case.taskOpen' // a decision or conclusion while a task is open
  | 'case.feeUnpaid' // delivery while a fee is unpaid
  | 'case.materialsOwed' // a decision while 容缺 materials are owed
  | 'case.immediate' // an immediate case must be concluded on the spot
  | 'case.notImmediate' // only an immediate case is concluded on the spot
  | 'case.tooEarly' // a timer move before its due date
  | 'case.dateOrder' // an action dated before the previous one
  | 'case.unknownTask'
  | 'case.unknownFee'
  | 'case.duplicate' // a task or fee id used twice
  | 'case.noPreviousStep' // returnTask with no completed step to return to
  | 'case.invalidInput'; // a missing or bad field, named in `field`

export const CASE_ERROR_KIND: Record<CaseErrorCode, ErrorCode> = {
  'case.invalidState': 'invalidState',
  'case.notAllowed': 'forbidden',
  'case.taskOpen': 'invalidState',
  'case.feeUnpaid': 'invalidState',
  'case.materialsOwed': 'invalidState',
  'case.immediate': 'unprocessable',
  'case.notImmediate': 'unprocessable',
  'case.tooEarly': 'invalidState',
  'case.dateOrder': 'validation',
  'case.unknownTask': 'validation',
  'case.unknownFee': 'validation',
  'case.duplicate': 'conflict',
  'case.noPreviousStep': 'invalidState',
  'case.invalidInput': 'validation',
};

export class CaseError extends Error {
  readonly code: CaseErrorCode;
  /** the status the case was in when the move was refused */
  readonly status: CaseStatus;
  readonly action: CaseActionKind;
  /** the JSON path of the offending input, e.g. `decision.reasons` */
  readonly field: string | null;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(code: CaseErrorCode, status: CaseStatus, action: CaseActionKind, messageZh: string, messageEn: string, field: string | null = null) {
    super(messageEn);
    this.name = 'CaseError';
    this.code = code;
    this.status = status;
    this.action = action;
    this.field = field;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

/**
 * Builds a refusal: "当前状态为“已办结”，不能受理：{why}" / "Cannot accept: the case is concluded; {why}".
 * Without `why` the status alone is the reason.
 */
export function caseError(
  code: CaseErrorCode,
  status: CaseStatus,
  action: CaseActionKind,
  why?: { zh: string; en: string; field?: string },
): CaseError {
  const [statusZh, statusEn] = CASE_STATUS_LABELS[status];
  const [actZh, actEn] = ACTION_LABELS[action];
  const zh = `当前状态为“${statusZh}”，不能${actZh}` + (why ? `：${why.zh}` : '');
  const en = `Cannot ${actEn}: the case is ${statusEn}` + (why ? `; ${why.en}` : '');
  return new CaseError(code, status, action, zh, en, why?.field ?? null);
}
