/**
 * What a move brings with it beyond the case itself, written in the move's transaction so the
 * two are never seen apart: the notice it calls for (受理通知书 on acceptance, …; rendered to PDF
 * on first request, see notices.ts) and the messages to the applicant (outbox rows, delivered by
 * the dispatcher: SMS to a mobile number, and the in-app message box).
 */
import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { NoticeKind } from '../../../contracts/case-notices.js';
import type { CaseAction, CaseState } from '../../../domain/case/index.js';
import type { CaseNoticesTable, CasesTable, Database } from '../../db/schema.js';
import { countNotices, insertNotice, insertNotices, noticesInsert } from '../../repositories/notifications.js';
import { type BatchHandle, txBatch } from '../tx-batch.js';
import type { Ctx } from '../context.js';
import { type JointKnown, jointEffects } from './joint.js';
import { queueOutbox } from '../notifications/outbox.js';
import { type MessageFacts, type Template, renderMessage } from '../notifications/templates.js';
import { type CaseTimerFacts, scheduleCaseTimers } from '../timers/schedule.js';
import { type SupervisionKnown, supervisionEffects } from '../supervision/case-hook.js';
import { creditEffects } from '../credit/effects.js';
import { denialEffects } from '../denial/effects.js';
import { bundleRunEffects } from '../bundle-case/hook.js';

/** Notices a move issues, written with its other rows at its end (store.ts writeMoves, tx-batch.ts). */
const noticeBatch = txBatch<CaseNoticesTable>(insertNotices, noticesInsert);
export const noticesBatch: BatchHandle = noticeBatch;

/** 文号 prefixes: 受理〔2026〕{caseNo}-1 */
const NOTICE_PREFIX: Record<NoticeKind, string> = {
  acceptance: '受理',
  supplement: '补正',
  refusal: '不予受理',
  specialProcedure: '特别程序',
  approval: '准予许可',
  denial: '不予许可',
  deliveryReceipt: '送达',
  deferredPledge: '容缺承诺',
  pledge: '告知承诺',
};

/** The notices a move calls for: one, or none — acceptance also brings the applicant's commitments to sign. */
export function noticesFor(action: CaseAction): NoticeKind[] {
  if (action.kind !== 'accept') {
    const one = noticeFor(action);
    return one ? [one] : [];
  }
  return ['acceptance', ...(action.deferred ? (['deferredPledge'] as const) : []), ...(action.pledged.length > 0 ? (['pledge'] as const) : [])];
}

/** The notice a move (other than acceptance: noticesFor) calls for, if any. */
function noticeFor(action: CaseAction): NoticeKind | null {
  switch (action.kind) {
    case 'accept':
      return 'acceptance';
    case 'requestSupplement':
      return 'supplement';
    case 'refuse':
      return 'refusal';
    case 'suspend':
      return 'specialProcedure';
    case 'decide':
    case 'concludeImmediately':
      if (action.decision.outcome === 'approved') return 'approval';
      return action.decision.outcome === 'denied' ? 'denial' : null;
    case 'deliver':
      return 'deliveryReceipt';
    default:
      return null;
  }
}

const collectable = (s: CaseState) => s.status === 'concluded' && s.owedFen === 0 && s.outcome !== 'forwarded';

/** The messages a move sends the applicant. */
export function messagesFor(prev: CaseState, next: CaseState, action: CaseAction): Template[] {
  const out: Template[] = [];
  if (action.kind === 'accept') out.push('caseAccepted');
  if (action.kind === 'requestSupplement') out.push('supplementRequested');
  if (action.kind === 'refuse') out.push('caseRefused');
  if (next.status === 'concluded' && prev.status !== 'concluded') out.push('caseConcluded');
  if (collectable(next) && !collectable(prev)) out.push('readyForCollection');
  return out;
}

const MOBILE = /^1[3-9]\d{9}$/;

/** The facts of the case its messages are written from. */
export type MessageCase = Pick<CasesTable, 'case_no' | 'verification_code' | 'applicant_id_number' | 'applicant_uscc' | 'applicant_phone' | 'applicant_user_id'> & {
  center_name: string;
  item_name: string;
};

/**
 * What a caller that has read the case already passes in, saving the reads (move.ts): the
 * case's notices so far — a notice written here is added to the list — and its message facts.
 */
export interface EffectsKnown {
  notices: CaseNoticesTable[];
  facts: MessageCase;
  /** the case's time zone, center, calendar and light thresholds, for its timers */
  timers?: CaseTimerFacts;
  /** the case row, item data, actions, calendar and settings token, for the supervision effects */
  supervision?: SupervisionKnown;
  /** the case's co-departments, time zone and calendar, for joint cases (the move records the departments: store.ts) */
  joint?: JointKnown;
  /** the bundle run the case is a child of (cases.bundle_run_id), null for none; absent: looked up */
  bundleRunId?: string | null;
}

export async function writeEffects(
  trx: Transaction<Database>,
  ctx: Ctx,
  c: { id: string; caseNo: string },
  prev: CaseState,
  next: CaseState,
  action: CaseAction,
  known?: EffectsKnown,
): Promise<void> {
  // the time-based rules the move sets going (supplement expiry, 容缺 due dates, light changes)
  // 容缺 barred by bad credit (refuses the move), a false pledge recorded against the applicant
  await creditEffects(trx, ctx, c.id, action, known?.facts);
  await scheduleCaseTimers(trx, c.id, prev, next, action, known?.timers);
  // a co-department copied on a joint case, and its opinion's deadline (joint.ts)
  await jointEffects(trx, c.id, next, action, known?.joint);
  // the window's current case, rating occasions, anomalies (supervision/case-hook.ts)
  await supervisionEffects(trx, ctx, c, prev, next, action, known?.supervision);
  // 否定报备: a denial of an investment-project item reported to the liaison and the center
  await denialEffects(trx, ctx, c.id, action);
  // a bundle run's child case ending: the next stage opens, or the run stops (bundle-case/hook.ts)
  await bundleRunEffects(trx, ctx, c, prev, next, action, known?.bundleRunId);
  const notices = noticesFor(action);
  const templates = messagesFor(prev, next, action);
  if (notices.length === 0 && templates.length === 0) return;
  for (const notice of notices) {
    const n = (known ? known.notices.filter((x) => x.kind === notice).length : await countNotices(trx, c.id, notice)) + 1;
    const row: CaseNoticesTable = {
      id: randomUUID(),
      case_id: c.id,
      kind: notice,
      notice_no: `${NOTICE_PREFIX[notice]}〔${action.date.slice(0, 4)}〕${c.caseNo}-${n}`,
      seq: next.version,
      issued_on: action.date,
      file_id: null,
      created_at: action.at,
    };
    // counted from `known` (the move's own list): queued with the move's other rows; else written now
    if (known) {
      await noticeBatch.queue(trx, [row]);
      known.notices.push(row);
    } else await insertNotice(trx, row);
  }
  if (templates.length > 0) await enqueueMessages(trx, ctx, c.id, next, action, templates, known?.facts);
}

async function enqueueMessages(trx: Transaction<Database>, ctx: Ctx, caseId: string, next: CaseState, action: CaseAction, templates: Template[], known?: MessageCase) {
  const row = known ?? await trx
    .selectFrom('cases')
    .innerJoin('centers', 'centers.id', 'cases.center_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .select(['cases.case_no', 'cases.verification_code', 'cases.applicant_id_number', 'cases.applicant_uscc', 'cases.applicant_phone', 'cases.applicant_user_id', 'centers.name as center_name', 'item_versions.name as item_name'])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const facts: MessageFacts = {
    caseNo: row.case_no,
    code: row.verification_code,
    itemName: row.item_name,
    centerName: row.center_name,
    date: action.date,
    progressUrl: `${ctx.deps.config.publicUrl}/progress`,
    promisedDue: next.deadlines?.promised ?? null,
    supplement: next.supplement ? { names: next.supplement.materials.map((m) => m.name), dueDate: next.supplement.dueDate } : undefined,
    refusalReason: next.refusal?.reason,
    outcome: next.outcome,
  };
  const key = row.applicant_id_number ? `id:${row.applicant_id_number}` : `uscc:${row.applicant_uscc}`;
  const base = { case_id: caseId, recipient_user_id: row.applicant_user_id, status: 'pending', attempts: 0, next_attempt_at: action.at, last_error: null, provider: null, created_at: action.at, sent_at: null };
  await queueOutbox(
    trx,
    templates.flatMap((template) => {
      const payload = JSON.stringify(renderMessage(template, facts));
      const inbox = { ...base, id: randomUUID(), channel: 'inbox', template, recipient: key, payload };
      return MOBILE.test(row.applicant_phone) ? [inbox, { ...base, id: randomUUID(), channel: 'sms', template, recipient: row.applicant_phone, payload }] : [inbox];
    }),
  );
}
