/**
 * The editor's model of one item: ItemData as the form edits it (enums may still be unchosen,
 * limits empty, fee amounts in yuan, the form schema as text), and the conversions both ways.
 * Field paths of errors are ItemData's JSON paths, the same strings as the el-form-item props.
 */
import type { ItemData } from '@shared/contracts/catalogue';

type D = ItemData;

export interface FeeLineForm {
  name: string;
  basis: string;
  standard: string;
  /** yuan with two decimals; null = the standard is a formula */
  amountYuan: number | null;
  licenceNo: string;
}

export interface ItemForm {
  code: string;
  name: string;
  departmentId: string;
  level: D['level'] | '';
  itemType: D['itemType'] | '';
  themes: string[];
  summary: string;
  legalBasis: D['legalBasis'];
  conditions: string[];
  materials: D['materials'];
  procedure: (Omit<D['procedure'][number], 'kind' | 'role' | 'limitDays'> & {
    kind: D['procedure'][number]['kind'] | '';
    role: D['procedure'][number]['role'] | '';
    limitDays: number | null;
  })[];
  handlingClass: D['handlingClass'] | '';
  coDepartmentIds: string[];
  statutoryLimit: number | null;
  promisedLimit: number | null;
  fees: { free: boolean; lines: FeeLineForm[] };
  result: D['result'];
  onlineDepth: D['onlineDepth'] | '';
  maxVisits: number | null;
  service: D['service'];
  formSchemaText: string;
  specialProcedures: D['specialProcedures'];
  jointPolicy: D['jointPolicy'];
  investmentProject: boolean;
}

export type StepForm = ItemForm['procedure'][number];
export type MaterialForm = ItemForm['materials'][number];

export const EMPTY_SCHEMA = { type: 'object', properties: {} };

export function emptyForm(): ItemForm {
  return {
    code: '',
    name: '',
    departmentId: '',
    level: '',
    itemType: '',
    themes: [],
    summary: '',
    legalBasis: [],
    conditions: [],
    materials: [],
    procedure: [],
    handlingClass: '',
    coDepartmentIds: [],
    statutoryLimit: null,
    promisedLimit: null,
    fees: { free: true, lines: [] },
    result: { name: '', validity: '', delivery: ['window'] },
    onlineDepth: '',
    maxVisits: null,
    service: { windows: '', address: '', hours: '', consultPhone: '', complaintPhone: '' },
    formSchemaText: JSON.stringify(EMPTY_SCHEMA, null, 2),
    specialProcedures: [],
    jointPolicy: { silence: 'deemedConsent', absentConsent: true },
    investmentProject: false,
  };
}

/** A new material row with the next free code M01, M02, … (the code is editable). */
export const newMaterial = (existing: { code: string }[]): MaterialForm => ({
  code: nextCode(existing.map((m) => m.code)),
  name: '',
  required: true,
  form: 'original',
  copies: 1,
  notes: '',
  sampleFileId: null,
  blankFileId: null,
  deferrable: false,
  pledgeable: false,
});
function nextCode(taken: string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const code = `M${String(n).padStart(2, '0')}`;
    if (!taken.includes(code)) return code;
  }
}
export const newStep = (): StepForm => ({ name: '', kind: '', departmentId: null, role: '', limitDays: null });
export const newFeeLine = (): FeeLineForm => ({ name: '', basis: '', standard: '', amountYuan: null, licenceNo: '' });
export const newLegalBasis = (): D['legalBasis'][number] => ({ law: '', article: '', text: '' });

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function toForm(data: ItemData): ItemForm {
  const d = clone(data);
  return {
    ...d,
    procedure: d.procedure,
    fees: {
      free: d.fees.free,
      lines: d.fees.lines.map(({ amountFen, ...l }) => ({ ...l, amountYuan: amountFen === null ? null : amountFen / 100 })),
    },
    formSchemaText: JSON.stringify(d.formSchema, null, 2),
  };
}

/** yuan (≤ 2 decimals) → integer fen, without float drift (12.3 → 1230). */
export function yuanToFen(yuan: number | null): number | null {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return null;
  return Math.round(yuan * 100);
}

/** The parsed form schema, or a reason it is not one (message key + detail). */
export function parseSchema(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; key: string; msg?: string } {
  let v: unknown;
  try {
    v = JSON.parse(text.trim() === '' ? '{}' : text);
  } catch (e) {
    return { ok: false, key: 'catalogue.editor.schemaInvalid', msg: (e as Error).message };
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, key: 'catalogue.editor.schemaNotObject' };
  const type = (v as Record<string, unknown>).type;
  if (type !== undefined && type !== 'object') return { ok: false, key: 'catalogue.editor.schemaTypeObject' };
  return { ok: true, value: v as Record<string, unknown> };
}

/**
 * What is sent to the server. Called after the client rules passed, so enums are chosen and
 * limits are numbers; anything still empty is sent as is and the server names the field.
 */
export function toData(f: ItemForm): ItemData {
  const schema = parseSchema(f.formSchemaText);
  return clone({
    ...f,
    formSchemaText: undefined,
    level: f.level as D['level'],
    itemType: f.itemType as D['itemType'],
    handlingClass: f.handlingClass as D['handlingClass'],
    onlineDepth: f.onlineDepth as D['onlineDepth'],
    statutoryLimit: f.statutoryLimit as number,
    promisedLimit: f.promisedLimit as number,
    maxVisits: f.maxVisits as number,
    // co-departments belong to joint items only; keep them out of the others
    coDepartmentIds: f.handlingClass === 'joint' ? f.coDepartmentIds : [],
    procedure: f.procedure.map((s) => ({ ...s, kind: s.kind as D['procedure'][number]['kind'], role: s.role as D['procedure'][number]['role'], limitDays: s.limitDays as number })),
    fees: {
      free: f.fees.free,
      lines: f.fees.free ? [] : f.fees.lines.map(({ amountYuan, ...l }) => ({ ...l, amountFen: yuanToFen(amountYuan) })),
    },
    formSchema: schema.ok ? schema.value : EMPTY_SCHEMA,
  }) as ItemData;
}

/** A stable fingerprint of the form, to know whether there are unsaved changes. */
export const fingerprint = (f: ItemForm): string => JSON.stringify(f);

// ── error paths → tabs and labels ──────────────────────────────────────────────────────────

export const TABS = ['basic', 'legal', 'materials', 'procedure', 'fees', 'result', 'policy', 'form'] as const;
export type TabName = (typeof TABS)[number];

const TAB_OF: Record<string, TabName> = {
  legalBasis: 'legal',
  conditions: 'legal',
  materials: 'materials',
  procedure: 'procedure',
  fees: 'fees',
  result: 'result',
  service: 'result',
  specialProcedures: 'policy',
  jointPolicy: 'policy',
  investmentProject: 'policy',
  formSchema: 'form',
};

/** `materials.2.code` → 'materials'; unknown → 'basic' (code, name, limits, …). */
export function tabOf(path: string): TabName {
  return TAB_OF[path.split('.')[0]] ?? 'basic';
}

/** Server paths may come wrapped in the request body (`data.promisedLimit`); the form uses ItemData's own. */
export function normalisePath(path: string): string {
  return path.startsWith('data.') ? path.slice(5) : path;
}

const LEAF_LABEL: Record<string, string> = {
  'materials.code': 'materialCode',
  'materials.name': 'materialName',
  'procedure.name': 'stepName',
  'procedure.departmentId': 'stepDepartment',
  'fees.lines.name': 'feeName',
  'result.name': 'resultName',
};

/**
 * A readable name of a field path for the error summary:
 * `materials.2.code` → 申报材料 第 3 项 · 材料编号, `promisedLimit` → 承诺时限.
 */
export function pathLabel(path: string, t: (k: string) => string, te: (k: string) => boolean): string {
  const parts = path.split('.');
  const words: string[] = [];
  const labelOf = (k: string) => (te(`catalogue.field.${k}`) ? t(`catalogue.field.${k}`) : k);
  const head = parts[0] === 'fees' && parts[1] === 'lines' ? 'feeLines' : parts[0];
  words.push(labelOf(head));
  const rest = parts.slice(head === 'feeLines' ? 2 : 1);
  const index = rest.findIndex((p) => /^\d+$/.test(p));
  if (index === 0) words.push(`#${Number(rest[0]) + 1}`);
  const leaf = rest.filter((p) => !/^\d+$/.test(p)).pop();
  if (leaf) {
    const key = LEAF_LABEL[`${parts[0]}${head === 'feeLines' ? '.lines' : ''}.${leaf}`] ?? leaf;
    words.push(labelOf(key));
  }
  return words.join(' · ');
}
