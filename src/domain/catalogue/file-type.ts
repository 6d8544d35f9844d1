/**
 * What an uploaded file really is, from its first bytes — never from its name or the browser's
 * Content-Type. Catalogue forms may be PDF, Word, Excel, JPEG or PNG.
 */
export interface SniffedType {
  mime: string;
  ext: string;
}

const PDF: SniffedType = { mime: 'application/pdf', ext: 'pdf' };
const PNG: SniffedType = { mime: 'image/png', ext: 'png' };
const JPG: SniffedType = { mime: 'image/jpeg', ext: 'jpg' };
const DOC: SniffedType = { mime: 'application/msword', ext: 'doc' };
const XLS: SniffedType = { mime: 'application/vnd.ms-excel', ext: 'xls' };
const DOCX: SniffedType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
const XLSX: SniffedType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };

export const ALLOWED_FILE_TYPES = [PDF, PNG, JPG, DOC, XLS, DOCX, XLSX];
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const has = (b: Buffer, s: string, enc: BufferEncoding = 'latin1') => b.includes(Buffer.from(s, enc));

/** The type of `data`, or null when it is none of the allowed kinds (executables, zips, …). */
export function sniffFileType(data: Buffer): SniffedType | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return JPG;
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE2 compound file: the directory names its main stream (UTF-16LE)
    if (has(data, 'WordDocument', 'utf16le')) return DOC;
    if (has(data, 'Workbook', 'utf16le') || has(data, 'Book', 'utf16le')) return XLS;
    return null;
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML is a zip whose local headers name its parts in plain text
    if (has(data, 'word/')) return DOCX;
    if (has(data, 'xl/')) return XLSX;
    return null;
  }
  return null;
}

/**
 * A safe display name: no directories or control characters, at most 200 characters, and the
 * extension of what the file really is (a PNG named "x.pdf" becomes "x.png").
 */
export function normaliseFileName(name: string, type: SniffedType): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 190) || 'file';
  return `${stem}.${type.ext}`;
}
