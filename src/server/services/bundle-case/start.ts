/**
 * Starting a bundle run (一件事, 一窗受理): a clerk takes in one application for a published bundle —
 * one applicant (a person's citizen ID number or an enterprise's USCC, checked like case intake),
 * the bundle's combined form (checked against its schema), the combined material checklist (every
 * required material received) — and accepts it; stage 1's child cases open at once (open-child.ts).
 *
 * Run number: `YJS` + a number of the center's case-number scheme (`{area6}{yyMMdd}{seq6}`),
 * its sequence taken from the same daily counter as the center's cases, so a run number never
 * equals a case number and needs no counter of its own. The run's one deadline is fixed here:
 * Σ over stages of the longest item's limit, working days from today (domain/bundle/run.ts).
 *
 * Errors: forbidden (no case:intake + case:accept; the bundle's center not covered, or a
 * department grant of a department with no item in the bundle), validation (400: `bundleId`
 * unknown, not published or with an item not published; `applicant.idNumber` / `applicant.uscc`;
 * `form.<key>`; `materials.<code>` for a required material not received, `materials.N` for a
 * code not in the checklist).
 *
 * Both ways in share `openBundleRun`: a clerk starting a run at the counter, and the window
 * accepting an online bundle application (services/bundle-online/accept.ts), whose run's `start`
 * action records `channel: 'online'` and the application's id.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type BundleRunView, StartBundleRunBody } from '../../../contracts/bundle-case.js';
import { runDeadlines, runNo } from '../../../domain/bundle/run.js';
import { formatCaseNo, verificationCode } from '../../../domain/case/index.js';
import { type FieldError, fieldError, invalid } from '../../../domain/errors.js';
import { checkForm } from '../../../domain/forms/index.js';
import { checkIdNumber, checkUscc } from '../../../domain/identity/index.js';
import { insertBundleRun } from '../../repositories/bundle-runs.js';
import { findBundle } from '../../repositories/bundles.js';
import { allocateCaseSeq } from '../../repositories/cases.js';
import { findCenterById } from '../../repositories/centers.js';
import { recordAction } from '../audit/record.js';
import { buildCombined, resolveItems } from '../bundle/items.js';
import { stagesOf } from '../bundle/row.js';
import { loadCalendar } from '../calendar/load.js';
import { today } from '../case/access.js';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { BundleCombined } from '../../../contracts/bundle.js';
import type { Actor } from '../../../domain/permissions.js';
import type { Database } from '../../db/schema.js';
import { type Ctx, type Executor, inTx } from '../context.js';
import { requireRunPermission, runActorFor } from './access.js';
import { childItem, openChildCase } from './open-child.js';
import { getBundleRun } from './view.js';

type Applicant = StartBundleRunBody['applicant'];

function checkApplicant(a: Applicant, date: string, errors: FieldError[]): { idNumber: string | null; uscc: string | null } {
  if (a.kind === 'person') {
    const r = checkIdNumber(a.idNumber, date);
    if (r.ok) return { idNumber: r.value, uscc: null };
    errors.push(fieldError('applicant.idNumber', `applicant.idNumber：${r.zh}`, `applicant.idNumber: ${r.en}`));
    return { idNumber: null, uscc: null };
  }
  const r = checkUscc(a.uscc);
  if (r.ok) return { idNumber: null, uscc: r.value };
  errors.push(fieldError('applicant.uscc', `applicant.uscc：${r.zh}`, `applicant.uscc: ${r.en}`));
  return { idNumber: null, uscc: null };
}

const badBundle = (zh: string, en: string) => invalid([fieldError('bundleId', `bundleId：${zh}`, `bundleId: ${en}`)]);

/** The bundle a run is started of, its stages, items and their departments; 400 naming `bundleId` when there is none. */
export async function findStartable(trx: Executor, bundleId: string) {
  const bundle = await findBundle(trx, bundleId);
  if (!bundle) throw badBundle('“一件事”不存在', 'no such bundle');
  const stages = stagesOf(bundle);
  const resolved = await resolveItems(trx, stages, bundle.center_path);
  const departmentIds = [...new Set([...resolved.values()].map((it) => it.data.departmentId))];
  return { bundle, stages, resolved, departmentIds };
}
export type Startable = Awaited<ReturnType<typeof findStartable>>;

/** The combined form and checklist; 400 naming `bundleId` unless the bundle and all its items are published. */
export function checkStartable({ bundle, stages, resolved }: Startable): BundleCombined {
  if (bundle.status !== 'published') throw badBundle('“一件事”未发布，不能受理', 'the bundle is not published');
  const missing = stages.flatMap((s) => s.itemIds).filter((i) => resolved.get(i)?.available !== true);
  if (missing.length > 0 || stages.length === 0) {
    const names = missing.map((i) => resolved.get(i)?.data.name ?? i).join('、');
    throw badBundle(`事项${names}未发布或已暂停办理，暂不能受理`, `item(s) ${names} not published or suspended`);
  }
  return buildCombined(stages, resolved);
}

/** The form's checked values; adds `form.<key>`, `materials.N` (not in the checklist) and `materials.<code>` (required, missing) to `errors`. */
export function checkFormAndMaterials(combined: BundleCombined, formInput: unknown, materials: readonly string[], errors: FieldError[]): Record<string, unknown> {
  const form = checkForm(combined.form.schema, formInput);
  errors.push(...form.errors);
  const codes = new Set(combined.materials.map((m) => m.code));
  materials.forEach((code, i) => {
    if (!codes.has(code)) errors.push(fieldError(`materials.${i}`, `materials.${i}：材料清单中没有编码为 ${code} 的材料`, `materials.${i}: the checklist has no material ${code}`));
  });
  for (const m of combined.materials) {
    if (m.required && !materials.includes(m.code)) {
      errors.push(fieldError(`materials.${m.code}`, `materials.${m.code}：必须收取「${m.name}」`, `materials.${m.code}: "${m.name}" is required`));
    }
  }
  return form.values as Record<string, unknown>;
}

/** How the application reached the window: at the counter, or online (the hall's bundle application). */
export type RunSource = { channel: 'window' } | { channel: 'online'; applicationId: string; applicantUserId: string };

export async function startBundleRun(ctx: Ctx, input: StartBundleRunBody): Promise<BundleRunView> {
  const actor = requireRunPermission(ctx, 'case:intake', 'case:accept');
  const body = StartBundleRunBody.parse(input);
  const id = await inTx(ctx.deps, (trx) => openBundleRun(trx, ctx, actor, body, { channel: 'window' }));
  return getBundleRun(ctx, id);
}

/** The start of a run in the caller's transaction (errors as startBundleRun's); the run's id. */
export async function openBundleRun(trx: Transaction<Database>, ctx: Ctx, actor: Actor, body: z.output<typeof StartBundleRunBody>, source: RunSource): Promise<string> {
  const startable = await findStartable(trx, body.bundleId);
  const { bundle, stages, departmentIds } = startable;
  const caseActor = runActorFor(actor, { centerPath: bundle.center_path, departmentIds }, 'case:intake', 'case:accept');
  const combined = checkStartable(startable);
  const center = (await findCenterById(trx, bundle.center_id))!;
  const now = today(ctx, center.time_zone);

  const errors: FieldError[] = [];
  const applicant = checkApplicant(body.applicant, now.date, errors);
  const formValues = checkFormAndMaterials(combined, body.form, body.materials, errors);
  if (errors.length > 0) throw invalid(errors);

  const cal = await loadCalendar(trx, center.path);
  const due = runDeadlines(cal, now.date, combined.limits);
  const seq = await allocateCaseSeq(trx, center.id, now.date);
  const run = {
    id: randomUUID(),
    center_id: center.id,
    bundle_id: bundle.id,
    run_no: runNo(formatCaseNo({ areaCode: center.area_code, date: now.date, seq })),
    verification_code: verificationCode(randomBytes(16)),
    bundle_name: bundle.name,
    stages: JSON.stringify(stages),
    department_ids: departmentIds.join(' '),
    applicant_kind: body.applicant.kind,
    applicant_name: body.applicant.name,
    applicant_id_number: applicant.idNumber,
    applicant_uscc: applicant.uscc,
    applicant_phone: body.applicant.phone,
    applicant_user_id: source.channel === 'online' ? source.applicantUserId : null,
    form_data: JSON.stringify(formValues),
    // the checklist as it stood, with what was received
    materials: JSON.stringify(combined.materials.map((m) => ({ code: m.code, name: m.name, required: m.required, received: body.materials.includes(m.code) }))),
    status: 'inProgress',
    stage: 0,
    accepted_on: now.date,
    promised_limit: combined.limits.promisedLimit,
    promised_due: due.promised,
    statutory_limit: combined.limits.statutoryLimit,
    statutory_due: due.statutory,
    ended_on: null,
    stop_case_id: null,
    stop_reason: null,
    payments: 0,
    created_by: actor.userId,
    created_role: caseActor.role,
    version: 1,
    created_at: now.at,
    updated_at: now.at,
  };
  await insertBundleRun(trx, run);
  await recordAction(trx, ctx, {
    entity: 'bundleRun',
    entityId: run.id,
    action: 'start',
    payload: { runNo: run.run_no, bundleId: bundle.id, applicantKind: run.applicant_kind, promisedDue: run.promised_due, received: body.materials, channel: source.channel, ...(source.channel === 'online' ? { applicationId: source.applicationId } : {}) },
  });
  const first = stages[0].itemIds;
  for (const [position, itemId] of first.entries()) {
    const it = await childItem(trx, itemId);
    if (!it) throw badBundle('事项未发布', 'an item is not published');
    await openChildCase(trx, ctx, run, it, 0, position);
  }
  return run.id;
}
