/**
 * QR codes drawn as vector rectangles (no raster image: sharp at any print size, and a few
 * hundred bytes in the PDF). The `qrcode` package only computes the module matrix.
 */
import QRCode from 'qrcode';
import type { Pdf } from '../pdf.js';

/** A dark area in module units: `w` dark modules in a row from (x, y), one module high. */
export interface QrRect {
  x: number;
  y: number;
  w: number;
}

/** The symbol's size in modules and its dark modules as horizontal runs, row by row. */
export function qrRects(text: string): { size: number; rects: QrRect[] } {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const rects: QrRect[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      // One rectangle per run: fewer path operators, and no hairline seams between neighbours.
      rects.push({ x: start, y, w: x - start });
    }
  }
  return { size, rects };
}

/** Draws the code of `text` as a `side`×`side` square with its top left corner at (x, y). */
export function drawQr(doc: Pdf, text: string, x: number, y: number, side: number): void {
  const { size, rects } = qrRects(text);
  const unit = side / size;
  doc.save();
  for (const r of rects) doc.rect(x + r.x * unit, y + r.y * unit, r.w * unit, unit);
  doc.fillColor('#000').fill();
  doc.restore();
}
