/**
 * The case moves after the window's first ones (DESIGN §4): materials handed in (answering a
 * supplement notice and/or owed 容缺 materials), the applicant's request to review a refusal
 * (复核) and the center's answer, and the higher authority's answer to a forwarded case. Every
 * move carries the case `version` it was read at; the reply is the case (`CaseView`).
 */
import { z } from 'zod';
import { VersionBody } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

export const SupplyBody = VersionBody.extend({
  /**
   * the item's material codes handed in. A supplement notice is answered when every material it
   * lists is handed in; owed 容缺 materials may come one at a time.
   */
  materials: z.array(Text(32).min(1)).max(100),
});
export type SupplyBody = z.input<typeof SupplyBody>;

export const AskRecheckBody = VersionBody.extend({
  /** why the applicant thinks the refusal is wrong (the domain names the field when blank) */
  reason: Text(2000),
});
export type AskRecheckBody = z.input<typeof AskRecheckBody>;

export const AnswerRecheckBody = VersionBody.extend({
  /** true: the refusal stands; false: overturned, the case goes back to the window to be accepted */
  upheld: z.boolean(),
  reason: Text(2000),
});
export type AnswerRecheckBody = z.input<typeof AnswerRecheckBody>;

export const ForwardAnswerBody = VersionBody.extend({
  /** the higher authority's decision */
  result: z.enum(['approved', 'denied']),
  /** its document number (文号) */
  reference: Text(100),
  note: Text(2000).default(''),
});
export type ForwardAnswerBody = z.input<typeof ForwardAnswerBody>;
