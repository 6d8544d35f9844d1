/**
 * What a case move or view reads over and over and can keep in memory without weakening
 * anything, with what makes each safe across app instances:
 * - an item version's data, parsed and checked once: a version is never changed once it leaves
 *   draft (catalogue/writes.ts edits drafts only; publishing and suspending change its status,
 *   which a case does not read), and ids are never reused — drafts are not kept;
 * - the light thresholds of a center, kept under the settings revision token (migration 0004;
 *   replaced by a trigger on every write to `settings`), read by the caller with the case's
 *   actions. The calendar is kept the same way (calendar/load.ts);
 * - the evaluation settings of a center (rating period, …) under the same token: a move that
 *   opens a rating occasion (acceptance, conclusion) would otherwise read them each time.
 */
import type { ItemData } from '../../../contracts/catalogue.js';
import type { CaseItem, HandlingClass, LightThresholds, SpecialProcedureKind } from '../../../domain/case/index.js';
import { notFound } from '../../../domain/errors.js';
import { findVersionById } from '../../repositories/items.js';
import { readData } from '../catalogue/version-row.js';
import type { Executor } from '../context.js';
import { type EvaluationSettings, evaluationSettingsFor } from '../evaluation/settings.js';
import { lightThresholdsFor } from '../settings/index.js';

/** A small LRU: a Map iterates in insertion order, so the first key is the least recently used. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.set(key, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

/** What cases use of an item version. */
export interface CaseItemVersion {
  id: string;
  versionNo: number;
  departmentId: string;
  /** the version's name column (the item's name in it) */
  name: string;
  data: ItemData;
  /** what the case rules need (access.ts caseItemOf) */
  item: CaseItem;
}

const versions = new Lru<CaseItemVersion>(1000);

/** The item version a case keeps, or 404. */
export async function caseItemVersion(db: Executor, id: string): Promise<CaseItemVersion> {
  const hit = versions.get(id);
  if (hit) return hit;
  const v = await findVersionById(db, id);
  if (!v) throw notFound('事项版本', 'Item version');
  const data = readData(v);
  const out: CaseItemVersion = {
    id: v.id,
    versionNo: v.version_no,
    departmentId: v.department_id,
    name: v.name,
    data,
    item: {
      handlingClass: v.handling_class as HandlingClass,
      promisedLimit: v.promised_limit,
      statutoryLimit: v.statutory_limit,
      specialProcedures: data.specialProcedures as SpecialProcedureKind[],
    },
  };
  if (v.status !== 'draft') versions.set(id, out);
  return out;
}

const thresholds = new Lru<LightThresholds>(256);

/** The center's light thresholds at settings revision `revision` (read by the caller just before). */
export async function thresholdsAt(db: Executor, centerPath: string, revision: string): Promise<LightThresholds> {
  const key = `${revision}|${centerPath}`;
  const hit = thresholds.get(key);
  if (hit) return hit;
  const t = await lightThresholdsFor(db, centerPath);
  thresholds.set(key, t);
  return t;
}

const evaluation = new Lru<EvaluationSettings>(256);

/** The center's evaluation settings at settings revision `revision` (read by the caller in its transaction). */
export async function evaluationSettingsAt(db: Executor, centerPath: string, revision: string): Promise<EvaluationSettings> {
  const key = `${revision}|${centerPath}`;
  const hit = evaluation.get(key);
  if (hit) return hit;
  const st = await evaluationSettingsFor(db, centerPath);
  evaluation.set(key, st);
  return st;
}
