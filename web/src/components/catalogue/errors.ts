/**
 * Server field errors of a list-valued field may name the list (`coDepartmentIds`) or one entry
 * (`coDepartmentIds.1`); the form shows either under the list's own input.
 */
export function errorAt(errors: Record<string, string | undefined>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  for (const [k, v] of Object.entries(errors)) if (v && k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length))) return v;
  return undefined;
}

/** One problem of the error summary: a field path (ItemData's JSON path) and its message. */
export interface Problem {
  field: string;
  message: string;
}
