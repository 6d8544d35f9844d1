/**
 * Renders the demo catalogue's sample and blank forms to PDF, stores them, and puts their file
 * ids on the materials they belong to.
 */
import type { DemoItem } from './demo/types.js';
import { renderFormPdf, type FormField } from '../documents/sample-form.js';
import { storeFile } from '../services/catalogue/files.js';
import type { Ctx } from '../services/context.js';

/** An example value for a form field, from its title — the sample form shows filled-in lines. */
function exampleFor(title: string): string {
  if (/电话|手机/.test(title)) return '0536-8096000';
  if (/身份证|证件号/.test(title)) return '370702199001011234';
  if (/信用代码/.test(title)) return '91370700MA3C00000X';
  if (/名称|单位/.test(title)) return '潍坊示例科技有限公司';
  if (/姓名|代表|负责人|联系人/.test(title)) return '张明';
  if (/地址|场所|住所|位置/.test(title)) return '潍坊市奎文区示例路100号';
  if (/日期|时间/.test(title)) return '2026年3月2日';
  if (/资本|金额|面积|数量|人数/.test(title)) return '100';
  if (/范围|内容|用途|说明|理由/.test(title)) return '（按实际情况填写，示例：软件开发、技术服务）';
  return '（按实际情况填写）';
}

function fieldsOf(item: DemoItem): FormField[] {
  const props = (item.formSchema as { properties?: Record<string, { title?: string }> } | undefined)?.properties ?? {};
  const fields = Object.entries(props).map(([k, p]) => ({ label: p.title ?? k, example: exampleFor(p.title ?? k) }));
  const base: FormField[] = [
    { label: '申请人（单位）名称', example: exampleFor('名称') },
    { label: '联系人', example: exampleFor('联系人') },
    { label: '联系电话', example: exampleFor('电话') },
  ];
  return fields.length ? [...base, ...fields] : [...base, { label: '申请事项说明', example: exampleFor('说明') }];
}

export async function attachDemoForms(ctx: Ctx, item: DemoItem, departmentName: string): Promise<DemoItem> {
  if (!item.sampleForms?.length) return item;
  const materials = (item.materials ?? []).map((m) => ({ ...m }));
  for (const f of item.sampleForms) {
    const m = materials.find((x) => x.code === f.materialCode);
    if (!m) continue;
    const pdf = await renderFormPdf({
      kind: f.kind,
      title: f.title,
      itemName: item.name,
      departmentName,
      fields: fieldsOf(item),
      notes: ['请使用黑色钢笔或签字笔填写，字迹清楚。', '本表可在政务服务中心窗口领取，也可在网上办事大厅下载。'],
    });
    const info = await storeFile(ctx, { name: f.fileName, data: pdf, purpose: 'catalogueForm' });
    if (f.kind === 'sample') m.sampleFileId = info.id;
    else m.blankFileId = info.id;
  }
  return { ...item, materials };
}
