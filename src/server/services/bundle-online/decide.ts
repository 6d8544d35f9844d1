/**
 * The window decides an online bundle application (clerk: case:intake + case:accept over the
 * bundle's center and departments):
 * - accept: the bundle run starts with the stored applicant, form and materials — the same start
 *   as at the counter (bundle-case/start.ts openBundleRun; its `start` action says `channel:
 *   'online'`) — in one transaction with marking the application accepted with the run's id;
 * - return: every reason at once and the materials at fault (一次性告知).
 * Either way the applicant gets a message in the hall's message box (outbox, inbox channel): no
 * names, no ID numbers, as the case messages.
 */
import type { Transaction } from 'kysely';
import { AcceptBundleApplicationBody, type BundleApplicationView, ReturnBundleApplicationBody } from '../../../contracts/bundle-online.js';
import { StartBundleRunBody } from '../../../contracts/bundle-case.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import type { Database } from '../../db/schema.js';
import { lockBundleApplication, updateBundleApplication } from '../../repositories/bundle-online.js';
import { findBundleRun } from '../../repositories/bundle-runs.js';
import { recordAction } from '../audit/record.js';
import { findStartable, openBundleRun } from '../bundle-case/start.js';
import { buildCombined } from '../bundle/items.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { notifyStaff } from '../supervision/notify.js';
import { requireSubmitted, staleApplication, windowApplication } from './access.js';
import { storedMaterials } from './view.js';
import { windowBundleApplication } from './window.js';

/** Locks the application, checks scope, version and status; the window actor and the row. */
async function decidable(trx: Transaction<Database>, ctx: Ctx, id: string, version: number) {
  await lockBundleApplication(trx, ctx.deps.db.dialect, id);
  const found = await windowApplication(ctx, trx, id);
  if (found.row.version !== version) throw staleApplication();
  requireSubmitted(found.row);
  return found;
}

/**
 * Errors: forbidden, notFound, conflict (409 stale `version`), invalidState (409: decided or
 * withdrawn), validation (400, from the run's start: the bundle no longer published, `form.<key>`
 * or `materials.<code>` against the bundle as it is now — return the application then).
 */
export async function acceptBundleApplication(ctx: Ctx, id: string, input: AcceptBundleApplicationBody): Promise<BundleApplicationView> {
  const { version } = AcceptBundleApplicationBody.parse(input);
  await inTx(ctx.deps, async (trx) => {
    const { actor, row } = await decidable(trx, ctx, id, version);
    const applicant = row.applicant_kind === 'person'
      ? { kind: 'person' as const, name: row.applicant_name, idNumber: row.applicant_id_number ?? '', phone: row.applicant_phone }
      : { kind: 'enterprise' as const, name: row.applicant_name, uscc: row.applicant_uscc ?? '', phone: row.applicant_phone };
    const body = StartBundleRunBody.parse({
      bundleId: row.bundle_id, applicant, form: JSON.parse(row.form_data), materials: [...new Set(storedMaterials(row).map((m) => m.code))],
    });
    const runId = await openBundleRun(trx, ctx, actor, body, { channel: 'online', applicationId: id, applicantUserId: row.user_id });
    const now = nowIso(ctx.deps);
    if (!(await updateBundleApplication(trx, id, version, { status: 'accepted', run_id: runId, decided_at: now, decided_by: actor.userId, updated_at: now }))) throw staleApplication();
    const run = (await findBundleRun(trx, runId))!;
    await recordAction(trx, ctx, { entity: 'bundleApplication', entityId: id, action: 'accept', payload: { runId, runNo: run.run_no } });
    await notifyStaff(trx, [row.user_id], {
      template: 'bundleApplicationAccepted', caseId: null, at: now,
      title: '一件事申请已受理',
      body: `您在网上申请的「${row.bundle_name}」已受理，一件事办件编号 ${run.run_no}，查询码 ${run.verification_code}；可在“我的一件事”中查看各阶段办理进度。`,
    });
  });
  return windowBundleApplication(ctx, id);
}

/** Errors: forbidden, notFound, conflict, invalidState, validation (`materials.N` not in the checklist). */
export async function returnBundleApplication(ctx: Ctx, id: string, input: ReturnBundleApplicationBody): Promise<BundleApplicationView> {
  const body = ReturnBundleApplicationBody.parse(input);
  await inTx(ctx.deps, async (trx) => {
    const { actor, row } = await decidable(trx, ctx, id, body.version);
    const { stages, resolved } = await findStartable(trx, row.bundle_id);
    const checklist = buildCombined(stages, resolved).materials;
    const unknown = body.materials.flatMap((code, i) => (checklist.some((m) => m.code === code) ? [] : [i]));
    if (unknown.length > 0) {
      throw invalid(unknown.map((i) => fieldError(`materials.${i}`, `materials.${i}：材料清单中没有编码为 ${body.materials[i]} 的材料`, `materials.${i}: the checklist has no material ${body.materials[i]}`)));
    }
    const now = nowIso(ctx.deps);
    const reason = { reason: body.reason, materials: [...new Set(body.materials)] };
    if (!(await updateBundleApplication(trx, id, body.version, { status: 'returned', return_reason: JSON.stringify(reason), decided_at: now, decided_by: actor.userId, updated_at: now }))) {
      throw staleApplication();
    }
    await recordAction(trx, ctx, { entity: 'bundleApplication', entityId: id, action: 'return', payload: reason });
    const names = checklist.filter((m) => reason.materials.includes(m.code)).map((m) => `「${m.name}」`).join('、');
    await notifyStaff(trx, [row.user_id], {
      template: 'bundleApplicationReturned', caseId: null, at: now,
      title: '一件事申请被退回',
      body: `您在网上申请的「${row.bundle_name}」被退回：${body.reason}${names ? `。需要补正的材料：${names}` : ''}。请修改后重新申请。`,
    });
  });
  return windowBundleApplication(ctx, id);
}
