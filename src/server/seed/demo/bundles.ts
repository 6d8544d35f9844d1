/**
 * The demo's two bundles (一件事), in the city center, naming their items by name:
 *
 * - 企业开办一件事: everything a new company needs, in one stage run side by side — 设立登记,
 *   公章刻制, the tax items (新办纳税人涉税信息确认, 发票领用) and 单位参保登记 (the seeds' "在
 *   企业设立登记领域试行一窗式审批服务").
 * - 工程建设项目审批一件事: the seeds' construction chain "工程立项、工程许可及图纸审核3个阶段".
 *   Stage 2 runs the two planning permits in parallel (the land-ownership proof of 工程规划许可 may
 *   be owed, 容缺); stage 3 the fire-design review beside the construction permit (whose
 *   drawing-review certificate may be owed until the permit is issued).
 */
import { createBundle, publishBundle } from '../../services/bundle/index.js';
import type { Ctx } from '../../services/context.js';
import { demoItems } from './items/index.js';

export interface DemoBundle {
  code: string;
  name: string;
  summary: string;
  themes: string[];
  stages: { name: string; itemNames: string[] }[];
}

export const demoBundles: DemoBundle[] = [
  {
    code: '370700-YJS-0001',
    name: '企业开办一件事',
    summary: '一次告知、一表申请、一窗受理、一次办结：营业执照、公章刻制、涉税事项和单位参保登记同步办理，共用一套材料。',
    themes: ['企业开办'],
    stages: [
      {
        name: '企业开办（并联办理）',
        itemNames: ['有限责任公司设立登记', '公章刻制备案', '新办纳税人涉税信息确认', '发票领用', '单位参保登记'],
      },
    ],
  },
  {
    code: '370700-YJS-0002',
    name: '工程建设项目审批一件事',
    summary: '“一家收件，抄告各方，同时受理，限时办结”：建设项目审批分工程立项、工程许可、图纸审核三个阶段，阶段内各事项并联办理。',
    themes: ['工程建设'],
    stages: [
      { name: '工程立项', itemNames: ['企业投资项目备案', '建设项目用地预审与选址意见书核发'] },
      { name: '工程许可', itemNames: ['建设用地规划许可证核发', '建设工程规划许可证核发'] },
      { name: '图纸审核', itemNames: ['特殊建设工程消防设计审查', '建筑工程施工许可证核发'] },
    ],
  },
];

/** Every problem in the demo bundles: an item name that names no demo item, or several. */
export function checkDemoBundles(bundles: DemoBundle[] = demoBundles): string[] {
  const problems: string[] = [];
  for (const b of bundles) {
    for (const n of b.stages.flatMap((s) => s.itemNames)) {
      const found = demoItems.filter((i) => i.name === n).length;
      if (found !== 1) problems.push(`bundle ${b.code}: item name ${n} matches ${found} demo items`);
    }
  }
  return problems;
}

/** The item code a demo bundle names by `name`. */
function codeOf(name: string): string {
  const item = demoItems.find((i) => i.name === name);
  if (!item) throw new Error(`demo data: no item named ${name}`);
  return item.code;
}

/** Creates and publishes the demo bundles in `centerId`; `items` maps item codes to ids. */
export async function seedDemoBundles(ctx: Ctx, centerId: string, items: ReadonlyMap<string, string>): Promise<number> {
  for (const b of demoBundles) {
    const stages = b.stages.map((s) => ({ name: s.name, itemIds: s.itemNames.map((n) => items.get(codeOf(n))!) }));
    const created = await createBundle(ctx, { centerId, code: b.code, name: b.name, summary: b.summary, themes: b.themes, stages });
    await publishBundle(ctx, created.id, { version: created.version });
  }
  return demoBundles.length;
}
