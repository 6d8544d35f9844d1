/** Between ItemData and an item_versions row: the JSON and the denormalised search columns. */
import { ItemData, type ItemVersionView, type ItemStatus } from '../../../contracts/catalogue.js';
import type { ItemVersionsTable } from '../../db/schema.js';

type Denormalised = Pick<
  ItemVersionsTable,
  'name' | 'department_id' | 'handling_class' | 'online_depth' | 'themes' | 'search_text' | 'promised_limit' | 'statutory_limit' | 'data'
>;

export function versionColumns(data: ItemData, departmentName: string): Denormalised {
  return {
    name: data.name,
    department_id: data.departmentId,
    handling_class: data.handlingClass,
    online_depth: data.onlineDepth,
    themes: data.themes.length ? `|${data.themes.join('|')}|` : '',
    search_text: [data.name, data.code, data.summary, departmentName].join('\n'),
    promised_limit: data.promisedLimit,
    statutory_limit: data.statutoryLimit,
    data: JSON.stringify(data),
  };
}

/** Stored data through the schema, so fields added since it was written get their defaults. */
export function readData(row: { data: string }): ItemData {
  return ItemData.parse(JSON.parse(row.data));
}

export function toVersionView(row: ItemVersionsTable): ItemVersionView {
  return {
    id: row.id,
    itemId: row.item_id,
    versionNo: row.version_no,
    status: row.status as ItemStatus,
    data: readData(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    version: row.version,
  };
}

/** Files a version's materials point at (sample and blank forms). */
export function referencedFileIds(data: ItemData): string[] {
  return data.materials.flatMap((m) => [m.sampleFileId, m.blankFileId]).filter((x): x is string => x !== null);
}

/** Same data? Compared as canonical JSON (keys sorted), after the schema filled defaults. */
export function sameData(a: ItemData, b: ItemData): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
