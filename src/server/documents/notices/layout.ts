/**
 * Shared layout of the notices: title block, paragraphs, tables that flow across pages, the
 * closing block (issuer, seal, date, case number and QR code) and the page footers. Body text
 * stays above the page's bottom margin; the footer lives inside that margin.
 */
import type { Pdf } from '../pdf.js';
import { addressee, formatDate, NOTICE_TITLES, type NoticeModel } from './model.js';
import { drawQr } from './qr.js';

export const BODY_SIZE = 12;
const LINE_GAP = 4;
const SMALL = 10;
const QR_SIDE = 80;
const CAPTION_GAP = 14;

export function box(doc: Pdf): { left: number; right: number; width: number } {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  return { left, right, width: right - left };
}

/** A new page unless `height` more points fit above the bottom margin. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

/** Title (bold, centred), notice number, and the addressee line. */
export function titleBlock(doc: Pdf, m: NoticeModel, opts: { addressee?: boolean } = {}): void {
  const { left, width } = box(doc);
  doc.font('bold').fontSize(20).fillColor('#000').text(NOTICE_TITLES[m.kind], left, doc.page.margins.top, { width, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(SMALL + 1).text(m.noticeNo, left, doc.y, { width, align: 'center' });
  doc.moveDown(1.2);
  if (opts.addressee !== false) doc.font('regular').fontSize(BODY_SIZE).text(`${addressee(m.applicant)}：`, left, doc.y, { width, lineGap: LINE_GAP });
  doc.moveDown(0.4);
}

/** A body paragraph, first line indented two characters. */
export function paragraph(doc: Pdf, text: string, opts: { bold?: boolean; indent?: boolean } = {}): void {
  const { left, width } = box(doc);
  doc.font(opts.bold ? 'bold' : 'regular').fontSize(BODY_SIZE).fillColor('#000')
    .text(text, left, doc.y, { width, indent: opts.indent === false ? 0 : BODY_SIZE * 2, lineGap: LINE_GAP, paragraphGap: 6 });
}

/** A numbered list, each entry indented under the paragraph text. */
export function numbered(doc: Pdf, items: readonly string[]): void {
  const { left, width } = box(doc);
  const indent = BODY_SIZE * 2;
  doc.font('regular').fontSize(BODY_SIZE).fillColor('#000');
  items.forEach((t, i) => doc.text(`${i + 1}. ${t}`, left + indent, doc.y, { width: width - indent, lineGap: LINE_GAP, paragraphGap: 3 }));
}

export interface Column {
  title: string;
  /** share of the table width */
  share: number;
  /** of the body cells; headers are centred */
  align?: 'left' | 'center';
}

export interface Row {
  cells: string[];
  /** e.g. room for a signature */
  minHeight?: number;
  /** first cell bold and shaded (a label column) */
  label?: boolean;
}

const PAD = 5;

function rowHeight(doc: Pdf, cells: readonly string[], widths: readonly number[], minHeight = 0): number {
  doc.fontSize(SMALL + 0.5);
  const h = Math.max(...cells.map((c, i) => doc.font('regular').heightOfString(c || ' ', { width: widths[i] - 2 * PAD, lineGap: 2 })));
  return Math.max(h + 2 * PAD, minHeight);
}

function drawRow(doc: Pdf, y: number, cells: readonly string[], columns: readonly Column[], widths: readonly number[], h: number, style: 'header' | 'label' | 'plain'): void {
  let x = box(doc).left;
  cells.forEach((c, i) => {
    const shaded = style === 'header' || (style === 'label' && i === 0);
    if (shaded) doc.save().rect(x, y, widths[i], h).fillColor('#f0f0f0').fill().restore();
    doc.rect(x, y, widths[i], h).lineWidth(0.6).strokeColor('#333').stroke();
    doc.font(shaded ? 'bold' : 'regular').fontSize(SMALL + 0.5).fillColor('#000')
      .text(c, x + PAD, y + PAD, { width: widths[i] - 2 * PAD, lineGap: 2, align: style === 'header' ? 'center' : (columns[i].align ?? 'left') });
    x += widths[i];
  });
}

/**
 * A ruled table. Rows never split: one that does not fit goes to the next page, where the
 * header row is repeated.
 */
export function table(doc: Pdf, columns: readonly Column[], rows: readonly Row[], opts: { header?: boolean } = {}): void {
  const { left, width } = box(doc);
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * width);
  const header = opts.header === false ? null : columns.map((c) => c.title);
  const headerH = header ? rowHeight(doc, header, widths) : 0;
  let y = doc.y + 4;
  const startPage = (newPage: boolean) => {
    if (newPage) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    if (header) {
      drawRow(doc, y, header, columns, widths, headerH, 'header');
      y += headerH;
    }
  };
  const firstH = rows.length ? rowHeight(doc, rows[0].cells, widths, rows[0].minHeight) : 0;
  startPage(y + headerH + firstH > doc.page.maxY());
  for (const r of rows) {
    const h = rowHeight(doc, r.cells, widths, r.minHeight);
    if (y + h > doc.page.maxY()) startPage(true);
    drawRow(doc, y, r.cells, columns, widths, h, r.label ? 'label' : 'plain');
    y += h;
  }
  doc.x = left;
  doc.y = y + 10;
}

const SIGN_GAP = 20;
const SIGN_LINE_GAP = 6;
const INFO_GAP = 3;

function signatureHeight(doc: Pdf, lines: readonly string[], w: number): number {
  doc.font('regular').fontSize(BODY_SIZE);
  return lines.reduce((s, l) => s + doc.heightOfString(l, { width: w }) + SIGN_LINE_GAP, 0);
}

function infoHeight(doc: Pdf, info: readonly string[], w: number): number {
  doc.font('regular').fontSize(SMALL);
  return info.reduce((s, t) => s + doc.heightOfString(t, { width: w }) + INFO_GAP, 0);
}

/**
 * Issuer, seal placeholder and date at the bottom right of the text; the case number,
 * verification code and the QR code to the progress page at the foot of the last page. The
 * signature goes under the text when it fits above the QR code, else beside it (left of the
 * code, the case details narrowed to make room); only when neither fits does it take a new
 * page, so that a one-page notice does not spill its signature alone onto a second page.
 */
export function closing(doc: Pdf, m: NoticeModel, issuer: string): void {
  const { left, right, width } = box(doc);
  const sign = [issuer, '（印章）', formatDate(m.issuedOn)];
  const info = [`办件编号：${m.caseNo}`, `查询码：${m.verificationCode}`, `查询网址：${m.progressUrl}`];
  const qrX = right - QR_SIDE;
  const bottom = () => doc.page.maxY();
  const qrTop = () => bottom() - QR_SIDE - CAPTION_GAP;

  const stackedW = Math.min(240, width / 2);
  const stackedH = signatureHeight(doc, sign, stackedW);
  const besideW = 180;
  const besideX = qrX - 16 - besideW;
  const besideH = signatureHeight(doc, sign, besideW);
  const besideInfoW = besideX - left - 12;

  let layout: { x: number; w: number; y: number; infoW: number };
  const stacked = () => ({ x: right - stackedW, w: stackedW, y: doc.y + SIGN_GAP, infoW: width - QR_SIDE - 20 });
  if (doc.y + SIGN_GAP + stackedH <= qrTop() - 8) {
    layout = stacked();
  } else {
    const y = Math.max(doc.y + SIGN_GAP, qrTop());
    const fitsBeside = y + besideH <= bottom() && bottom() - infoHeight(doc, info, besideInfoW) >= doc.y + 8;
    if (!fitsBeside) doc.addPage();
    layout = fitsBeside ? { x: besideX, w: besideW, y, infoW: besideInfoW } : stacked();
  }

  let y = layout.y;
  for (const line of sign) {
    doc.font('regular').fontSize(BODY_SIZE).fillColor('#000').text(line, layout.x, y, { width: layout.w, align: 'center' });
    y = doc.y + SIGN_LINE_GAP;
  }
  // Placed against the bottom margin: drawn with the margin lifted so that a caption line
  // touching it cannot open a new page.
  const top = qrTop();
  freeOfBottomMargin(doc, () => {
    drawQr(doc, m.progressUrl, qrX, top, QR_SIDE);
    doc.font('regular').fontSize(SMALL - 1).fillColor('#333').text('扫码查询办理进度', qrX - 10, top + QR_SIDE + 2, { width: QR_SIDE + 20, align: 'center', lineBreak: false });
    doc.font('regular').fontSize(SMALL).fillColor('#000');
    doc.y = top + QR_SIDE + CAPTION_GAP - infoHeight(doc, info, layout.infoW);
    for (const t of info) doc.font('regular').fontSize(SMALL).text(t, left, doc.y, { width: layout.infoW, paragraphGap: INFO_GAP });
  });
}

/** Runs `draw` with the page's bottom margin at 0: for things placed in or against it. */
function freeOfBottomMargin(doc: Pdf, draw: () => void): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  try {
    draw();
  } finally {
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Page footers, drawn once every page exists: the total is known only then. Needs the pages
 * still buffered (`renderPdf` with `bufferPages`).
 */
export function footers(doc: Pdf, m: NoticeModel): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { left, width } = box(doc);
    const y = doc.page.maxY() + 14;
    // Text below maxY() would open a new page: the footer is drawn with the margin lifted.
    freeOfBottomMargin(doc, () => {
      doc.moveTo(left, y - 4).lineTo(left + width, y - 4).lineWidth(0.4).strokeColor('#999').stroke();
      doc.font('regular').fontSize(SMALL - 1).fillColor('#555');
      doc.text(`${NOTICE_TITLES[m.kind]}  办件编号：${m.caseNo}`, left, y, { width, align: 'left', lineBreak: false });
      doc.text(`第 ${i - start + 1} 页 共 ${count} 页`, left, y, { width, align: 'right', lineBreak: false });
    });
  }
}
