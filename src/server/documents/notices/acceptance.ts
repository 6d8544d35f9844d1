/** 受理通知书: accepted on a date, the deadlines, what was received, 容缺 and 告知承诺 materials. */
import type { Pdf } from '../pdf.js';
import { paragraph, table, type Column, type Row } from './layout.js';
import { applied, formatDate, missing, sectionNo, you, type NoticeModel } from './model.js';

const materialRows = (ms: readonly { code: string; name: string }[]): Row[] => ms.map((x, i) => ({ cells: [String(i + 1), x.name, x.code] }));
const MATERIAL_COLUMNS: Column[] = [{ title: '序号', share: 1.5, align: 'center' }, { title: '材料名称', share: 8 }, { title: '材料编码', share: 3 }];

export function drawAcceptance(doc: Pdf, m: NoticeModel): void {
  const { state, action } = m;
  const acceptedOn = action.kind === 'accept' ? action.date : state.acceptedOn;
  if (!acceptedOn || !state.deadlines) throw missing(m.kind, 'the case is not accepted');
  const deferred = action.kind === 'accept' ? action.deferred : state.deferred;
  const pledged = action.kind === 'accept' ? action.pledged : state.pledged;
  // What the applicant did not hand in is not "received", whatever list the caller passes.
  const notReceived = new Set([...(deferred?.materials ?? []), ...pledged].map((x) => x.code));
  const received = m.materials.filter((x) => !notReceived.has(x.code));

  const how = deferred
    ? '申请主要材料齐全、符合法定形式，部分次要材料准予容缺后补'
    : '申请材料齐全、符合法定形式';
  paragraph(doc, `${applied(m)}，本机关已收悉。经审查，${how}，根据《中华人民共和国行政许可法》第三十二条第一款第五项的规定，决定自${formatDate(acceptedOn)}起予以受理${deferred ? '（容缺受理）' : ''}。`);
  paragraph(doc, `受理部门：${m.departmentName}。本事项承诺办结时限为${m.item.promisedLimit}个工作日，将于${formatDate(state.deadlines.promised)}前办结；法定办结时限为${m.item.statutoryLimit}个工作日（${formatDate(state.deadlines.statutory)}）。办理过程中依法需要听证、招标、拍卖、检验、检测、检疫、鉴定或者专家评审的，所需时间不计算在上述期限内，本机关将另行书面告知。`);

  let n = 0;
  paragraph(doc, `${sectionNo(n++)}、已收取的申请材料（共${received.length}项）`, { bold: true, indent: false });
  table(doc, MATERIAL_COLUMNS, materialRows(received));
  if (deferred) {
    paragraph(doc, `${sectionNo(n++)}、容缺后补材料`, { bold: true, indent: false });
    table(doc, MATERIAL_COLUMNS, materialRows(deferred.materials));
    paragraph(doc, `上述材料准予容缺后补，请于${formatDate(deferred.dueDate)}前补齐。逾期未补齐的，本机关将暂停办理；经催告仍未补齐的，将依规定终止办理并退回申请。`);
  }
  if (pledged.length) {
    paragraph(doc, `${sectionNo(n++)}、以告知承诺方式办理的材料`, { bold: true, indent: false });
    table(doc, MATERIAL_COLUMNS, materialRows(pledged));
    paragraph(doc, `上述材料由申请人以书面承诺代替。本机关将依法对承诺内容进行核查；发现承诺内容与实际情况不符的，将依法撤销行政许可决定，并将失信情况记入信用记录。`);
  }
  paragraph(doc, `${sectionNo(n++)}、办理进度查询`, { bold: true, indent: false });
  paragraph(doc, `${you(m.applicant)}可凭办件编号${m.caseNo}和查询码${m.verificationCode}，登录${m.progressUrl}或者扫描本通知书右下方二维码查询办理进度。`);
  paragraph(doc, '特此通知。');
}
