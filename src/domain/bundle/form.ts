/**
 * One application form for the bundle (一表申请), merged from the items' `formSchema`s:
 *
 * - A field shared between items — the same property name and the same type — is asked once.
 *   "Same type" is the value's whole shape: `type`, `enum` (as a set), `pattern`, `format` and an
 *   array's `items`; the bounds (`minimum`, `maxLength`, …) are merged to the strictest of each,
 *   so a value valid in the combined form is valid for every item it serves. Two numbers whose
 *   titles name different units (“拟用地面积（公顷）” / “用地面积（平方米）”) are different
 *   quantities, and bounds that leave no value possible cannot be merged either.
 * - A field that conflicts is kept once per group of agreeing items, under a namespaced key
 *   (`landArea__2`), its title naming the items it serves.
 * - `required` is the union. `mapping` (item → its property → combined key) lets a filled combined
 *   form be split back into each item's own form (`splitForm`).
 */
type Schema = Record<string, unknown>;

export interface CombinedFormField {
  /** the key in the combined form */
  key: string;
  /** the property name in the items' own forms */
  name: string;
  itemIds: string[];
  required: boolean;
}

export interface CombinedForm {
  schema: { type: 'object'; properties: Record<string, Schema>; required: string[] };
  /** item id → its property → combined key */
  mapping: Record<string, Record<string, string>>;
  fields: CombinedFormField[];
}

export interface FormItem {
  id: string;
  name: string;
  formSchema: Record<string, unknown>;
}

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Lower bounds take the largest, upper bounds the smallest: the strictest of each. */
const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'] as const;
/** Words about a field, not about its values. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', '$comment', 'readOnly', 'writeOnly']);

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The shape of the values a property accepts, bounds and annotations left out. */
function signature(p: Schema): string {
  const shape: Schema = {};
  for (const [k, v] of Object.entries(p)) {
    if (ANNOTATIONS.has(k) || (LOWER as readonly string[]).includes(k) || (UPPER as readonly string[]).includes(k)) continue;
    shape[k] = k === 'enum' && Array.isArray(v) ? [...v].map(canonical).sort() : k === 'items' && isObject(v) ? withoutAnnotations(v) : v;
  }
  return canonical(shape);
}

function withoutAnnotations(s: Schema): Schema {
  return Object.fromEntries(Object.entries(s).filter(([k]) => !ANNOTATIONS.has(k)));
}

/** The unit a number's title names in its closing brackets: “建筑面积（平方米）” → 平方米. */
export function unitOf(p: Schema): string {
  if (p.type !== 'number' && p.type !== 'integer') return '';
  const title = typeof p.title === 'string' ? p.title.normalize('NFKC').trim() : '';
  return /\(([^()]*)\)$/.exec(title)?.[1].trim() ?? '';
}

/** Could some value meet every bound? (integers inside exclusive bounds are not worth the check) */
function satisfiable(s: Schema): boolean {
  const [min, xmin, max, xmax] = [num(s.minimum), num(s.exclusiveMinimum), num(s.maximum), num(s.exclusiveMaximum)];
  if (min !== undefined && max !== undefined && min > max) return false;
  if (xmin !== undefined && max !== undefined && xmin >= max) return false;
  if (min !== undefined && xmax !== undefined && min >= xmax) return false;
  if (xmin !== undefined && xmax !== undefined && xmin >= xmax) return false;
  for (const [lo, hi] of [['minLength', 'maxLength'], ['minItems', 'maxItems']] as const) {
    const [l, h] = [num(s[lo]), num(s[hi])];
    if (l !== undefined && h !== undefined && l > h) return false;
  }
  return true;
}

function mergeBounds(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a };
  for (const k of LOWER) {
    const v = num(b[k]);
    if (v !== undefined) out[k] = Math.max(num(out[k]) ?? -Infinity, v);
  }
  for (const k of UPPER) {
    const v = num(b[k]);
    if (v !== undefined) out[k] = Math.min(num(out[k]) ?? Infinity, v);
  }
  return out;
}

interface Variant {
  name: string;
  sig: string;
  unit: string;
  schema: Schema;
  itemIds: string[];
  itemNames: string[];
  required: boolean;
  key: string;
}

/** Joins `p` to `v` if they agree; the merged schema, or null. */
function tryJoin(v: Variant, p: Schema): Schema | null {
  if (signature(p) !== v.sig) return null;
  const unit = unitOf(p);
  if (unit && v.unit && unit !== v.unit) return null;
  const merged = mergeBounds(v.schema, p);
  return satisfiable(merged) ? merged : null;
}

export function combinedForm(items: readonly FormItem[]): CombinedForm {
  const byName = new Map<string, Variant[]>();
  const order: Variant[] = [];
  const owner = new Map<string, Map<string, Variant>>(); // item → property → variant
  for (const item of items) {
    const props = isObject(item.formSchema.properties) ? item.formSchema.properties : {};
    const required = new Set(Array.isArray(item.formSchema.required) ? item.formSchema.required.filter((r) => typeof r === 'string') : []);
    const mine = new Map<string, Variant>();
    owner.set(item.id, mine);
    for (const [name, raw] of Object.entries(props)) {
      const p = isObject(raw) ? raw : {};
      const variants = byName.get(name) ?? [];
      byName.set(name, variants);
      let target: Variant | undefined;
      for (const v of variants) {
        const merged = tryJoin(v, p);
        if (merged) {
          v.schema = merged;
          v.unit ||= unitOf(p);
          target = v;
          break;
        }
      }
      if (!target) {
        target = { name, sig: signature(p), unit: unitOf(p), schema: structuredClone(p), itemIds: [], itemNames: [], required: false, key: name };
        variants.push(target);
        order.push(target);
      }
      target.itemIds.push(item.id);
      target.itemNames.push(item.name);
      target.required ||= required.has(name);
      mine.set(name, target);
    }
  }
  assignKeys(byName);
  const properties: Record<string, Schema> = {};
  for (const v of order) {
    const split = (byName.get(v.name) ?? []).length > 1;
    const title = typeof v.schema.title === 'string' && v.schema.title ? v.schema.title : v.name;
    properties[v.key] = split ? { ...v.schema, title: `${title}（${v.itemNames.join('、')}）` } : v.schema;
  }
  const mapping: Record<string, Record<string, string>> = {};
  for (const [itemId, props] of owner) mapping[itemId] = Object.fromEntries([...props].map(([name, v]) => [name, v.key]));
  return {
    schema: { type: 'object', properties, required: order.filter((v) => v.required).map((v) => v.key) },
    mapping,
    fields: order.map((v) => ({ key: v.key, name: v.name, itemIds: v.itemIds, required: v.required })),
  };
}

/** The first variant of a name keeps it; the others get `name__2`, `name__3`, … clear of every property name. */
function assignKeys(byName: Map<string, Variant[]>): void {
  const taken = new Set(byName.keys());
  for (const [name, variants] of byName) {
    let n = 1;
    for (const v of variants.slice(1)) {
      let key: string;
      do key = `${name}__${++n}`; while (taken.has(key));
      taken.add(key);
      v.key = key;
    }
  }
}

/** Each item's own form from a filled combined form: its properties under their own names. */
export function splitForm(form: Pick<CombinedForm, 'mapping'>, values: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [itemId, props] of Object.entries(form.mapping)) {
    const own: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(props)) if (values[key] !== undefined) own[name] = values[key];
    out[itemId] = own;
  }
  return out;
}

/** The combined form filled from the items' own forms (e.g. from earlier applications); the first item giving a shared field wins. */
export function joinForm(form: Pick<CombinedForm, 'mapping'>, perItem: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [itemId, props] of Object.entries(form.mapping)) {
    const own = perItem[itemId] ?? {};
    for (const [name, key] of Object.entries(props)) if (own[name] !== undefined && out[key] === undefined) out[key] = own[name];
  }
  return out;
}
