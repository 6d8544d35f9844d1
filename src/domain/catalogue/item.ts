/**
 * The shape of a service item as the catalogue rules see it. Structural, so the contract's
 * `ItemData` (src/contracts/catalogue.ts) fits it without domain/ importing contracts/.
 */
export type ItemStatusName = 'draft' | 'published' | 'suspended' | 'retired';
export type HandlingClassName = 'immediate' | 'promised' | 'joint' | 'reportUp';
export type OnlineDepthName = 'fullOnline' | 'onlinePreReview' | 'window';

export interface RuleStep {
  name: string;
  kind: string;
  departmentId: string | null;
  role: string;
  limitDays: number;
}

export interface RuleItem {
  code: string;
  name: string;
  departmentId: string;
  itemType: string;
  themes: string[];
  legalBasis: { law: string }[];
  materials: { code: string; name: string }[];
  procedure: RuleStep[];
  handlingClass: HandlingClassName;
  coDepartmentIds: string[];
  statutoryLimit: number;
  promisedLimit: number;
  fees: { free: boolean; lines: { name: string; licenceNo: string }[] };
  result: { delivery: string[] };
  onlineDepth: OnlineDepthName;
  maxVisits: number;
  formSchema: Record<string, unknown>;
}

/** zh-CN / English labels of the statuses, used in messages. */
export const ITEM_STATUS_LABELS: Record<ItemStatusName, [string, string]> = {
  draft: ['草稿', 'draft'],
  published: ['已发布', 'published'],
  suspended: ['暂停办理', 'suspended'],
  retired: ['已废止', 'retired'],
};
