/**
 * PDF documents with an embedded Chinese font (Noto Sans SC, subset by pdfkit so files stay
 * small). Every generated document goes through here.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
export const FONT_REGULAR = path.join(fontDir, '400Regular', 'NotoSansSC_400Regular.ttf');
export const FONT_BOLD = path.join(fontDir, '700Bold', 'NotoSansSC_700Bold.ttf');

export type Pdf = PDFKit.PDFDocument;

// Read once: the TTFs are ~10 MB each and every document embeds a subset of them.
const fonts: { regular?: Buffer; bold?: Buffer } = {};
function fontData() {
  return {
    get regular() {
      return (fonts.regular ??= fs.readFileSync(FONT_REGULAR));
    },
    get bold() {
      return (fonts.bold ??= fs.readFileSync(FONT_BOLD));
    },
  };
}

/**
 * Runs `draw` on a new A4 document and returns the finished bytes. `bufferPages`: keep every page
 * until the end, so page numbers "n of N" can be drawn once N is known.
 */
export function renderPdf(meta: { title: string; subject?: string; bufferPages?: boolean }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: meta.bufferPages ?? false,
    info: { Title: meta.title, Subject: meta.subject ?? '', Creator: 'OneStop 一站通' },
  });
  // fontkit parses a registered font when it is first used, ~0.1–0.3 s for these files: documents
  // that need only the regular weight never pay for the bold one.
  doc.registerFont('regular', fontData().regular);
  doc.registerFont('bold', fontData().bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}
