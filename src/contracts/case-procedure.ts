/**
 * Special procedures and termination (DESIGN §4): a special procedure (特别程序: hearing,
 * inspection, expert review… — one the item version lists) pauses the clock with a reason and a
 * limit of its own in working days (行政许可法 Art. 45), and is resumed; termination ends an open
 * case with its grounds and reason. Every move carries the case `version`.
 */
import { z } from 'zod';
import { MAX_LIMIT } from '../domain/calendar/index.js';
import { SPECIAL_PROCEDURES } from '../domain/case/types.js';
import { VersionBody } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

export const SuspendBody = VersionBody.extend({
  /** the kind of special procedure; the domain refuses one the item does not list (field `procedure`) */
  procedure: z.enum(SPECIAL_PROCEDURES),
  reason: Text(2000),
  /** the procedure's own limit in working days */
  limitDays: z.number().int().min(1).max(MAX_LIMIT),
});
export type SuspendBody = z.input<typeof SuspendBody>;

export const ResumeBody = VersionBody;
export type ResumeBody = z.infer<typeof ResumeBody>;

export const TerminateBody = VersionBody.extend({
  /** falsePledge: a 告知承诺 found false (revokes the decision); other: any other grounds */
  grounds: z.enum(['falsePledge', 'other']).default('other'),
  reason: Text(2000),
});
export type TerminateBody = z.input<typeof TerminateBody>;
