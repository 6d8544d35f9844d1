/**
 * 一件事收费单 (一表式收费): every child case's fee lines of a bundle run on one page — item, case
 * number, fee, licence number (亮证收费), amount, status, receipt — and the totals. Drawn with the
 * notices' table and paragraph layout and font.
 */
import { type Column, paragraph, table } from './notices/layout.js';
import { renderPdf } from './pdf.js';

export interface FeeSheetModel {
  runNo: string;
  bundleName: string;
  centerName: string;
  applicantName: string;
  /** the business date it is printed on */
  date: string;
  lines: { itemName: string; caseNo: string; name: string; licenceNo: string; amountFen: number; status: string; receiptNo: string | null }[];
  totalFen: number;
  paidFen: number;
  unpaidFen: number;
}

const STATUS: Record<string, string> = { assessed: '待缴', paid: '已缴', cancelled: '已取消', refunded: '已退费' };
const yuan = (fen: number) => (fen / 100).toFixed(2);
const COLUMNS: Column[] = [
  { title: '序号', share: 1.3, align: 'center' },
  { title: '事项', share: 4 },
  { title: '办件编号', share: 4.4 },
  { title: '收费项目', share: 4 },
  { title: '收费许可证号', share: 3.2 },
  { title: '金额（元）', share: 2.4, align: 'center' },
  { title: '状态', share: 2, align: 'center' },
  { title: '票据号', share: 4.6 },
];

export function renderFeeSheet(m: FeeSheetModel): Promise<Buffer> {
  return renderPdf({ title: `一件事收费单 ${m.runNo}`, subject: m.bundleName }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('bold').fontSize(20).fillColor('#000').text('一件事收费单', left, doc.page.margins.top, { width, align: 'center' });
    doc.moveDown(0.3).font('regular').fontSize(11).text('（一表式收费）', left, doc.y, { width, align: 'center' });
    doc.moveDown(1);
    paragraph(doc, `一件事办件编号：${m.runNo}`, { indent: false });
    paragraph(doc, `一件事名称：${m.bundleName}`, { indent: false });
    paragraph(doc, `申请人：${m.applicantName}`, { indent: false });
    const rows = m.lines.map((l, i) => ({ cells: [String(i + 1), l.itemName, l.caseNo, l.name, l.licenceNo, yuan(l.amountFen), STATUS[l.status] ?? l.status, l.receiptNo ?? ''] }));
    rows.push({ cells: ['', '合计', '', '', '', yuan(m.totalFen), '', ''] });
    table(doc, COLUMNS, rows);
    paragraph(doc, `应缴合计 ${yuan(m.totalFen)} 元，其中已缴 ${yuan(m.paidFen)} 元，待缴 ${yuan(m.unpaidFen)} 元。各项收费均按公示的收费标准和收费许可证收取，一次缴清，各子办件分别记录缴费。`);
    doc.moveDown(1);
    doc.font('regular').fontSize(12).text(m.centerName, left, doc.y, { width, align: 'right' });
    doc.text(m.date, left, doc.y, { width, align: 'right' });
  });
}
