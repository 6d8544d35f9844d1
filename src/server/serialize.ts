/**
 * Reply serialization in production. fastify-type-provider-zod's serializer runs the whole Zod
 * response schema on every reply (a case view: its actions, tasks, notices …) — a full validation
 * of data the server built itself. In development and tests (`config.production` false) the app
 * keeps that serializer, so every reply a test sees is validated. In production it uses
 * `whitelistSerializerCompiler`: the schema is walked once per route into a function that copies
 * only the keys the schema declares (the schema stays the reply's whitelist: a field a handler
 * adds by mistake is never sent) and then `JSON.stringify`. Where the copy would not be exactly
 * what Zod outputs — defaults, transforms, trimmed strings, unions of objects, objects with a
 * catch-all — that part of the reply is parsed by Zod as before (and refused the same way).
 * For valid data the text is the one the Zod serializer writes (test/unit/serialize.test.ts).
 */
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeParse } from 'zod/v4/core';

type Copy = (v: unknown) => unknown;

const SAME: Copy = (v) => v;
/** kinds whose output is their input */
const PLAIN = new Set(['number', 'boolean', 'literal', 'enum', 'null', 'unknown', 'any', 'bigint', 'int', 'nan', 'undefined', 'date', 'never']);

class Refused extends Error {
  constructor(override readonly cause: unknown) {
    super('response does not match its schema');
  }
}

/** The subtree parsed by Zod: what it outputs, or Refused. */
function byZod(schema: $ZodType): Copy {
  return (v) => {
    const r = safeParse(schema, v);
    if (r.error) throw new Refused(r.error);
    return r.data;
  };
}

const cache = new WeakMap<$ZodType, Copy>();

export function compileCopy(schema: $ZodType): Copy {
  const hit = cache.get(schema);
  if (hit) return hit;
  const f = build(schema);
  cache.set(schema, f);
  return f;
}

function build(schema: $ZodType): Copy {
  const def = schema._zod.def as any;
  switch (def.type) {
    case 'string':
      // `.trim()`, `.toLowerCase()` … rewrite the value: Zod gives the output
      return (def.checks ?? []).some((c: any) => c._zod.def.check === 'overwrite') ? byZod(schema) : SAME;
    case 'optional': {
      const inner = compileCopy(def.innerType);
      return inner === SAME ? SAME : (v) => (v === undefined ? undefined : inner(v));
    }
    case 'nullable': {
      const inner = compileCopy(def.innerType);
      return inner === SAME ? SAME : (v) => (v === null ? null : inner(v));
    }
    case 'default':
    case 'prefault': {
      const inner = compileCopy(def.innerType);
      const zod = byZod(schema);
      return (v) => (v === undefined ? zod(v) : inner(v));
    }
    case 'array': {
      const el = compileCopy(def.element);
      const zod = byZod(schema);
      return (v) => (Array.isArray(v) ? (el === SAME ? v : v.map(el)) : zod(v));
    }
    case 'record': {
      const key = def.keyType._zod.def;
      if (key.type !== 'string' || compileCopy(def.keyType) !== SAME) return byZod(schema);
      const val = compileCopy(def.valueType);
      const zod = byZod(schema);
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return zod(v);
        if (val === SAME) return v;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v)) out[k] = val((v as Record<string, unknown>)[k]);
        return out;
      };
    }
    case 'object': {
      if (def.catchall) return byZod(schema);
      const fields = Object.entries(def.shape as Record<string, $ZodType>).map(([k, s]) => [k, compileCopy(s)] as const);
      const zod = byZod(schema);
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return zod(v);
        const src = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [k, f] of fields) {
          const x = f(src[k]);
          if (x !== undefined || k in src) out[k] = x;
        }
        return out;
      };
    }
    case 'union': {
      const options = (def.options as $ZodType[]).map(compileCopy);
      return options.every((o) => o === SAME) ? SAME : byZod(schema);
    }
    default:
      return PLAIN.has(def.type) ? SAME : byZod(schema);
  }
}

function resolveSchema(maybeSchema: unknown): $ZodType {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  const props = (maybeSchema as { properties?: unknown })?.properties;
  if (props instanceof $ZodType) return props;
  throw new Error(`not a Zod schema: ${JSON.stringify(maybeSchema)}`);
}

/** Fastify serializer compiler: the whitelist copy of the reply, then JSON.stringify (see above). */
export const whitelistSerializerCompiler =
  ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
    const copy = compileCopy(resolveSchema(schema));
    return (data: unknown): string => {
      try {
        return JSON.stringify(copy(data));
      } catch (e) {
        if (e instanceof Refused) throw new ResponseSerializationError(method, url, { cause: e.cause as any });
        throw e;
      }
    };
  };
