/** The QR code drawn module for module, long lists flowing onto more pages, incomplete models. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { SupplementLine } from '../../../src/domain/case/index.js';
import { qrRects, renderNotice } from '../../../src/server/documents/notices/index.js';
import { act, contentStreams, model, pdfPages, pdfText, play, PROGRESS_URL } from './notice-fixtures.js';

describe('notice QR code', () => {
  it.each([PROGRESS_URL, 'https://a.example/p/1', `https://zwfw.example.gov.cn/p?${'x'.repeat(200)}`])('covers exactly the dark modules of %s', (url) => {
    const { size, data } = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    const { size: drawnSize, rects } = qrRects(url);
    expect(drawnSize).toBe(size);
    const drawn = new Uint8Array(size * size);
    for (const r of rects) {
      expect(r.w).toBeGreaterThan(0);
      for (let x = r.x; x < r.x + r.w; x++) drawn[r.y * size + x] += 1;
    }
    // every dark module once, no light module at all
    expect([...drawn]).toEqual([...data].map((d) => (d ? 1 : 0)));
  });

  it('the PDF draws one rectangle per run of dark modules', async () => {
    const actions = [
      act('submit', '2026-11-26', { channel: 'window' }),
      act('accept', '2026-11-26', { deferred: null, pledged: [] }),
      act('startReview', '2026-11-27', {}),
      act('decide', '2026-11-30', { decision: { outcome: 'approved', note: '' } }),
    ];
    const states = play(actions);
    const pdf = await renderNotice(model('approval', states[3], actions[3]));
    // the approval has no table: every `re` in its content is a QR run
    const ops = contentStreams(pdf).join('\n').match(/(?:-?[\d.]+ ){4}re\b/g) ?? [];
    expect(ops.length).toBe(qrRects(PROGRESS_URL).rects.length);
  });
});

describe('notice layout', () => {
  it('a 60-line supplement notice flows onto more pages, every line present, footers clear', async () => {
    const lines: SupplementLine[] = Array.from({ length: 60 }, (_, i) => ({
      code: `M${i + 1}`,
      name: `第${String(i + 1).padStart(2, '0')}项证明材料`,
      problem: (['missing', 'wrong', 'incomplete'] as const)[i % 3],
      note: i % 7 === 0 ? '复印件须加盖单位公章并注明“与原件一致”，原件现场核验后退还，请一并携带原件至窗口' : '',
    }));
    const request = act('requestSupplement', '2026-11-26', { materials: lines, dueDate: '2026-12-10' });
    const states = play([act('submit', '2026-11-26', { channel: 'window' }), request]);
    const pdf = await renderNotice(model('supplement', states[1], request));
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const { compact } = pdfText(pdf);
    for (const l of lines) expect(compact).toContain(l.name);
    expect(compact).toContain('逾期未补正的，视为撤回申请');
    // the header row is repeated on the next page
    expect(compact.split('序号材料名称问题补正要求').length - 1).toBeGreaterThanOrEqual(2);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'notice-')), 'n.pdf');
    fs.writeFileSync(file, pdf);
    for (let p = 1; p <= pages; p++) {
      const page = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
      const last = page.split('\n').filter((l) => l.trim()).at(-1)!.replace(/\s+/g, '');
      // nothing printed below (or through) the footer line
      expect(last).toMatch(new RegExp(`^补正材料通知书办件编号：370702261126000011第${p}页共${pages}页$`));
    }
  });

  it('a plain acceptance keeps its signature on the one page (beside the QR code when short of room)', async () => {
    const actions = [act('submit', '2026-11-26', { channel: 'window' }), act('accept', '2026-11-26', { deferred: null, pledged: [] })];
    const pdf = await renderNotice(model('acceptance', play(actions)[1], actions[1]));
    expect(pdfPages(pdf)).toBe(1);
    const { compact } = pdfText(pdf);
    expect(compact).toContain('青岛市市南区行政服务中心');
    expect(compact).toContain('第1页共1页');
  });

  it('rejects a model its kind cannot be rendered from', async () => {
    const submit = act('submit', '2026-11-26', { channel: 'window' });
    const [state] = play([submit]);
    await expect(renderNotice(model('approval', state, submit))).rejects.toThrow(/not approved/);
    await expect(renderNotice(model('acceptance', state, submit))).rejects.toThrow(/not accepted/);
  });
});
