/**
 * The applicant's signed commitments (issue 4, DESIGN §4): 容缺受理承诺书 (the owed materials and
 * their due date) and 告知承诺书 (a pledge that replaces certificates). Printed at acceptance for
 * the applicant to sign; the center keeps the signed copy.
 */
import type { Pdf } from '../pdf.js';
import { paragraph, table, type Column } from './layout.js';
import { addressee, formatDate, missing, sectionNo, type NoticeModel } from './model.js';

const COLUMNS: Column[] = [{ title: '序号', share: 1.5, align: 'center' }, { title: '材料名称', share: 8 }, { title: '材料编码', share: 3 }];
const rows = (ms: readonly { code: string; name: string }[]) => ms.map((x, i) => ({ cells: [String(i + 1), x.name, x.code] }));

function signature(doc: Pdf, m: NoticeModel): void {
  paragraph(doc, `承诺人（签字${m.applicant.kind === 'enterprise' ? '并加盖公章' : ''}）：＿＿＿＿＿＿＿＿　　　日期：＿＿＿＿年＿＿月＿＿日`, { indent: false });
}

export function drawDeferredPledge(doc: Pdf, m: NoticeModel): void {
  const deferred = m.action.kind === 'accept' ? m.action.deferred : m.state.deferred;
  if (!deferred) throw missing(m.kind, 'no 容缺 materials');
  paragraph(doc, `承诺人${addressee(m.applicant)}就“${m.item.name}”（事项编码：${m.item.code}，办件编号：${m.caseNo}）申请容缺受理，郑重承诺如下：`);
  paragraph(doc, `${sectionNo(0)}、以下材料暂缺，本人（单位）将于${formatDate(deferred.dueDate)}前补齐并保证真实、有效：`, { indent: false });
  table(doc, COLUMNS, rows(deferred.materials));
  paragraph(doc, `${sectionNo(1)}、逾期未补齐的，同意行政机关暂停办理；暂停后仍未补齐的，同意终止办理并退回申请，由此产生的后果由本人（单位）承担。`, { indent: false });
  paragraph(doc, `${sectionNo(2)}、已提交的其他申请材料真实、合法、有效。如有虚假，愿承担相应法律责任，并同意将失信情况记入信用记录。`, { indent: false });
  signature(doc, m);
}

export function drawPledge(doc: Pdf, m: NoticeModel): void {
  const pledged = m.action.kind === 'accept' ? m.action.pledged : m.state.pledged;
  if (pledged.length === 0) throw missing(m.kind, 'no pledged materials');
  paragraph(doc, `承诺人${addressee(m.applicant)}就“${m.item.name}”（事项编码：${m.item.code}，办件编号：${m.caseNo}）申请以告知承诺方式办理，已知晓行政机关告知的全部条件和要求，郑重承诺如下：`);
  paragraph(doc, `${sectionNo(0)}、本人（单位）符合行政机关告知的条件和要求，以下证明材料以本承诺代替：`, { indent: false });
  table(doc, COLUMNS, rows(pledged));
  paragraph(doc, `${sectionNo(1)}、愿意接受行政机关的核查。经核查承诺内容与实际情况不符的，同意行政机关依法撤销行政许可决定、终止办理，并将虚假承诺情况记入信用记录，依法承担相应法律责任。`, { indent: false });
  paragraph(doc, `${sectionNo(2)}、本承诺书是本人（单位）真实意思表示。`, { indent: false });
  signature(doc, m);
}
