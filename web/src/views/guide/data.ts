/** The guide pages' shared bits: URL ⇄ filter mapping, tag colours, limit and visit texts. */
import type { LocationQuery } from 'vue-router';
import type { GuideSearch } from '@/api/guide';

/** The list's last URL query, so "back to the list" from a guide returns to the same search. */
export const lastListQuery: { value: Record<string, string> } = { value: {} };

export const PAGE_SIZES = [10, 20, 50];
export const DEFAULT_PAGE_SIZE = 10;

export interface GuideFilter {
  q: string;
  department: string;
  theme: string;
  onlineDepth: string;
  handlingClass: string;
  page: number;
  pageSize: number;
}

const str = (v: LocationQuery[string]) => (typeof v === 'string' ? v : '');
const int = (v: LocationQuery[string], d: number, max = 10_000) => {
  const n = Number(str(v));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : d;
};

/** The filter lives in the URL so a search can be bookmarked, shared and navigated back to. */
export function filterFromQuery(q: LocationQuery): GuideFilter {
  return {
    q: str(q.q),
    department: str(q.department),
    theme: str(q.theme),
    onlineDepth: str(q.onlineDepth),
    handlingClass: str(q.handlingClass),
    page: int(q.page, 1),
    pageSize: PAGE_SIZES.includes(int(q.pageSize, DEFAULT_PAGE_SIZE)) ? int(q.pageSize, DEFAULT_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
  };
}

/** Only non-default values go into the URL. */
export function filterToQuery(f: GuideFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q.trim()) out.q = f.q.trim();
  if (f.department) out.department = f.department;
  if (f.theme) out.theme = f.theme;
  if (f.onlineDepth) out.onlineDepth = f.onlineDepth;
  if (f.handlingClass) out.handlingClass = f.handlingClass;
  if (f.page > 1) out.page = String(f.page);
  if (f.pageSize !== DEFAULT_PAGE_SIZE) out.pageSize = String(f.pageSize);
  return out;
}

export function filterToApi(f: GuideFilter): GuideSearch {
  return {
    q: f.q.trim() || undefined,
    department: f.department || undefined,
    theme: f.theme || undefined,
    onlineDepth: (f.onlineDepth || undefined) as GuideSearch['onlineDepth'],
    handlingClass: (f.handlingClass || undefined) as GuideSearch['handlingClass'],
    page: f.page,
    pageSize: f.pageSize,
  };
}

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';
export const HANDLING_CLASS_TAG: Record<string, TagType> = { immediate: 'success', promised: 'primary', joint: 'warning', reportUp: 'info' };
export const ONLINE_DEPTH_TAG: Record<string, TagType> = { fullOnline: 'success', onlinePreReview: 'primary', window: 'info' };

/** One field of the item's application form, from its JSON Schema (top level and one level down). */
export interface FormFieldInfo {
  key: string;
  title: string;
  required: boolean;
  depth: number;
}

type SchemaLike = { properties?: Record<string, unknown>; required?: unknown; title?: unknown };

export function formFields(schema: Record<string, unknown>, depth = 0, prefix = ''): FormFieldInfo[] {
  const s = schema as SchemaLike;
  const props = s.properties && typeof s.properties === 'object' ? s.properties : {};
  const required = Array.isArray(s.required) ? (s.required as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const out: FormFieldInfo[] = [];
  for (const [key, raw] of Object.entries(props)) {
    const p = (raw && typeof raw === 'object' ? raw : {}) as SchemaLike & { type?: unknown };
    const title = typeof p.title === 'string' && p.title ? p.title : key;
    out.push({ key: prefix + key, title, required: required.includes(key), depth });
    if (depth === 0 && p.type === 'object' && p.properties) out.push(...formFields(p as Record<string, unknown>, 1, `${prefix}${key}.`));
  }
  return out;
}
