/**
 * Sample (示范文本) and blank (空白表格) application forms for catalogue materials: a titled
 * form with the item's fields as labelled lines; the sample fills them with example values.
 */
import { renderPdf } from './pdf.js';

export interface FormField {
  label: string;
  example?: string;
}

export interface FormSpec {
  kind: 'sample' | 'blank';
  title: string;
  itemName: string;
  departmentName: string;
  fields: FormField[];
  notes?: string[];
}

export function renderFormPdf(spec: FormSpec): Promise<Buffer> {
  const heading = spec.kind === 'sample' ? `${spec.title}（示范文本）` : spec.title;
  return renderPdf({ title: heading, subject: spec.itemName }, (doc) => {
    doc.font('regular').fontSize(18).text(heading, { align: 'center' });
    doc.moveDown(0.5).font('regular').fontSize(10).fillColor('#555')
      .text(`事项：${spec.itemName}    受理部门：${spec.departmentName}`, { align: 'center' });
    doc.moveDown(1).fillColor('#000').fontSize(12);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    for (const f of spec.fields) {
      const y = doc.y;
      doc.font('regular').text(`${f.label}：`, left, y, { width: 150 });
      const value = spec.kind === 'sample' ? (f.example ?? '') : '';
      doc.font('regular').fillColor(spec.kind === 'sample' ? '#1f4e9c' : '#000').text(value || ' ', left + 150, y, { width: width - 150 });
      doc.fillColor('#000');
      const bottom = Math.max(doc.y, y + 18);
      doc.moveTo(left + 150, bottom + 2).lineTo(left + width, bottom + 2).lineWidth(0.5).strokeColor('#999').stroke();
      doc.y = bottom + 12;
    }
    doc.moveDown(1).font('regular').text('申请人声明：', left);
    doc.font('regular').text('本人（单位）对所提交材料的真实性负责。', left);
    doc.moveDown(1).text('申请人（签字/盖章）：________________        日期：______年____月____日', left);
    if (spec.notes?.length) {
      doc.moveDown(1.5).fontSize(10).fillColor('#555').text('填写说明：', left);
      spec.notes.forEach((n, i) => doc.text(`${i + 1}. ${n}`, left));
    }
    if (spec.kind === 'sample') {
      doc.save().rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] })
        .fontSize(60).fillColor('#d33', 0.12).text('示范文本', 0, doc.page.height / 2 - 40, { align: 'center', width: doc.page.width })
        .restore();
    }
  });
}
