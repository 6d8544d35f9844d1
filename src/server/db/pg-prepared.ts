/**
 * Names for server-side prepared statements (db/pg-pool.ts). Kysely sends every query unnamed,
 * so PostgreSQL parses and plans its text on every call; for the app's short statements that is
 * much of the server's work. A statement seen before is sent under a name: each connection
 * parses it once, then only binds and runs it.
 *
 * Which texts get a name: data statements (select / insert / update / delete / with) on their
 * second use (one-off texts — a report's filters, an import's chunk — are not kept), at most
 * `max` texts per process, so a connection holds at most `max` prepared statements. Names come
 * from one counter per process and a text keeps its name: every connection of every pool maps a
 * name to the same text, as pg requires. Cursors (Kysely's `stream`) and other statements pass through.
 *
 * Tables are altered by migrations, which run before the app's queries; PostgreSQL re-plans a
 * prepared statement whose tables changed.
 */

const DATA = /^\s*(select|insert|update|delete|with)\b/i;

export interface StatementNames {
  /** the name a text is sent under, or undefined (sent unnamed) */
  nameOf(text: string): string | undefined;
  readonly size: number;
}

export function statementNames(max = 400): StatementNames {
  const named = new Map<string, string>();
  const seenOnce = new Set<string>();
  return {
    nameOf(text) {
      const name = named.get(text);
      if (name !== undefined || named.size >= max || !DATA.test(text)) return name;
      if (!seenOnce.has(text)) {
        // bounded like the names: past it, texts seen once are forgotten
        if (seenOnce.size >= max * 4) seenOnce.clear();
        seenOnce.add(text);
        return undefined;
      }
      seenOnce.delete(text);
      const fresh = `os${named.size + 1}`;
      named.set(text, fresh);
      return fresh;
    },
    get size() {
      return named.size;
    },
  };
}

/** One name table for the process: names are per text, whatever the pool. */
export const processNames = statementNames();
