/** Pieces shared by the organisation and staff contracts (see organisation.ts for the conventions). */
import { z } from 'zod';
import { CENTER_KINDS } from '../domain/organisation/centers.js';
import { GRANT_ROLES } from '../domain/organisation/grants.js';
import { PHONE_RE } from '../domain/organisation/phone.js';
import { WINDOW_KINDS } from '../domain/organisation/windows.js';
import { Id, VersionBody } from './common.js';

export const CenterKind = z.enum(CENTER_KINDS);
export type CenterKind = z.infer<typeof CenterKind>;
export const WindowKind = z.enum(WINDOW_KINDS);
export type WindowKind = z.infer<typeof WindowKind>;
/** Roles a staff account can be granted: clerk, chiefRep, reviewer, deptLeader need a department. */
export const GrantRole = z.enum(GRANT_ROLES);
export type GrantRole = z.infer<typeof GrantRole>;

/** Mainland mobile (13800000000) or landline with area code (0536-8096000[-123]); '' = none. */
export const Phone = z.string().trim().max(32).regex(PHONE_RE, 'mobile or landline with area code');
export const ActiveFilter = z.enum(['true', 'false']).optional();
export const Name = z.string().trim().min(1).max(100);
export const Text = (max: number) => z.string().trim().max(max);

/** `:id` of every single-record route. */
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/** Body of the deactivate / activate moves. */
export const StateMoveBody = VersionBody;
export type StateMoveBody = z.infer<typeof StateMoveBody>;
