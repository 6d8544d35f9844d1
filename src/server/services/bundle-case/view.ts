/**
 * The run as staff see it (one progress view): its stages, each with its child cases (status,
 * light, promised deadline), the one deadline, the combined fee sheet, and the moves the reader
 * may make. Child cases are read with their stored projection; their fees from their folded action
 * lists (the truth, fees.ts).
 */
import type { BundleRunStage, BundleRunSummary, BundleRunView } from '../../../contracts/bundle-case.js';
import type { CaseLight, CaseOutcome, CaseStatus } from '../../../contracts/case.js';
import { childProgress, type BundleRunStatus } from '../../../domain/bundle/run.js';
import type { BundleStageDef } from '../../../domain/bundle/types.js';
import type { z } from 'zod';
import type { BundleRunsTable } from '../../db/schema.js';
import { type BundleRunRow, type RunCaseRow, listRunCases } from '../../repositories/bundle-runs.js';
import { buildCombined, resolveItems } from '../bundle/items.js';
import type { Ctx, Executor } from '../context.js';
import { getRunRow, mayOnRun, requireRunPermission, runActorFor, runScopeOf } from './access.js';
import { feeSheet } from './fees.js';

export function toRunSummary(row: BundleRunsTable): BundleRunSummary {
  return {
    id: row.id,
    runNo: row.run_no,
    bundleId: row.bundle_id,
    bundleName: row.bundle_name,
    applicantName: row.applicant_name,
    status: row.status as BundleRunStatus,
    stage: row.stage,
    stageCount: (JSON.parse(row.stages) as unknown[]).length,
    acceptedOn: row.accepted_on,
    promisedDue: row.promised_due,
    endedOn: row.ended_on,
    createdAt: row.created_at,
  };
}

export const toChild = (c: RunCaseRow) => ({
  caseId: c.case_id,
  caseNo: c.case_no,
  itemId: c.item_id,
  itemName: c.item_name,
  departmentName: c.department_name,
  status: c.status as CaseStatus,
  outcome: c.outcome as z.infer<typeof CaseOutcome> | null,
  light: c.light as z.infer<typeof CaseLight> | null,
  promisedDue: c.promised_due,
  progress: childProgress(c.status, c.outcome),
});

/** The stages with their children and where each stands. */
export function runStages(row: BundleRunsTable, children: readonly RunCaseRow[], names: ReadonlyMap<string, string>, limits: readonly number[]): BundleRunStage[] {
  const stages = JSON.parse(row.stages) as BundleStageDef[];
  return stages.map((s, i) => {
    const cases = children.filter((c) => c.stage === i).map(toChild);
    const status: BundleRunStage['status'] =
      cases.length === 0 ? 'waiting'
        : cases.some((c) => c.progress === 'failed') ? 'stopped'
          : cases.every((c) => c.progress === 'done') ? 'done'
            : row.status === 'stopped' ? 'stopped' : 'inProgress';
    return { name: s.name, promisedLimit: limits[i] ?? 0, status, items: s.itemIds.map((id) => ({ itemId: id, itemName: names.get(id) ?? id })), cases };
  });
}

/** The combined form's field titles by key (the key where a field has none). */
export function formTitles(schema: Record<string, unknown>): Record<string, string> {
  const props = (schema.properties ?? {}) as Record<string, { title?: unknown }>;
  return Object.fromEntries(Object.entries(props).map(([k, p]) => [k, typeof p?.title === 'string' && p.title ? p.title : k]));
}

export async function buildRunView(db: Executor, ctx: Ctx, row: BundleRunRow): Promise<BundleRunView> {
  const stages = JSON.parse(row.stages) as BundleStageDef[];
  const children = await listRunCases(db, row.id);
  const resolved = await resolveItems(db, stages, row.center_path);
  const combined = buildCombined(stages, resolved);
  const names = new Map([...resolved].map(([id, it]) => [id, it.data.name]));
  const fees = await feeSheet(db, children);
  const scope = runScopeOf(row);
  const open = row.status === 'inProgress';
  const actions: BundleRunView['actions'] = [];
  if (mayOnRun(ctx.actor, scope, 'case:accept')) {
    if (open) actions.push('assessFees');
    if (fees.unpaidFen > 0) actions.push('payFees');
  }
  const stop = row.stop_reason ? (JSON.parse(row.stop_reason) as { zh: string; en: string }) : null;
  return {
    ...toRunSummary(row),
    centerId: row.center_id,
    verificationCode: row.verification_code,
    applicant: { kind: row.applicant_kind as 'person' | 'enterprise', name: row.applicant_name, idNumber: row.applicant_id_number, uscc: row.applicant_uscc, phone: row.applicant_phone },
    form: JSON.parse(row.form_data) as Record<string, unknown>,
    formTitles: formTitles(combined.form.schema),
    materials: JSON.parse(row.materials) as BundleRunView['materials'],
    limits: { promisedLimit: row.promised_limit, statutoryLimit: row.statutory_limit },
    statutoryDue: row.statutory_due,
    stages: runStages(row, children, names, combined.stages.map((s) => s.promisedLimit)),
    stopReason: stop && row.stop_case_id ? { caseId: row.stop_case_id, message: stop.zh, messageEn: stop.en } : null,
    fees,
    actions,
    version: row.version,
  };
}

/** Errors: forbidden (case:read over the run's center and departments), notFound. */
export async function getBundleRun(ctx: Ctx, id: string): Promise<BundleRunView> {
  const actor = requireRunPermission(ctx, 'case:read');
  const db = ctx.deps.db.kysely;
  const row = await getRunRow(db, id);
  runActorFor(actor, runScopeOf(row), 'case:read');
  return buildRunView(db, ctx, row);
}
