import { describe, expect, it } from 'vitest';
import { normaliseFileName, sniffFileType } from '../../../src/domain/catalogue/file-type.js';
import { contentDisposition } from '../../../src/server/routes/file-download.js';

const b = (s: string) => Buffer.from(s, 'latin1');
const utf16 = (s: string) => Buffer.from(s, 'utf16le');
const OLE = b('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1');

describe('sniffFileType', () => {
  it('recognises the accepted types by their bytes', () => {
    expect(sniffFileType(b('%PDF-1.7\n'))?.mime).toBe('application/pdf');
    expect(sniffFileType(b('\x89PNG\r\n\x1a\n\0\0'))?.ext).toBe('png');
    expect(sniffFileType(b('\xff\xd8\xff\xe0\0\x10JFIF'))?.ext).toBe('jpg');
    expect(sniffFileType(Buffer.concat([OLE, Buffer.alloc(100), utf16('WordDocument')]))?.ext).toBe('doc');
    expect(sniffFileType(Buffer.concat([OLE, Buffer.alloc(100), utf16('Workbook')]))?.ext).toBe('xls');
    expect(sniffFileType(b('PK\x03\x04' + '\0'.repeat(26) + 'word/document.xml'))?.ext).toBe('docx');
    expect(sniffFileType(b('PK\x03\x04' + '\0'.repeat(26) + 'xl/workbook.xml'))?.ext).toBe('xlsx');
  });

  it('refuses everything else', () => {
    expect(sniffFileType(b('MZ\x90\0'))).toBeNull(); // Windows executable
    expect(sniffFileType(b('\x7fELF'))).toBeNull();
    expect(sniffFileType(b('PK\x03\x04' + '\0'.repeat(26) + 'payload.exe'))).toBeNull();
    expect(sniffFileType(Buffer.concat([OLE, Buffer.alloc(100), utf16('PowerPoint Document')]))).toBeNull();
    expect(sniffFileType(b('<html><script>'))).toBeNull();
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
    expect(sniffFileType(b('%PD'))).toBeNull();
  });
});

describe('file names', () => {
  const pdf = sniffFileType(b('%PDF-1.7'))!;
  it('keeps the stem, drops directories and control characters, and uses the real extension', () => {
    expect(normaliseFileName('申请书.PNG', pdf)).toBe('申请书.pdf');
    expect(normaliseFileName('C:\\Users\\x\\表格.doc', pdf)).toBe('表格.pdf');
    expect(normaliseFileName('../../etc/passwd', pdf)).toBe('passwd.pdf');
    expect(normaliseFileName('a\u0000b"c.pdf', pdf)).toBe('abc.pdf');
    expect(normaliseFileName('', pdf)).toBe('file.pdf');
  });

  it('sends Chinese names as RFC 5987 filename* with an ASCII fallback', () => {
    const cd = contentDisposition("营业执照 (副本)'s.pdf");
    expect(cd).toBe(`attachment; filename="____ (__)'s.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29%27s.pdf`);
    expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe("营业执照 (副本)'s.pdf");
  });
});
