import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PARENTS,
  CENTER_KINDS,
  checkChildrenFit,
  checkNoCycle,
  checkPlacement,
  checkTimeZone,
  childPath,
  depthOf,
  pathIds,
} from '../../../src/domain/organisation/centers.js';

describe('center placement', () => {
  it('orders province > city > county, and roots only administrative centers', () => {
    expect(checkPlacement('province', null)).toEqual([]);
    expect(checkPlacement('city', 'province')).toEqual([]);
    expect(checkPlacement('county', 'city')).toEqual([]);
    expect(checkPlacement('county', 'province')).toEqual([]); // 省直管县
    expect(checkPlacement('county', null)).toEqual([]);
    expect(checkPlacement('province', 'city')[0].field).toBe('parentId');
    expect(checkPlacement('city', 'county')[0].messageEn).toBe('A city center cannot sit under a county center');
  });

  it('needs a parent for a station or a sub-center', () => {
    expect(checkPlacement('station', null)[0]).toMatchObject({ field: 'parentId', messageEn: 'A township station must have a parent center' });
    expect(checkPlacement('subCenter', null)).toHaveLength(1);
    expect(checkPlacement('station', 'county')).toEqual([]);
    expect(checkPlacement('station', 'city')).toEqual([]);
    expect(checkPlacement('subCenter', 'county')).toEqual([]);
  });

  it('puts nothing under a station or a sub-center', () => {
    for (const kind of CENTER_KINDS) {
      expect(checkPlacement(kind, 'station')).toHaveLength(1);
      expect(checkPlacement(kind, 'subCenter')).toHaveLength(1);
    }
  });

  it('never lets a kind sit under its own level or a lower one', () => {
    const level = { province: 1, city: 2, county: 3, subCenter: 4, station: 4 } as const;
    for (const kind of CENTER_KINDS) {
      for (const parent of ALLOWED_PARENTS[kind]) if (parent) expect(level[parent]).toBeLessThan(level[kind]);
    }
  });

  it('keeps existing children placeable when the kind changes', () => {
    expect(checkChildrenFit('county', ['station', 'subCenter'])).toEqual([]);
    const e = checkChildrenFit('station', ['station', 'station']);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ field: 'kind', message: expect.stringContaining('乡镇') });
  });
});

describe('center paths', () => {
  it('builds, measures and splits materialized paths', () => {
    const root = childPath(null, 'a');
    const child = childPath(root, 'b');
    expect([root, child]).toEqual(['/a/', '/a/b/']);
    expect([depthOf(root), depthOf(child)]).toEqual([0, 1]);
    expect(pathIds(child)).toEqual(['a', 'b']);
  });

  it('refuses a move under itself or a descendant, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uuid(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.uuid(), { minLength: 1, maxLength: 5 }),
        (a, b) => {
          const pathOf = (ids: string[]) => ids.reduce<string | null>((p, id) => childPath(p, id), null)!;
          const center = pathOf(a);
          expect(checkNoCycle(center, center)).toHaveLength(1);
          expect(checkNoCycle(center, pathOf([...a, ...b]))).toHaveLength(1);
          fc.pre(!b.some((id) => a.includes(id)));
          expect(checkNoCycle(center, pathOf(b))).toEqual([]);
          if (a.length > 1) expect(checkNoCycle(center, pathOf(a.slice(0, -1)))).toEqual([]);
        },
      ),
    );
  });

  it('knows the time zones of the runtime', () => {
    expect(checkTimeZone('Asia/Shanghai')).toEqual([]);
    expect(checkTimeZone('Asia/Urumqi')).toEqual([]);
    expect(checkTimeZone('Mars/Olympus')[0].field).toBe('timeZone');
  });
});
