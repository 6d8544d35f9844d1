import { describe, expect, it } from 'vitest';
import { fromPortable, portablePath, toPortable } from '../../../src/server/services/catalogue/portable.js';
import { CO, DEPT, item } from './fixtures.js';

const codes: Record<string, string> = { [DEPT]: 'SCJG', [CO]: 'ZJJ' };
const ids = Object.fromEntries(Object.entries(codes).map(([id, code]) => [code, id]));
const look = { departmentId: (c: string) => ids[c], fileId: (sha: string) => (sha === 'a'.repeat(64) ? 'file-1' : undefined) };

describe('portable item data', () => {
  it('round-trips departments by code and files by hash', () => {
    const d = item({
      handlingClass: 'joint', coDepartmentIds: [CO],
      procedure: [{ name: '意见', kind: 'review', role: 'reviewer', limitDays: 1, departmentId: CO }],
      materials: [{ code: 'M1', name: '申请书', sampleFileId: 'file-1' }],
    });
    const p = toPortable(d, (id) => codes[id], (id) => (id === 'file-1' ? 'a'.repeat(64) : null));
    expect(p).toMatchObject({ departmentCode: 'SCJG', coDepartmentCodes: ['ZJJ'], procedure: [{ departmentCode: 'ZJJ' }], materials: [{ sampleFileSha256: 'a'.repeat(64), blankFileSha256: null }] });
    expect(p).not.toHaveProperty('departmentId');
    expect(fromPortable(p, look)).toEqual({ data: d, errors: [] });
  });

  it('names unknown departments and files in portable terms', () => {
    const p = toPortable(item({ materials: [{ code: 'M1', name: 'x', blankFileId: 'f' }] }), () => 'NOPE', (id) => (id ? 'b'.repeat(64) : null));
    expect(fromPortable(p, look).errors.map((e) => e.field)).toEqual(['departmentCode', 'materials.0.blankFileSha256']);
  });

  it('maps ItemData paths to portable paths', () => {
    expect(portablePath('departmentId')).toBe('departmentCode');
    expect(portablePath('coDepartmentIds.2')).toBe('coDepartmentCodes.2');
    expect(portablePath('coDepartmentIds')).toBe('coDepartmentCodes');
    expect(portablePath('procedure.3.departmentId')).toBe('procedure.3.departmentCode');
    expect(portablePath('materials.0.sampleFileId')).toBe('materials.0.sampleFileSha256');
    expect(portablePath('promisedLimit')).toBe('promisedLimit');
    expect(portablePath('fees.lines.0.licenceNo')).toBe('fees.lines.0.licenceNo');
  });
});
