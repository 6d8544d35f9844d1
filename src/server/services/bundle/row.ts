/** Between a bundles row and the bundle's data and summaries. */
import type { BundleData, BundleStage, BundleStatus, BundleSummary } from '../../../contracts/bundle.js';
import type { BundleDef } from '../../../domain/bundle/index.js';
import type { BundlesTable } from '../../db/schema.js';

export function stagesOf(row: Pick<BundlesTable, 'stages'>): BundleStage[] {
  return JSON.parse(row.stages) as BundleStage[];
}

export function themesOf(row: Pick<BundlesTable, 'themes'>): string[] {
  return JSON.parse(row.themes) as string[];
}

export function defOf(row: BundlesTable): BundleDef {
  return { code: row.code, name: row.name, summary: row.summary, themes: themesOf(row), stages: stagesOf(row) };
}

/** The stored columns of the editable fields. */
export function dataColumns(d: BundleData) {
  return { name: d.name, summary: d.summary, themes: JSON.stringify(d.themes), stages: JSON.stringify(d.stages) };
}

export function toBundleSummary(row: BundlesTable): BundleSummary {
  const stages = stagesOf(row);
  return {
    id: row.id,
    centerId: row.center_id,
    code: row.code,
    name: row.name,
    themes: themesOf(row),
    status: row.status as BundleStatus,
    stageCount: stages.length,
    itemCount: new Set(stages.flatMap((s) => s.itemIds)).size,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    version: row.version,
  };
}
