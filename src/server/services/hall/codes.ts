/**
 * SMS verification codes (短信验证码) for registration and password reset: six random digits sent
 * through the SMS provider (`deps.sms`; the log provider in development), kept only as a keyed
 * hash, valid for 10 minutes and 5 tries. Rate limits per number (one a minute, five an hour)
 * and per client address (twenty an hour) are counted from the stored rows, so they hold across
 * instances.
 *
 * Decisions: registration tells that a number is already registered, and reset that it is not —
 * the sign-up form reveals it anyway, and a person waiting for a code that never comes is stuck.
 */
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SmsCodeBody, SmsCodeReply, SmsPurpose } from '../../../contracts/hall-accounts.js';
import { AppError, fieldError, invalid } from '../../../domain/errors.js';
import { codeCounts, deleteCode, findApplicantByMobile, insertCode, latestCode, takeCodeAttempt, useCode } from '../../repositories/hall-accounts.js';
import { findUserByUsername } from '../../repositories/users.js';
import { maskPhone } from '../../../domain/identity/index.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';

export const CODE_TTL_SECONDS = 600;
export const CODE_MAX_TRIES = 5;
export const RESEND_SECONDS = 60;
export const PER_NUMBER_PER_HOUR = 5;
export const PER_ADDRESS_PER_HOUR = 20;

function codeHash(ctx: Ctx, purpose: string, target: string, code: string): string {
  const key = ctx.deps.config.sessionSecret ?? 'onestop-hall-verification-code';
  return createHmac('sha256', key).update(`${purpose}|${target}|${code}`).digest('hex');
}

const tooMany = (zh: string, en: string) => new AppError('rateLimited', zh, en, [fieldError('mobile', `mobile：${zh}`, `mobile: ${en}`)]);
const codeProblem = (zh: string, en: string) => invalid([fieldError('code', `code：${zh}`, `code: ${en}`)]);
export const codeExpired = () => codeProblem('验证码已失效，请重新获取', 'the code has expired; ask for a new one');

const TEXT: Record<SmsPurpose, string> = { register: '注册账号', resetPassword: '重置密码' };

/**
 * Sends a code. Errors: conflict (`mobile` already registered, for registration), validation
 * (`mobile` not registered, for a reset), rateLimited (429 naming `mobile`), unprocessable (the
 * SMS gateway refused; nothing is kept).
 */
export async function sendCode(ctx: Ctx, body: SmsCodeBody): Promise<SmsCodeReply> {
  const db = ctx.deps.db.kysely;
  const { mobile, purpose } = body;
  if (purpose === 'register' && (await findUserByUsername(db, mobile))) {
    throw new AppError('conflict', '该手机号已注册，请直接登录或找回密码', 'This mobile number is already registered; log in or reset the password', [
      fieldError('mobile', 'mobile：该手机号已注册', 'mobile: already registered'),
    ]);
  }
  if (purpose === 'resetPassword' && !(await findApplicantByMobile(db, mobile))) {
    throw invalid([fieldError('mobile', 'mobile：该手机号尚未注册', 'mobile: no account has this number')]);
  }
  const now = ctx.deps.clock.now();
  const counts = await codeCounts(db, mobile, ctx.ip, new Date(now.getTime() - 3600_000).toISOString());
  if (counts.lastAt && now.getTime() - Date.parse(counts.lastAt) < RESEND_SECONDS * 1000) {
    throw tooMany(`发送过于频繁，请 ${RESEND_SECONDS} 秒后再试`, `codes are sent at most once every ${RESEND_SECONDS} seconds`);
  }
  if (counts.byTarget >= PER_NUMBER_PER_HOUR) throw tooMany('该手机号一小时内获取验证码次数过多，请稍后再试', 'too many codes for this number in an hour; try later');
  if (counts.byIp >= PER_ADDRESS_PER_HOUR) throw tooMany('获取验证码过于频繁，请稍后再试', 'too many codes from this address in an hour; try later');

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = randomUUID();
  await inTx(ctx.deps, async (trx) => {
    await insertCode(trx, {
      id, purpose, target: mobile, code_hash: codeHash(ctx, purpose, mobile, code), ip: ctx.ip, attempts: 0,
      expires_at: new Date(now.getTime() + CODE_TTL_SECONDS * 1000).toISOString(), used_at: null, created_at: now.toISOString(),
    });
    await recordAction(trx, ctx, { entity: 'smsCode', entityId: id, action: 'send', payload: { purpose, mobile: maskPhone(mobile) } });
  });
  try {
    await ctx.deps.sms.send(mobile, `【一站通】您正在${TEXT[purpose]}，验证码 ${code}，${CODE_TTL_SECONDS / 60} 分钟内有效。请勿告诉他人。`);
  } catch {
    await deleteCode(db, id);
    throw new AppError('unprocessable', '短信发送失败，请稍后再试', 'The text message could not be sent; try again later');
  }
  return { ok: true, expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: RESEND_SECONDS };
}

/**
 * Checks a code and counts the try (in its own statement: a wrong code is counted even though
 * the request fails). Returns the code's id, to be marked used with `spendCode` in the caller's
 * transaction. Errors: validation (`code`: expired, used, wrong, too many tries).
 */
export async function checkCode(ctx: Ctx, purpose: SmsPurpose, target: string, code: string): Promise<string> {
  const db = ctx.deps.db.kysely;
  const row = await latestCode(db, purpose, target);
  if (!row || row.used_at !== null || row.expires_at <= nowIso(ctx.deps)) throw codeExpired();
  if (!(await takeCodeAttempt(db, row.id, CODE_MAX_TRIES))) throw codeProblem('验证码错误次数过多，请重新获取', 'too many wrong tries; ask for a new code');
  const given = Buffer.from(codeHash(ctx, purpose, target, code));
  if (!timingSafeEqual(given, Buffer.from(row.code_hash))) {
    const left = CODE_MAX_TRIES - row.attempts - 1;
    throw codeProblem(left > 0 ? `验证码不正确，还可尝试 ${left} 次` : '验证码不正确，请重新获取', left > 0 ? `wrong code; ${left} tries left` : 'wrong code; ask for a new one');
  }
  return row.id;
}

/** Marks the code used inside the caller's transaction (a code serves once). */
export async function spendCode(trx: Executor, ctx: Ctx, id: string): Promise<void> {
  if (!(await useCode(trx, id, nowIso(ctx.deps)))) throw codeExpired();
}
