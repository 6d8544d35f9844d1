/**
 * Registration and password reset of applicant accounts (DESIGN §9). An account is registered
 * with a mobile number and the SMS code sent to it, or with an e-mail address (not verified yet:
 * no mail is sent; e-mail accounts reset their password at a window until mail comes); its login
 * name is the number or the address. Passwords follow the staff rules (auth/passwords.ts).
 * A new account is signed in at once.
 */
import { randomUUID } from 'node:crypto';
import type { PasswordResetBody, RegisterBody } from '../../../contracts/hall-accounts.js';
import { AppError, fieldError, invalid } from '../../../domain/errors.js';
import { maskPhone } from '../../../domain/identity/index.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { clearLoginFailures, findApplicantByMobile, insertHallAccount } from '../../repositories/hall-accounts.js';
import { deleteUserSessions } from '../../repositories/sessions.js';
import { findUserByUsername, insertUser, updatePassword } from '../../repositories/users.js';
import { recordAction } from '../audit/record.js';
import { type LoginResult, login } from '../auth/login.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { checkCode, spendCode } from './codes.js';

const taken = (field: 'mobile' | 'email') =>
  new AppError('conflict', field === 'mobile' ? '该手机号已注册，请直接登录或找回密码' : '该邮箱已注册，请直接登录', field === 'mobile' ? 'This mobile number is already registered' : 'This e-mail address is already registered', [
    fieldError(field, `${field}：已注册`, `${field}: already registered`),
  ]);

/**
 * Errors: validation (`password` policy; `code` wrong, expired or used), conflict (`mobile` /
 * `email` already registered).
 */
export async function register(ctx: Ctx, body: RegisterBody, userAgent: string): Promise<LoginResult> {
  checkPasswordPolicy(body.password, 'password');
  const username = body.method === 'mobile' ? body.mobile : body.email;
  const field = body.method;
  if (await findUserByUsername(ctx.deps.db.kysely, username)) throw taken(field);
  const codeId = body.method === 'mobile' ? await checkCode(ctx, 'register', body.mobile, body.code) : null;
  const hash = await hashPassword(body.password);
  const at = nowIso(ctx.deps);
  const id = randomUUID();
  const displayName = body.displayName || (body.method === 'mobile' ? maskPhone(body.mobile) : body.email.split('@')[0]);
  try {
    await inTx(ctx.deps, async (trx) => {
      if (codeId) await spendCode(trx, ctx, codeId);
      await insertUser(trx, {
        id, username, display_name: displayName, kind: 'applicant', password_hash: hash,
        phone: body.method === 'mobile' ? body.mobile : '', email: body.method === 'email' ? body.email : '',
        center_id: null, department_id: null, active: 1, failed_logins: 0, locked_until: null, password_changed_at: at,
        version: 1, created_at: at, updated_at: at,
      });
      await insertHallAccount(trx, {
        user_id: id, identity_kind: null, real_name: '', id_number: null, uscc: null, legal_rep: '', identity_at: null,
        mobile_verified: body.method === 'mobile' ? 1 : 0, email_verified: 0, version: 1, created_at: at, updated_at: at,
      });
      await recordAction(trx, { ...ctx, actor: null }, { entity: 'user', entityId: id, action: 'register', payload: { method: body.method } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(field);
    throw e;
  }
  return login(ctx, { username, password: body.password, userAgent });
}

/**
 * A new password by SMS code; every session of the account ends and a lock is lifted.
 * Errors: validation (`newPassword` policy; `mobile` not registered; `code`), conflict.
 */
export async function resetPassword(ctx: Ctx, body: PasswordResetBody): Promise<void> {
  checkPasswordPolicy(body.newPassword, 'newPassword');
  const user = await findApplicantByMobile(ctx.deps.db.kysely, body.mobile);
  if (!user) throw invalid([fieldError('mobile', 'mobile：该手机号尚未注册', 'mobile: no account has this number')]);
  const codeId = await checkCode(ctx, 'resetPassword', body.mobile, body.code);
  const hash = await hashPassword(body.newPassword);
  await inTx(ctx.deps, async (trx) => {
    await spendCode(trx, ctx, codeId);
    const at = nowIso(ctx.deps);
    if (!(await updatePassword(trx, user.id, user.version, hash, at))) {
      throw new AppError('conflict', '账号信息已被修改，请重试', 'The account changed meanwhile; try again');
    }
    await clearLoginFailures(trx, user.id, at);
    await deleteUserSessions(trx, user.id);
    await recordAction(trx, { ...ctx, actor: null }, { entity: 'user', entityId: user.id, action: 'resetPassword', payload: { method: 'sms' } });
  });
}
