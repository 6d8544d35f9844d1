/**
 * Rating at the window and by SMS link (DESIGN §6):
 * - the window rating screen (`/hall/rate/<window>`, a device facing the applicant, no login)
 *   shows the case the window's clerk acted on last and its open occasion, with five large
 *   buttons; it rates only that case, once per occasion;
 * - the SMS link carries a signed token naming the occasion; the page rates it once.
 * Personal data on both is masked: the screen faces the hall.
 */
import type { RatingDone, RatingPrompt, SmsRatingPage, WindowRatingBody, WindowScreen } from '../../../contracts/evaluation.js';
import { RatingBody, WindowRatingBody as WindowBody } from '../../../contracts/evaluation.js';
import type { RatingBody as RatingBodyIn } from '../../../contracts/evaluation.js';
import { AppError, fieldError, notFound } from '../../../domain/errors.js';
import { type Channel, type Occasion, indicatorSetFor, mayRate } from '../../../domain/evaluation/index.js';
import { maskName } from '../../../domain/identity/index.js';
import { findCaseOccasions, findOccasion, findWindowScreen, type OccasionRow, ratingsOfCase } from '../../repositories/evaluation.js';
import { today } from '../case/access.js';
import { type Ctx, type Deps, inTx } from '../context.js';
import { evaluationSettingsFor } from './settings.js';
import { indicatorLabels, levelLabels, recordRating } from './rate.js';
import { readRatingToken } from './token.js';

const maskNo = (no: string) => (no.length > 8 ? `${no.slice(0, 4)}****${no.slice(-4)}` : no);

function prompt(o: OccasionRow, applicantName: string, channel: Channel): RatingPrompt {
  const set = indicatorSetFor(channel);
  return {
    caseId: o.case_id, caseNo: maskNo(o.case_no), itemName: o.item_name, applicantName: maskName(applicantName), occasion: o.occasion,
    indicatorSet: set, indicators: indicatorLabels(set), levels: levelLabels(),
  };
}

/** Is the occasion open for rating today (its period not over)? */
async function isOpen(deps: Deps, o: OccasionRow): Promise<boolean> {
  const st = await evaluationSettingsFor(deps.db.kysely, o.center_path);
  const d = today({ deps, actor: null, ip: '' }, o.time_zone).date;
  const m = o.occasion === 'acceptance' ? { acceptedOn: o.opened_on, concludedOn: null } : { acceptedOn: null, concludedOn: o.opened_on };
  return o.status === 'open' || o.status === 'rated' ? mayRate(o.occasion as Occasion, m, d, st.ratingPeriodDays) : false;
}

/** The occasion of the window's current case to rate at the window: open, not yet rated at a window; the latest. */
async function windowOccasion(deps: Deps, caseId: string): Promise<OccasionRow | null> {
  const db = deps.db.kysely;
  const rated = (await ratingsOfCase(db, caseId)).filter((r) => r.channel === 'window').map((r) => r.occasion);
  const open: OccasionRow[] = [];
  for (const o of await findCaseOccasions(db, caseId)) if (!rated.includes(o.occasion) && (await isOpen(deps, o))) open.push(o);
  return open.at(-1) ?? null;
}

/** Errors: notFound (no such window, or closed). */
export async function windowScreen(deps: Deps, windowId: string): Promise<WindowScreen> {
  const w = await findWindowScreen(deps.db.kysely, windowId);
  if (!w || w.active !== 1) throw notFound('窗口', 'Window');
  const o = w.case_id ? await windowOccasion(deps, w.case_id) : null;
  return {
    window: { id: w.id, name: w.name, centerName: w.center_name },
    clerkName: w.clerk_name ?? null,
    prompt: o ? prompt(o, w.applicant_name ?? '', 'window') : null,
  };
}

const notCurrent = () =>
  new AppError('conflict', '该办件已不是本窗口当前办理的办件，请刷新', 'The case is no longer the one this window is handling; reload', [fieldError('caseId', 'caseId：不是本窗口当前办件', 'caseId: not the current case')]);

/** Errors: notFound (window), conflict (409: not the window's current case, or already rated here), unprocessable (no open occasion), validation. */
export async function rateAtWindow(ctx: Ctx, windowId: string, input: WindowRatingBody): Promise<RatingDone> {
  const body = WindowBody.parse(input);
  const w = await findWindowScreen(ctx.deps.db.kysely, windowId);
  if (!w || w.active !== 1) throw notFound('窗口', 'Window');
  if (w.case_id !== body.caseId) throw notCurrent();
  const o = (await findCaseOccasions(ctx.deps.db.kysely, body.caseId)).find((x) => x.occasion === body.occasion);
  if (!o || !(await isOpen(ctx.deps, o))) throw closedOccasion();
  return rate(ctx, o, 'window', body, windowId);
}

const closedOccasion = () =>
  new AppError('unprocessable', '该环节现在不能评价（尚未开始或已过评价期）', 'This occasion cannot be rated now (not open yet, or its period is over)', [fieldError('occasion', 'occasion：不在评价期内', 'occasion: not open for rating')]);

async function rate(ctx: Ctx, o: OccasionRow, channel: Channel, body: { level: RatingDone['level']; indicators?: Record<string, RatingDone['level']>; comment: string }, windowId: string | null): Promise<RatingDone> {
  return inTx(ctx.deps, async (trx) => {
    const at = ctx.deps.clock.now().toISOString();
    const r = await recordRating(trx, ctx, o, { channel, level: body.level, indicators: body.indicators, comment: body.comment, windowId, raterUserId: ctx.actor?.userId ?? null }, at);
    return { id: r.row.id, level: body.level, channel, rectificationId: r.rectificationId };
  });
}

async function tokenOccasion(deps: Deps, token: string): Promise<OccasionRow> {
  const id = await readRatingToken(deps.db.kysely, deps, token);
  const o = id ? await findOccasion(deps.db.kysely, id) : undefined;
  if (!o) throw notFound('评价链接', 'Rating link');
  return o;
}

/** Errors: notFound (a token not signed by us, or for no occasion). */
export async function smsRatingPage(deps: Deps, token: string): Promise<SmsRatingPage> {
  const o = await tokenOccasion(deps, token);
  const rated = (await ratingsOfCase(deps.db.kysely, o.case_id)).some((r) => r.occasion === o.occasion && r.channel === 'sms');
  return { state: rated ? 'rated' : (await isOpen(deps, o)) ? 'open' : 'closed', prompt: prompt(o, o.applicant_name, 'sms') };
}

/** Errors: notFound (token), conflict (409: the link was used), unprocessable (period over), validation. */
export async function rateBySms(ctx: Ctx, token: string, input: RatingBodyIn): Promise<RatingDone> {
  const body = RatingBody.parse(input);
  const o = await tokenOccasion(ctx.deps, token);
  if (!(await isOpen(ctx.deps, o))) throw closedOccasion();
  return rate(ctx, o, 'sms', body, null);
}
