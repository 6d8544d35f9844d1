/**
 * The applicant's profile and real-name identity (实名信息, DESIGN §9): a person's name and
 * citizen ID number (GB 11643, check digit included) or an enterprise's name, unified social
 * credit code (GB 32100, check character included) and legal representative. An identity belongs
 * to one account only (the message box matches `id:` / `uscc:` keys to it), and is fixed once an
 * application was filed under it or an agent acts for it — a change then goes through a window.
 *
 * The check is the number's own (format, region, birth date, check digit); nothing is matched
 * against the public-security or market-regulation registers yet.
 */
import type { HallProfile, IdentityBody, ProfileBody } from '../../../contracts/hall-accounts.js';
import { IdentityBody as IdentitySchema, ProfileBody as ProfileSchema } from '../../../contracts/hall-accounts.js';
import { AppError, conflict, fieldError, invalid } from '../../../domain/errors.js';
import { checkIdNumber, checkUscc, maskIdNumber } from '../../../domain/identity/index.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { countActiveAgents, type HallAccountRow, updateHallAccount, updateUserContact } from '../../repositories/hall-accounts.js';
import { countFiledFor } from '../../repositories/hall-drafts.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { hallAccount, requireApplicant, todayIn } from './access.js';

const accountConflict = () => conflict('账号信息', 'The account');

async function identityEditable(db: Executor, userId: string): Promise<boolean> {
  return (await countFiledFor(db, userId)) === 0 && (await countActiveAgents(db, userId)) === 0;
}

export function toProfile(a: HallAccountRow, editable: boolean): HallProfile {
  return {
    userId: a.user_id,
    username: a.username,
    displayName: a.display_name,
    mobile: a.phone,
    mobileVerified: a.mobile_verified === 1,
    email: a.email,
    emailVerified: a.email_verified === 1,
    identity: a.identity_kind
      ? {
          kind: a.identity_kind as 'person' | 'enterprise',
          name: a.real_name,
          idNumber: a.id_number && maskIdNumber(a.id_number),
          uscc: a.uscc,
          legalRep: a.legal_rep,
          since: a.identity_at!,
        }
      : null,
    identityEditable: editable,
    version: a.version,
  };
}

export async function getProfile(ctx: Ctx): Promise<HallProfile> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  const a = await hallAccount(ctx, db, actor.userId);
  return toProfile(a, await identityEditable(db, actor.userId));
}

/** Errors: unauthenticated, forbidden (staff), conflict (409: stale `version`). */
export async function updateProfile(ctx: Ctx, input: ProfileBody): Promise<HallProfile> {
  const actor = requireApplicant(ctx);
  const body = ProfileSchema.parse(input);
  await inTx(ctx.deps, async (trx) => {
    const a = await hallAccount(ctx, trx, actor.userId);
    const at = nowIso(ctx.deps);
    if (!(await updateHallAccount(trx, actor.userId, body.version, { updated_at: at }))) throw accountConflict();
    // an e-mail account's address is its login name: it stays
    const email = a.username === a.email ? a.email : body.email;
    await updateUserContact(trx, actor.userId, { display_name: body.displayName, email, updated_at: at });
    await recordAction(trx, ctx, { entity: 'user', entityId: actor.userId, action: 'updateProfile', payload: { displayName: body.displayName } });
  });
  return getProfile(ctx);
}

/** The checked, normalised number; 400 naming `idNumber` / `uscc` with the check's reason. */
function checkedIdentity(body: ReturnType<typeof IdentitySchema.parse>, today: string) {
  if (body.kind === 'person') {
    const r = checkIdNumber(body.idNumber, today);
    if (!r.ok) throw invalid([fieldError('idNumber', `idNumber：${r.zh}`, `idNumber: ${r.en}`)]);
    return { identity_kind: 'person', real_name: body.name, id_number: r.value, uscc: null, legal_rep: '' };
  }
  const r = checkUscc(body.uscc);
  if (!r.ok) throw invalid([fieldError('uscc', `uscc：${r.zh}`, `uscc: ${r.en}`)]);
  return { identity_kind: 'enterprise', real_name: body.name, id_number: null, uscc: r.value, legal_rep: body.legalRep };
}

/**
 * Sets the real-name identity. Errors: validation (`idNumber` / `uscc` failing its check),
 * conflict (409: stale `version`; the number is another account's, naming the field),
 * invalidState (409: fixed since an application was filed or an agent was authorised).
 */
export async function setIdentity(ctx: Ctx, input: IdentityBody): Promise<HallProfile> {
  const actor = requireApplicant(ctx);
  const body = IdentitySchema.parse(input);
  const id = checkedIdentity(body, todayIn(ctx).date);
  const field = body.kind === 'person' ? 'idNumber' : 'uscc';
  try {
    await inTx(ctx.deps, async (trx) => {
      await hallAccount(ctx, trx, actor.userId);
      if (!(await identityEditable(trx, actor.userId))) {
        throw new AppError('invalidState', '已有以该实名信息提交的申请或授权的代办人，实名信息不能再修改；如需变更请到中心窗口办理', 'Applications were filed or agents authorised under this identity; change it at a window');
      }
      const at = nowIso(ctx.deps);
      if (!(await updateHallAccount(trx, actor.userId, body.version, { ...id, identity_at: at, updated_at: at }))) throw accountConflict();
      await updateUserContact(trx, actor.userId, { display_name: body.name, updated_at: at });
      await recordAction(trx, ctx, { entity: 'user', entityId: actor.userId, action: 'setIdentity', payload: { kind: body.kind, idNumber: id.id_number && maskIdNumber(id.id_number), uscc: id.uscc } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('conflict', '该证件号码已被其他账号实名认证；如有疑问请到中心窗口核实', 'Another account already holds this identity; check it at a window', [
        fieldError(field, `${field}：已被其他账号使用`, `${field}: already used by another account`),
      ]);
    }
    throw e;
  }
  return getProfile(ctx);
}
