/** The production reply serializer (src/server/serialize.ts) writes what the Zod serializer writes. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseView } from '../../src/contracts/case.js';
import { whitelistSerializerCompiler } from '../../src/server/serialize.js';

const serialize = (schema: z.ZodType, data: unknown) => whitelistSerializerCompiler({ schema, method: 'GET', url: '/x' })(data);
const byZod = (schema: z.ZodType, data: unknown) => JSON.stringify(schema.parse(data));

describe('whitelist serializer', () => {
  const Item = z.object({ code: z.string(), name: z.string().trim(), required: z.boolean().default(true) });
  const Schema = z.object({
    id: z.string(),
    n: z.number().int().nullable(),
    tags: z.array(z.enum(['a', 'b'])).optional(),
    items: z.array(Item),
    payload: z.record(z.string(), z.unknown()),
    either: z.union([z.string(), z.null()]),
    shape: z.discriminatedUnion('kind', [z.object({ kind: z.literal('x'), x: z.number() }), z.object({ kind: z.literal('y'), y: z.string() })]),
    nested: z.object({ a: z.string(), b: z.object({ c: z.number() }).nullable() }),
    note: z.string().default(''),
    loose: z.looseObject({ k: z.string() }),
  });
  const data = {
    secret: 'never sent',
    id: 'c1',
    n: null,
    items: [{ code: 'M1', name: '  申请书 ', extra: 1 }, { code: 'M2', name: 'b', required: false }],
    payload: { any: { thing: [1, '二'] } },
    either: null,
    shape: { kind: 'y', y: 'why', x: 3 },
    nested: { a: 'α', b: { c: 1, d: 2 }, e: 3 },
    loose: { k: 'v', more: true },
    id2: 'extra',
  };

  it('writes exactly the Zod serializer’s text, leaving out keys the schema does not declare', () => {
    expect(serialize(Schema, data)).toBe(byZod(Schema, data));
    expect(serialize(Schema, data)).not.toContain('never sent');
    expect(serialize(Schema, { ...data, tags: ['a'], n: 3, nested: { a: 'x', b: null } })).toBe(byZod(Schema, { ...data, tags: ['a'], n: 3, nested: { a: 'x', b: null } }));
  });

  it('still refuses what Zod refuses in the parts it hands to Zod', () => {
    expect(() => serialize(Schema, { ...data, shape: { kind: 'z' } })).toThrow();
  });

  it('is compiled once per schema for the case view', () => {
    expect(() => whitelistSerializerCompiler({ schema: CaseView, method: 'GET', url: '/x' })).not.toThrow();
  });
});
