/**
 * 绿色通道 (DESIGN §4 "Work items"): an open case flagged for the green channel — key projects,
 * urgent livelihood needs — with a named escort (领办人) who walks it through; flagged cases are
 * sorted first in the case lists, the task inboxes and the monitor (cases.green_channel). The
 * flag is a case action (`greenChannel`), so it is in the case's history and the action log;
 * lifting it needs a reason too.
 *
 * Who: the window (case:accept) or the department's leader (case:decide) over the case; the
 * domain's role rule (clerk, chief rep, department leader). The escort is an active staff account.
 *
 * Errors: forbidden, notFound, conflict (409, stale `version`), invalidState (409: the case is
 * closed), validation (400: `escortId` unknown or not staff, `reason` blank, `on` false on a case
 * not flagged).
 */
import { GreenChannelBody as GreenSchema, type GreenChannelBody } from '../../../contracts/case-flags.js';
import type { CaseView } from '../../../contracts/case.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import type { Permission } from '../../../domain/permissions.js';
import { findCase } from '../../repositories/cases.js';
import { findUserById, userCenterPaths } from '../../repositories/users.js';
import type { Ctx } from '../context.js';
import { requireCasePermission } from './access.js';
import { moveCase } from './move.js';

const WINDOW_OR_LEADER: readonly Permission[] = ['case:accept', 'case:decide'];

export async function setGreenChannel(ctx: Ctx, id: string, input: GreenChannelBody): Promise<CaseView> {
  requireCasePermission(ctx, WINDOW_OR_LEADER);
  const body = GreenSchema.parse(input);
  let escortName = '';
  if (body.on && body.escortId) {
    const u = await findUserById(ctx.deps.db.kysely, body.escortId);
    // a staff account of the case's center or a center above it (whose staff may work its cases); an unknown case is moveCase's 404
    const c = await findCase(ctx.deps.db.kysely, id);
    const onLine = !c || (u !== undefined && (await userCenterPaths(ctx.deps.db.kysely, u.id)).some((p) => c.center_path.startsWith(p)));
    if (!u || u.active !== 1 || u.kind !== 'staff' || !onLine) throw invalid([fieldError('escortId', 'escortId：领办人应为本中心在岗工作人员', 'escortId: the escort must be an active staff member of the case’s center')]);
    escortName = u.display_name;
  }
  return moveCase(ctx, id, body.version, WINDOW_OR_LEADER, (base) => ({
    ...base,
    kind: 'greenChannel',
    on: body.on,
    escortId: body.on ? body.escortId : null,
    escortName,
    reason: body.reason,
  }));
}
