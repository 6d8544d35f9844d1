/** Table rows (see ../schema.ts): The calendar, settings, the action log, cache revisions and timers. */
import type { Generated } from 'kysely';

export interface CalendarDaysTable {
  id: string;
  scope: string;
  date: string;
  workday: number;
  name: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  created_by: string | null;
  created_at: string;
}

export interface SettingsTable {
  scope: string;
  key: string;
  value: string;
  version: number;
  updated_at: string;
}

/** One row of the action log: `seq` counts within its `chain`; `pos` numbers rows in the order appended (0014). */
export interface ActionLogTable {
  pos: Generated<number>;
  chain: number;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  role: string;
  client_ip: string;
  entity: string;
  entity_id: string;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The last row of each chain (0014). */
export interface ActionLogHeadTable {
  chain: number;
  seq: number;
  hash: string;
}

/** A random token per kind of data kept built in memory, replaced on every write (0004). */
export interface CacheRevisionsTable {
  name: string;
  revision: string;
}

export interface TimersTable {
  id: string;
  kind: string;
  case_id: string | null;
  /** ISO instant it is (next) due */
  due_at: string;
  /** unique idempotency key, e.g. supplementExpiry:<caseId>:<seq> */
  key: string;
  /** JSON */
  payload: string;
  status: string;
  attempts: number;
  last_error: string | null;
  fired_at: string | null;
  created_at: string;
}
