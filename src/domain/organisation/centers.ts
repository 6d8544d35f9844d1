/**
 * The center tree (DESIGN §2): province > city > county centers, sub-centers (分中心) and township
 * stations (乡镇便民服务中心). Paths are materialized: `/rootId/childId/` — a center's subtree is
 * every center whose path starts with its path.
 */
import { type FieldError, fieldError } from '../errors.js';

export const CENTER_KINDS = ['province', 'city', 'county', 'subCenter', 'station'] as const;
export type CenterKind = (typeof CENTER_KINDS)[number];

/**
 * Which kinds may sit directly under which. Administrative centers only under a higher level
 * (a county may sit under a province: 省直管县). A sub-center is run by one department of a
 * province/city/county center; a township or street station belongs to a city (its districts'
 * streets) or county center. null = may be a root.
 */
export const ALLOWED_PARENTS: Record<CenterKind, readonly (CenterKind | null)[]> = {
  province: [null],
  city: [null, 'province'],
  county: [null, 'province', 'city'],
  subCenter: ['province', 'city', 'county'],
  station: ['city', 'county'],
};

export const CENTER_KIND_LABELS: Record<CenterKind, [string, string]> = {
  province: ['省级中心', 'province center'],
  city: ['市级中心', 'city center'],
  county: ['县级中心', 'county center'],
  subCenter: ['分中心', 'sub-center'],
  station: ['乡镇（街道）便民服务中心', 'township station'],
};

/** May a center of `kind` sit under a parent of `parentKind` (null: no parent)? */
export function checkPlacement(kind: CenterKind, parentKind: CenterKind | null, field = 'parentId'): FieldError[] {
  if (ALLOWED_PARENTS[kind].includes(parentKind)) return [];
  const [zh, en] = CENTER_KIND_LABELS[kind];
  if (parentKind === null) {
    return [fieldError(field, `${zh}必须有上级中心`, `A ${en} must have a parent center`)];
  }
  const [pzh, pen] = CENTER_KIND_LABELS[parentKind];
  return [fieldError(field, `${zh}不能设在${pzh}之下`, `A ${en} cannot sit under a ${pen}`)];
}

/** Changing a center's kind must keep its existing children placeable under it. */
export function checkChildrenFit(kind: CenterKind, childKinds: CenterKind[], field = 'kind'): FieldError[] {
  const bad = [...new Set(childKinds)].filter((c) => !ALLOWED_PARENTS[c].includes(kind));
  if (bad.length === 0) return [];
  const [zh, en] = CENTER_KIND_LABELS[kind];
  return [
    fieldError(
      field,
      `${zh}之下不能有${bad.map((b) => CENTER_KIND_LABELS[b][0]).join('、')}，请先调整下级中心`,
      `A ${en} cannot have ${bad.map((b) => CENTER_KIND_LABELS[b][1]).join(', ')} below it; move those first`,
    ),
  ];
}

/** Moving a center under itself or one of its descendants would make a cycle. */
export function checkNoCycle(centerPath: string, newParentPath: string, field = 'parentId'): FieldError[] {
  return newParentPath.startsWith(centerPath)
    ? [fieldError(field, '不能将中心移到其自身或其下级中心之下', 'A center cannot move under itself or one of its descendants')]
    : [];
}

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** 0 for a root, 1 for its children, … */
export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

/** The ids on the path from the root to the center itself. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export function isInSubtree(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** An IANA time zone the runtime knows (business dates are computed in it). */
export function checkTimeZone(tz: string, field = 'timeZone'): FieldError[] {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return [];
  } catch {
    return [fieldError(field, `未知的时区：${tz}`, `Unknown time zone: ${tz}`)];
  }
}
