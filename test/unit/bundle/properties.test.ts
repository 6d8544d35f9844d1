import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BundleItem,
  bundleLimits,
  combinedForm,
  combinedMaterials,
  joinForm,
  normaliseMaterialName,
  splitForm,
} from '../../../src/domain/bundle/index.js';

type Schema = Record<string, unknown>;

/** Field schemas from a small space, so that names meet and agree or conflict often. */
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const strip = (o: Schema): Schema => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const fieldArb: fc.Arbitrary<Schema> = fc.oneof(
  fc.record({ type: fc.constant('string'), minLength: opt(fc.integer({ min: 0, max: 5 })), maxLength: opt(fc.integer({ min: 3, max: 20 })), pattern: opt(fc.constantFrom('^a', '^\\d*$')), title: opt(fc.constantFrom('名称', '单位名称')) }).map(strip),
  fc.record({
    type: fc.constantFrom('number', 'integer'), minimum: opt(fc.integer({ min: -5, max: 5 })), maximum: opt(fc.integer({ min: -5, max: 5 })),
    exclusiveMinimum: opt(fc.integer({ min: -5, max: 5 })), title: opt(fc.constantFrom('面积（平方米）', '面积（公顷）', '数量')),
  }).map(strip),
  fc.record({ type: fc.constant('string'), enum: fc.subarray(['x', 'y', 'z'], { minLength: 1 }) }),
  fc.constant({ type: 'boolean' }),
  fc.record({ type: fc.constant('array'), items: fc.constantFrom({ type: 'string' }, { type: 'string', enum: ['x', 'y'] }), minItems: opt(fc.integer({ min: 0, max: 2 })), maxItems: opt(fc.integer({ min: 1, max: 4 })) }).map(strip),
);
const NAMES = ['a', 'b', 'c', 'a__2', 'd'];
const formArb = fc.dictionary(fc.constantFrom(...NAMES), fieldArb, { maxKeys: 5 }).chain((properties) =>
  fc.subarray(Object.keys(properties)).map((required) => ({ type: 'object', properties, required })),
);
const itemsArb = fc.array(formArb, { minLength: 1, maxLength: 5 }).map((forms) => forms.map((formSchema, i) => ({ id: `i${i}`, name: `事项${i}`, formSchema })));
const valueArb = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.array(fc.constantFrom('x', 'y'), { maxLength: 3 }));

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'];
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'];

describe('combinedForm properties', () => {
  it('splitting a combined form gives back each item\'s own fields (items agreeing on the fields they share)', () => {
    fc.assert(
      fc.property(itemsArb, fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), valueArb), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (items, pool, present) => {
        const f = combinedForm(items);
        // one value per combined key, some keys left blank: every item serving a key sees the same value
        const keys = Object.keys(f.schema.properties);
        const poolValues = Object.values(pool);
        const values: Record<string, unknown> = {};
        keys.forEach((k, i) => {
          if (present[i % present.length]) values[k] = poolValues.length ? poolValues[i % poolValues.length] : i;
        });
        const own: Record<string, Record<string, unknown>> = {};
        for (const it of items) {
          own[it.id] = {};
          for (const p of Object.keys(it.formSchema.properties)) {
            const v = values[f.mapping[it.id][p]];
            if (v !== undefined) own[it.id][p] = v;
          }
        }
        expect(splitForm(f, joinForm(f, own))).toEqual(own);
        expect(joinForm(f, splitForm(f, values))).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('maps every property of every item, to a field at least as strict, required wherever the item requires it', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const f = combinedForm(items);
        const props = f.schema.properties;
        expect(new Set(Object.keys(props)).size).toBe(f.fields.length);
        for (const it of items) {
          const own = it.formSchema.properties as Record<string, Schema>;
          expect(Object.keys(f.mapping[it.id]).sort()).toEqual(Object.keys(own).sort());
          for (const [p, s] of Object.entries(own)) {
            const key = f.mapping[it.id][p];
            const c = props[key];
            expect(c, `${it.id}.${p} → ${key}`).toBeDefined();
            // the same kind of value
            for (const k of ['type', 'pattern', 'items']) expect(c[k]).toEqual(s[k]);
            expect(c.enum === undefined ? undefined : [...(c.enum as string[])].sort()).toEqual(s.enum === undefined ? undefined : [...(s.enum as string[])].sort());
            // bounds no looser than the item's
            for (const b of LOWER) if (typeof s[b] === 'number') expect(c[b] as number).toBeGreaterThanOrEqual(s[b] as number);
            for (const b of UPPER) if (typeof s[b] === 'number') expect(c[b] as number).toBeLessThanOrEqual(s[b] as number);
            if ((it.formSchema.required as string[]).includes(p)) expect(f.schema.required).toContain(key);
          }
        }
        // a key is required only because some item requires the property behind it
        for (const key of f.schema.required) {
          expect(items.some((it) => Object.entries(f.mapping[it.id]).some(([p, k]) => k === key && (it.formSchema.required as string[]).includes(p)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('bundleLimits properties', () => {
  const limitsArb = fc.array(fc.array(fc.record({ promisedLimit: fc.integer({ min: 0, max: 30 }), statutoryLimit: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 });
  it('lies between the longest item and the sum of all items; one stage takes the longest, one item per stage the sum', () => {
    fc.assert(
      fc.property(limitsArb, (stageLimits) => {
        const items = new Map<string, Pick<BundleItem, 'promisedLimit' | 'statutoryLimit'>>();
        const stages = stageLimits.map((its, i) => ({ name: `s${i}`, itemIds: its.map((l, j) => (items.set(`${i}.${j}`, l), `${i}.${j}`)) }));
        const all = [...items.values()].map((l) => l.promisedLimit);
        const sum = all.reduce((a, b) => a + b, 0);
        const { promisedLimit } = bundleLimits(stages, items);
        expect(promisedLimit).toBeGreaterThanOrEqual(Math.max(...all));
        expect(promisedLimit).toBeLessThanOrEqual(sum);
        expect(bundleLimits([{ name: 'one', itemIds: [...items.keys()] }], items).promisedLimit).toBe(Math.max(...all));
        expect(bundleLimits([...items.keys()].map((id) => ({ name: id, itemIds: [id] })), items).promisedLimit).toBe(sum);
      }),
    );
  });
});

describe('combinedMaterials properties', () => {
  const nameArb = fc.constantFrom('营业执照', '《营业执照》', '营业执照（副本）', '营业执照 (副本)', '身份证件', '身 份 证 件。', 'ＡＢＣ表', 'abc表');
  const itemArb = fc.array(fc.record({ name: nameArb, required: fc.boolean() }), { maxLength: 5 });
  it('lists each normalised name once, serving every item that asks for it, required iff some item requires it', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 4 }), (raw) => {
        const items = raw.map((ms, i) => ({
          id: `i${i}`, name: `事项${i}`,
          materials: ms.map((m, j) => ({ code: `M${j}`, name: m.name, required: m.required, form: 'original', copies: 1, notes: '', deferrable: false, pledgeable: false })),
        }));
        const list = combinedMaterials(items);
        const keys = list.map((m) => normaliseMaterialName(m.name));
        expect(new Set(keys).size).toBe(keys.length);
        for (const it of items) {
          for (const m of it.materials) {
            const entry = list.find((e) => normaliseMaterialName(e.name) === normaliseMaterialName(m.name))!;
            expect(entry.items.some((s) => s.itemId === it.id)).toBe(true);
          }
        }
        for (const e of list) {
          const asking = items.flatMap((it) => it.materials).filter((m) => normaliseMaterialName(m.name) === normaliseMaterialName(e.name));
          expect(e.required).toBe(asking.some((m) => m.required));
        }
      }),
    );
  });
});
