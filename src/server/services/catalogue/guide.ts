/**
 * The guide (办事指南) of one version: its data with department names, downloadable forms,
 * and the flowchart. Public pages and the editor's preview both use it.
 */
import type { FlowNode, GuideFile, ItemGuide } from '../../../contracts/catalogue-api.js';
import type { ItemStatus } from '../../../contracts/catalogue.js';
import { procedureDays, procedureStages } from '../../../domain/catalogue/index.js';
import type { ItemVersionsTable } from '../../db/schema.js';
import { findFilesByIds } from '../../repositories/files.js';
import { findDepartmentsByIds } from '../../repositories/items.js';
import type { Executor } from '../context.js';
import { readData, referencedFileIds } from './version-row.js';

export const publicFileUrl = (id: string) => `/api/v1/public/files/${id}`;
export const adminFileUrl = (id: string) => `/api/v1/admin/files/${id}`;

export async function buildGuide(db: Executor, v: ItemVersionsTable, centerId: string, fileUrl: (id: string) => string): Promise<ItemGuide> {
  const data = readData(v);
  const stepDepts = data.procedure.map((s) => s.departmentId).filter((d): d is string => d !== null);
  const depts = new Map((await findDepartmentsByIds(db, [data.departmentId, ...data.coDepartmentIds, ...stepDepts])).map((d) => [d.id, d]));
  const ref = (id: string) => ({ id, code: depts.get(id)?.code ?? '', name: depts.get(id)?.name ?? '' });
  const files = new Map((await findFilesByIds(db, referencedFileIds(data))).map((f) => [f.id, f]));
  const file = (id: string | null): GuideFile | null => {
    const f = id ? files.get(id) : undefined;
    return f ? { id: f.id, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256, url: fileUrl(f.id) } : null;
  };
  // stage 0 is the start node; steps are in stages 1..n; the end node follows
  const stages = procedureStages(data);
  const stageOf = new Map(stages.flatMap((st, k) => st.map((i) => [i, k + 1] as const)));
  const procedure = data.procedure.map((s, i) => ({
    ...s,
    departmentName: ref(s.departmentId ?? data.departmentId).name,
    stage: stageOf.get(i) ?? 0,
  }));
  return {
    ...data,
    materials: data.materials.map((m) => ({ ...m, sampleFile: file(m.sampleFileId), blankFile: file(m.blankFileId) })),
    procedure,
    id: v.item_id,
    centerId,
    versionId: v.id,
    versionNo: v.version_no,
    status: v.status as ItemStatus,
    suspended: v.status === 'suspended',
    publishedAt: v.published_at,
    department: ref(data.departmentId),
    coDepartments: data.coDepartmentIds.map(ref),
    procedureDays: procedureDays(data),
    flow: buildFlow(procedure, stages),
  };
}

/** start → each stage's steps (parallel steps fan out and join) → end. */
export function buildFlow(steps: { name: string; departmentName: string; role: FlowNode['role']; limitDays: number }[], stages: number[][]): FlowNode[] {
  const ids = (k: number): string[] => (k < stages.length ? stages[k].map((i) => `s${i}`) : ['end']);
  const nodes: FlowNode[] = [
    { id: 'start', kind: 'start', label: '申请', stage: 0, departmentName: null, role: null, limitDays: null, next: ids(0) },
  ];
  stages.forEach((st, k) => {
    for (const i of st) {
      const s = steps[i];
      nodes.push({ id: `s${i}`, kind: 'step', label: s.name, stage: k + 1, departmentName: s.departmentName, role: s.role, limitDays: s.limitDays, next: ids(k + 1) });
    }
  });
  nodes.push({ id: 'end', kind: 'end', label: '办结', stage: stages.length + 1, departmentName: null, role: null, limitDays: null, next: [] });
  return nodes;
}
