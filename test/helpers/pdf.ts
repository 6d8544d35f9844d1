/** Reading generated PDFs back with poppler's pdftotext / pdfinfo (installed by .ci/run). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let dir: string | undefined;
let n = 0;
function tempPdf(pdf: Buffer): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-pdf-'));
  const file = path.join(dir, `${++n}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** pdftotext -layout, and the same text with all white space removed (CJK lines may wrap anywhere). */
export function pdfText(pdf: Buffer): { layout: string; compact: string } {
  const layout = execFileSync('pdftotext', ['-layout', tempPdf(pdf), '-'], { encoding: 'utf8' });
  return { layout, compact: layout.replace(/\s+/g, '') };
}

export function pdfPages(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', [tempPdf(pdf)], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}
