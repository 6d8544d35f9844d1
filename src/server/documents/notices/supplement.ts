/** 补正材料通知书: every missing or wrong material at once (一次性告知), and the due date. */
import type { SupplementLine } from '../../../domain/case/index.js';
import type { Pdf } from '../pdf.js';
import { paragraph, table } from './layout.js';
import { applied, formatDate, missing, PROBLEM_LABELS, you, type NoticeModel } from './model.js';

/** What to do when the clerk wrote no note of their own. */
const DEFAULT_NOTES: Record<SupplementLine['problem'], string> = {
  missing: '请补充提交该材料',
  wrong: '请更正后重新提交',
  incomplete: '请补充完整后重新提交',
};

export function drawSupplement(doc: Pdf, m: NoticeModel): void {
  const { action, state } = m;
  const request = action.kind === 'requestSupplement'
    ? { materials: action.materials, dueDate: action.dueDate, requestedOn: action.date }
    : state.supplement;
  if (!request || request.materials.length === 0) throw missing(m.kind, 'no supplement request');
  const afterAcceptance = state.acceptedOn !== null;
  const y = you(m.applicant);

  paragraph(doc, afterAcceptance
    ? `${applied(m)}已于${formatDate(state.acceptedOn!)}受理。经审查，申请材料存在下列问题，需要补正。现将需要补正的全部内容一次性告知如下：`
    : `${applied(m)}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第四项的规定，现将需要补正的全部内容一次性告知如下：`);
  table(
    doc,
    [{ title: '序号', share: 1.5, align: 'center' as const }, { title: '材料名称', share: 6 }, { title: '问题', share: 2, align: 'center' as const }, { title: '补正要求', share: 7 }],
    request.materials.map((l, i) => ({ cells: [String(i + 1), l.name, PROBLEM_LABELS[l.problem], l.note || DEFAULT_NOTES[l.problem]] })),
  );
  if (request.dueDate) {
    paragraph(doc, `请${y}于${formatDate(request.dueDate)}前，按上述要求一次性补正全部材料。逾期未补正的，视为撤回申请。`, { bold: true });
  } else {
    paragraph(doc, `请${y}按上述要求尽快补正全部材料。`);
  }
  paragraph(doc, afterAcceptance
    ? '补正材料期间暂停计时，所需时间不计算在办理期限内；材料补正齐全后恢复计时。'
    : '申请材料补正齐全、符合法定形式的，本机关将依法予以受理。办理期限自受理之日起计算。');
  paragraph(doc, `${y}可凭办件编号${m.caseNo}和查询码${m.verificationCode}，登录${m.progressUrl}或者扫描本通知书右下方二维码查询办理进度。`);
  paragraph(doc, '特此通知。');
}
