import type { DemoItem, DemoStep } from '../types.js';

/**
 * Building blocks shared by the item files: the center's service info, the usual procedure
 * shapes, recurring materials and form fields. Everything returns plain values.
 */

type Service = NonNullable<DemoItem['service']>;
type Material = NonNullable<DemoItem['materials']>[number];
type LegalBasis = NonNullable<DemoItem['legalBasis']>[number];

export const HOURS = '工作日 9:00-12:00 13:30-17:30（法定节假日除外）';
export const CONSULT_PHONE = '0536-12345';
export const COMPLAINT_PHONE = '0536-8096012（中心效能投诉）';

const ADDRESS = {
  city: '潍坊市奎文区福寿东街市民之家',
  bdc: '潍坊市奎文区东风东街不动产登记大厅',
  gjj: '潍坊市奎文区新华路住房公积金服务大厅',
} as const;

/** Service info: windows by name, at the city center unless a sub-center is given. */
export function svc(windows: string, at: keyof typeof ADDRESS = 'city'): Service {
  return { windows, address: ADDRESS[at], hours: HOURS, consultPhone: CONSULT_PHONE, complaintPhone: COMPLAINT_PHONE };
}

/** 即办件: accepted by the clerk and decided at the window by the chief representative in one sitting. */
export function instantFlow(opts: { certify?: string } = {}): DemoStep[] {
  const steps: DemoStep[] = [
    { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
    { name: '审核决定', kind: 'decide', role: 'chiefRep', limitDays: 0 },
  ];
  if (opts.certify) steps.push({ name: opts.certify, kind: 'certify', role: 'clerk', limitDays: 0 });
  return steps;
}

/** 承诺件: 受理 → 审查 → 决定 → 制证/送达, each with its own limit (sum ≤ promised limit). */
export function promisedFlow(o: {
  accept?: number;
  review: number;
  decide: number;
  certify?: number;
  decideRole?: 'chiefRep' | 'deptLeader';
  reviewName?: string;
  decideName?: string;
  certifyName?: string | null;
}): DemoStep[] {
  const steps: DemoStep[] = [
    { name: '受理', kind: 'accept', role: 'clerk', limitDays: o.accept ?? 0 },
    { name: o.reviewName ?? '审查', kind: 'review', role: 'reviewer', limitDays: o.review },
    { name: o.decideName ?? '决定', kind: 'decide', role: o.decideRole ?? 'deptLeader', limitDays: o.decide },
  ];
  if (o.certifyName !== null) {
    steps.push({ name: o.certifyName ?? '制证送达', kind: 'certify', role: 'clerk', limitDays: o.certify ?? 0 });
  }
  return steps;
}

/**
 * 联办件: the lead accepts, every co-department gives its opinion in parallel
 * ("一家收件，抄告各方，同时受理"), the lead decides. At most 5 steps: with three or more
 * co-departments the lead's own review is folded into the decision.
 */
export function jointFlow(o: {
  leadReview: number;
  co: { code: string; name: string; days: number }[];
  decide: number;
  certify?: number;
  decideRole?: 'chiefRep' | 'deptLeader';
}): DemoStep[] {
  const steps: DemoStep[] = [{ name: '一窗受理并抄告', kind: 'accept', role: 'clerk', limitDays: 0 }];
  const foldReview = o.co.length >= 3;
  if (!foldReview) steps.push({ name: '牵头部门审查', kind: 'review', role: 'reviewer', limitDays: o.leadReview });
  for (const c of o.co) {
    steps.push({ name: c.name, kind: 'review', role: 'reviewer', limitDays: c.days, departmentCode: c.code });
  }
  const withCertify = steps.length <= 3;
  steps.push({
    name: foldReview ? '审查决定' : withCertify ? '决定' : '决定并制证',
    kind: 'decide',
    role: o.decideRole ?? 'deptLeader',
    limitDays: foldReview ? o.leadReview + o.decide : o.decide,
  });
  if (withCertify) steps.push({ name: '制证送达', kind: 'certify', role: 'clerk', limitDays: o.certify ?? 0 });
  return steps;
}

/** 上报件: the city accepts and reviews, then forwards to the authority that decides. */
export function reportUpFlow(o: { review: number; forward: number; to: string; deliver?: number }): DemoStep[] {
  return [
    { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
    { name: '初审（现场核查）', kind: 'review', role: 'reviewer', limitDays: o.review },
    { name: `签署意见并上报${o.to}`, kind: 'decide', role: 'deptLeader', limitDays: o.forward },
    { name: '批复转达送达', kind: 'deliver', role: 'clerk', limitDays: o.deliver ?? 0 },
  ];
}

/** Legal basis entry. */
export function law(name: string, article: string, text: string): LegalBasis {
  return { law: name, article, text };
}

// ── recurring materials ──────────────────────────────────────────────────────────────────────

export function idCard(code: string, who = '申请人'): Material {
  return {
    code,
    name: `${who}身份证件`,
    form: 'original',
    copies: 1,
    notes: '窗口现场核验；已归集电子证照的可免提交',
  };
}

export function businessLicence(code: string): Material {
  return {
    code,
    name: '营业执照',
    form: 'copy',
    copies: 1,
    notes: '通过电子证照库共享核验，可免提交纸质件',
    pledgeable: true,
  };
}

export function proxy(code: string): Material {
  return {
    code,
    name: '授权委托书及受托人身份证件',
    required: false,
    form: 'original',
    copies: 1,
    notes: '委托他人办理时提交',
  };
}

// ── form schema helpers ──────────────────────────────────────────────────────────────────────

export const PHONE_PATTERN = '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$';
export const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';
export const ID_PATTERN = '^\\d{17}[\\dX]$';

export const F = {
  applicant: { type: 'string', title: '申请人姓名', maxLength: 50 },
  idNo: { type: 'string', title: '公民身份号码', pattern: ID_PATTERN },
  phone: { type: 'string', title: '联系电话', pattern: PHONE_PATTERN },
  entName: { type: 'string', title: '单位名称', maxLength: 100 },
  uscc: { type: 'string', title: '统一社会信用代码', pattern: USCC_PATTERN },
  legalRep: { type: 'string', title: '法定代表人（负责人）', maxLength: 50 },
  address: { type: 'string', title: '经营场所地址', maxLength: 200 },
  projectName: { type: 'string', title: '项目名称', maxLength: 200 },
  projectCode: { type: 'string', title: '项目代码', pattern: '^\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}$' },
  buildingArea: { type: 'number', title: '建筑面积（平方米）', minimum: 0 },
  investment: { type: 'number', title: '总投资（万元）', minimum: 0 },
} as const;

/** A JSON Schema object with its required fields. */
export function form(properties: Record<string, object>, required: string[]): Record<string, unknown> {
  return { type: 'object', properties, required };
}
