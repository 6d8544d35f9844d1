/** 不予受理通知书: reason, legal basis, where to apply instead, 复核 and the rights statement. */
import { DEFAULT_RIGHTS_STATEMENT } from '../../../domain/case/index.js';
import type { Pdf } from '../pdf.js';
import { numbered, paragraph } from './layout.js';
import { applied, missing, you, type NoticeModel } from './model.js';

/** The default statement speaks of a 决定书; on this notice it is the 通知书 that is received. */
export const REFUSAL_RIGHTS_STATEMENT = DEFAULT_RIGHTS_STATEMENT.replaceAll('本决定书', '本通知书');

export function drawRefusal(doc: Pdf, m: NoticeModel): void {
  const { action, state } = m;
  const refusal = action.kind === 'refuse' ? action : state.refusal;
  if (!refusal) throw missing(m.kind, 'the case was not refused');
  const y = you(m.applicant);

  paragraph(doc, `${applied(m)}，经审查，不符合受理条件，理由如下：`);
  paragraph(doc, refusal.reason);
  if (refusal.legalBasis.length) {
    paragraph(doc, '依据：', { indent: true });
    numbered(doc, refusal.legalBasis);
  }
  paragraph(doc, '根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。');
  if (refusal.redirectTo) paragraph(doc, `建议${y}向${refusal.redirectTo}申请。`);
  paragraph(doc, `${y}对本通知有异议的，可以向${m.centerName}申请复核。`);
  paragraph(doc, REFUSAL_RIGHTS_STATEMENT);
  paragraph(doc, '特此通知。');
}
