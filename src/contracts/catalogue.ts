import { z } from 'zod';
import { Id, Instant } from './common.js';

/** Enumerations of the catalogue; labels live in the shared dictionary (src/domain/dictionary.ts). */
export const ItemLevel = z.enum(['province', 'city', 'county', 'township']);
export type ItemLevel = z.infer<typeof ItemLevel>;
export const ItemType = z.enum([
  'licensing', // 行政许可
  'publicService', // 公共服务
  'confirmation', // 行政确认
  'benefit', // 行政给付
  'registration', // 行政登记
  'otherPower', // 其他行政权力
]);
export type ItemType = z.infer<typeof ItemType>;
export const HandlingClass = z.enum(['immediate', 'promised', 'joint', 'reportUp']);
export type HandlingClass = z.infer<typeof HandlingClass>;
export const OnlineDepth = z.enum(['fullOnline', 'onlinePreReview', 'window']);
export type OnlineDepth = z.infer<typeof OnlineDepth>;
export const MaterialForm = z.enum(['original', 'copy', 'originalAndCopy', 'electronic']);
export type MaterialForm = z.infer<typeof MaterialForm>;
export const StepKind = z.enum(['accept', 'review', 'decide', 'certify', 'deliver', 'other']);
export type StepKind = z.infer<typeof StepKind>;
export const StaffRole = z.enum([
  'clerk',
  'chiefRep',
  'reviewer',
  'deptLeader',
  'supervisor',
  'centerAdmin',
  'volunteer',
]);
export type StaffRole = z.infer<typeof StaffRole>;
export const DeliveryMode = z.enum(['window', 'mail', 'electronic']);
export type DeliveryMode = z.infer<typeof DeliveryMode>;
export const SpecialProcedure = z.enum([
  'hearing', // 听证
  'inspection', // 检验
  'testing', // 检测
  'quarantine', // 检疫
  'appraisal', // 鉴定
  'expertReview', // 专家评审
  'tender', // 招标
  'auction', // 拍卖
]);
export type SpecialProcedure = z.infer<typeof SpecialProcedure>;
export const SilencePolicy = z.enum(['deemedConsent', 'escalate']);
export type SilencePolicy = z.infer<typeof SilencePolicy>;
export const ItemStatus = z.enum(['draft', 'published', 'suspended', 'retired']);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const LegalBasis = z.object({
  law: z.string().min(1).max(200),
  article: z.string().max(100).default(''),
  text: z.string().max(4000).default(''),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const Material = z.object({
  code: z.string().min(1).max(32),
  name: z.string().min(1).max(200),
  required: z.boolean().default(true),
  form: MaterialForm.default('original'),
  copies: z.number().int().min(0).max(99).default(1),
  notes: z.string().max(1000).default(''),
  /** files table ids of the sample (示范文本) and blank form (空白表格) */
  sampleFileId: Id.nullable().default(null),
  blankFileId: Id.nullable().default(null),
  /** 容缺: may be owed with a signed commitment */
  deferrable: z.boolean().default(false),
  /** 告知承诺: a signed pledge may replace it */
  pledgeable: z.boolean().default(false),
});
export type Material = z.infer<typeof Material>;

export const ProcedureStep = z.object({
  name: z.string().min(1).max(100),
  kind: StepKind,
  /** department that works the step; null = the item's own department */
  departmentId: Id.nullable().default(null),
  role: StaffRole,
  limitDays: z.number().int().min(0).max(999),
});
export type ProcedureStep = z.infer<typeof ProcedureStep>;

export const FeeLine = z.object({
  name: z.string().min(1).max(200),
  basis: z.string().max(1000).default(''),
  standard: z.string().max(1000).default(''),
  /** fixed amount in fen, or null when the standard is a formula */
  amountFen: z.number().int().min(0).nullable().default(null),
  licenceNo: z.string().max(100).default(''),
});
export type FeeLine = z.infer<typeof FeeLine>;

/** Every published field of a service item (DESIGN §3). Stored per version. */
export const ItemData = z.object({
  code: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  departmentId: Id,
  level: ItemLevel,
  itemType: ItemType,
  themes: z.array(z.string().min(1).max(50)).max(20).default([]),
  summary: z.string().max(2000).default(''),
  legalBasis: z.array(LegalBasis).default([]),
  conditions: z.array(z.string().min(1).max(2000)).default([]),
  materials: z.array(Material).default([]),
  procedure: z.array(ProcedureStep).default([]),
  handlingClass: HandlingClass,
  coDepartmentIds: z.array(Id).default([]),
  statutoryLimit: z.number().int().min(0).max(999),
  promisedLimit: z.number().int().min(0).max(999),
  fees: z.object({ free: z.boolean().default(true), lines: z.array(FeeLine).default([]) }).default({ free: true, lines: [] }),
  result: z
    .object({
      name: z.string().max(200).default(''),
      validity: z.string().max(200).default(''),
      delivery: z.array(DeliveryMode).default(['window']),
    })
    .default({ name: '', validity: '', delivery: ['window'] }),
  onlineDepth: OnlineDepth,
  maxVisits: z.number().int().min(0).max(2),
  service: z
    .object({
      windows: z.string().max(200).default(''),
      address: z.string().max(300).default(''),
      hours: z.string().max(200).default(''),
      consultPhone: z.string().max(50).default(''),
      complaintPhone: z.string().max(50).default(''),
    })
    .default({ windows: '', address: '', hours: '', consultPhone: '', complaintPhone: '' }),
  /** JSON Schema (draft 2020-12 subset) of the item's own application fields */
  formSchema: z.record(z.string(), z.unknown()).default({ type: 'object', properties: {} }),
  specialProcedures: z.array(SpecialProcedure).default([]),
  jointPolicy: z
    .object({ silence: SilencePolicy.default('deemedConsent'), absentConsent: z.boolean().default(true) })
    .default({ silence: 'deemedConsent', absentConsent: true }),
  /** an investment-project item (投资项目审批): a denial is reported to the department's liaison and the center (否定报备) */
  investmentProject: z.boolean().default(false),
});
export type ItemData = z.infer<typeof ItemData>;
export type ItemDataInput = z.input<typeof ItemData>;

export const ItemVersionView = z.object({
  id: Id,
  itemId: Id,
  versionNo: z.number().int(),
  status: ItemStatus,
  data: ItemData,
  createdAt: Instant,
  updatedAt: Instant,
  publishedAt: Instant.nullable(),
  /** optimistic-lock token of this version row */
  version: z.number().int(),
});
export type ItemVersionView = z.infer<typeof ItemVersionView>;
