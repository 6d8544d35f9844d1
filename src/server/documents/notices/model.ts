/**
 * What a notice (文书) is rendered from: plain data the case service gathers (case, item,
 * applicant, center) plus the case state after the move and the move itself. Pure: no I/O.
 */
import type { NoticeKind } from '../../../contracts/case-notices.js';
import type { CaseAction, CaseState, SpecialProcedureKind, SupplementLine } from '../../../domain/case/index.js';
import { maskIdNumber } from '../../../domain/identity/index.js';

export type { NoticeKind };

export interface NoticeModel {
  kind: NoticeKind;
  /** e.g. 受理〔2026〕3707002611300000011 */
  noticeNo: string;
  /** YYYY-MM-DD, printed as 2026年11月30日 */
  issuedOn: string;
  /** 行政服务中心 name */
  centerName: string;
  /** the department the item belongs to (the issuing authority on decisions) */
  departmentName: string;
  caseNo: string;
  verificationCode: string;
  /** absolute URL of the public progress page; the QR code encodes it */
  progressUrl: string;
  item: { code: string; name: string; promisedLimit: number; statutoryLimit: number };
  /** the item's checklist (for acceptance: the materials received) */
  materials: { code: string; name: string }[];
  applicant: { kind: 'person' | 'enterprise'; name: string; idNumber: string | null; uscc: string | null; phone: string };
  /** the case after the action */
  state: CaseState;
  /** the action that produced the notice */
  action: CaseAction;
  /** deliveryReceipt: the documents delivered; default: the decision's notice, without number */
  deliveredDocuments?: { title: string; noticeNo: string | null }[];
}

/** Titles as printed (and as named in the UI). */
export const NOTICE_TITLES: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  supplement: '补正材料通知书',
  refusal: '不予受理通知书',
  specialProcedure: '特别程序告知书',
  approval: '准予许可决定书',
  denial: '不予许可决定书',
  deliveryReceipt: '送达回证',
  deferredPledge: '容缺受理承诺书',
  pledge: '告知承诺书',
};

export const PROCEDURE_NAMES: Record<SpecialProcedureKind, string> = {
  hearing: '听证',
  inspection: '现场勘查',
  testing: '检验',
  quarantine: '检疫',
  appraisal: '鉴定',
  expertReview: '专家评审',
  tender: '招标',
  auction: '拍卖',
};

export const PROBLEM_LABELS: Record<SupplementLine['problem'], string> = {
  missing: '缺少',
  wrong: '有误',
  incomplete: '不完整',
};

/** 2026-01-05 → 2026年1月5日 (公文 dates carry no leading zeros). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The addressee line: name with the masked ID (persons) or the credit code (enterprises). */
export function addressee(a: NoticeModel['applicant']): string {
  if (a.kind === 'enterprise') return a.uscc ? `${a.name}（统一社会信用代码：${a.uscc}）` : a.name;
  return a.idNumber ? `${a.name}（身份证号码：${maskIdNumber(a.idNumber)}）` : a.name;
}

/** "你" or "你单位", as 公文 address a person or an organisation. */
export const you = (a: NoticeModel['applicant']): string => (a.kind === 'enterprise' ? '你单位' : '你');

/** A model that lacks what its kind needs is a programming error of the caller, not user input. */
export function missing(kind: NoticeKind, what: string): Error {
  return new Error(`${NOTICE_TITLES[kind]}（${kind}）: ${what}`);
}

/** "你于2026年11月28日提出的××申请" — the phrase every notice opens with. */
export function applied(m: NoticeModel): string {
  const on = m.state.submittedOn ? `于${formatDate(m.state.submittedOn)}` : '';
  return `${you(m.applicant)}${on}提出的“${m.item.name}”（事项编码：${m.item.code}）申请`;
}

/** 一、二、三… for section headings (a notice has a handful at most). */
export function sectionNo(i: number): string {
  return '一二三四五六七八九十'[i] ?? String(i + 1);
}
