/**
 * Applicant accounts of the online hall (网上办事大厅, DESIGN §9): registration by mobile number
 * with an SMS code (or by e-mail, not yet verified), password reset by SMS code, the profile and
 * its real-name identity — a person (GB 11643 ID number) or an enterprise (GB 32100 unified
 * social credit code, legal representative) — and an enterprise's agents (代办人). Login and
 * logout are the common /api/auth/login and /api/auth/logout (username: the mobile number or
 * e-mail address).
 */
import { z } from 'zod';
import { MOBILE_RE } from '../domain/organisation/phone.js';
import { Id, Instant, VersionBody } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

export const Mobile = z.string().trim().regex(MOBILE_RE, '11-digit mainland mobile number');
/** at most 64 characters: it is the login name */
export const Email = z.string().trim().toLowerCase().max(64).email();
export const SmsCode = z.string().trim().regex(/^\d{6}$/, '6 digits');
export const Password = z.string().min(1).max(128);

export const SmsPurpose = z.enum(['register', 'resetPassword']);
export type SmsPurpose = z.infer<typeof SmsPurpose>;

/** `POST /api/v1/hall/sms-codes` (public, rate-limited per number and per address) */
export const SmsCodeBody = z.object({ mobile: Mobile, purpose: SmsPurpose });
export type SmsCodeBody = z.infer<typeof SmsCodeBody>;
export const SmsCodeReply = z.object({
  ok: z.literal(true),
  /** how long the code is valid */
  expiresInSeconds: z.number().int(),
  /** when the next code may be asked for */
  resendAfterSeconds: z.number().int(),
});
export type SmsCodeReply = z.infer<typeof SmsCodeReply>;

/** `POST /api/v1/hall/register` (public): signs the new account in, like a login */
export const RegisterBody = z.discriminatedUnion('method', [
  z.object({ method: z.literal('mobile'), mobile: Mobile, code: SmsCode, password: Password, displayName: Text(50).optional() }),
  z.object({ method: z.literal('email'), email: Email, password: Password, displayName: Text(50).optional() }),
]);
export type RegisterBody = z.infer<typeof RegisterBody>;

/** `POST /api/v1/hall/password-reset` (public) */
export const PasswordResetBody = z.object({ mobile: Mobile, code: SmsCode, newPassword: Password });
export type PasswordResetBody = z.infer<typeof PasswordResetBody>;

export const IdentityKind = z.enum(['person', 'enterprise']);
export type IdentityKind = z.infer<typeof IdentityKind>;

/** The real-name identity; the ID number is shown masked (it is the account's own, but screens are shared). */
export const Identity = z.object({
  kind: IdentityKind,
  name: z.string(),
  /** masked: 3201**********1234 */
  idNumber: z.string().nullable(),
  uscc: z.string().nullable(),
  legalRep: z.string(),
  since: Instant,
});
export type Identity = z.infer<typeof Identity>;

export const HallProfile = z.object({
  userId: Id,
  username: z.string(),
  displayName: z.string(),
  mobile: z.string(),
  mobileVerified: z.boolean(),
  email: z.string(),
  /** e-mail addresses are not verified yet (no mail is sent) */
  emailVerified: z.boolean(),
  identity: Identity.nullable(),
  /** the real name may still be changed: nothing was filed under it and no agent acts for it */
  identityEditable: z.boolean(),
  version: z.number().int(),
});
export type HallProfile = z.infer<typeof HallProfile>;

/** `PUT /api/v1/hall/profile` */
export const ProfileBody = VersionBody.extend({
  displayName: Text(50).min(1),
  /** a contact address ('' for none) */
  email: z.union([z.literal(''), Email]).default(''),
});
export type ProfileBody = z.input<typeof ProfileBody>;

/** `PUT /api/v1/hall/profile/identity` */
export const IdentityBody = z.discriminatedUnion('kind', [
  VersionBody.extend({ kind: z.literal('person'), name: Text(50).min(1), idNumber: Text(32).min(1) }),
  VersionBody.extend({ kind: z.literal('enterprise'), name: Text(200).min(1), uscc: Text(32).min(1), legalRep: Text(50).min(1) }),
]);
export type IdentityBody = z.input<typeof IdentityBody>;

/** An agent (代办人) of an enterprise account, or an enterprise the signed-in person acts for. */
export const AgentView = z.object({
  id: Id,
  /** the enterprise account */
  principal: z.object({ userId: Id, name: z.string(), uscc: z.string().nullable() }),
  /** the agent: name and mobile masked */
  agent: z.object({ userId: Id, name: z.string(), mobile: z.string() }),
  status: z.enum(['active', 'revoked']),
  createdAt: Instant,
});
export type AgentView = z.infer<typeof AgentView>;

export const AgentList = z.object({
  /** agents this (enterprise) account authorised */
  items: z.array(AgentView),
  /** enterprises this account acts for */
  principals: z.array(AgentView),
});
export type AgentList = z.infer<typeof AgentList>;

/** `POST /api/v1/hall/agents`: the agent's registered mobile number */
export const AgentBody = z.object({ mobile: Mobile });
export type AgentBody = z.infer<typeof AgentBody>;

export const HallIdParams = z.object({ id: z.string().max(64) });
