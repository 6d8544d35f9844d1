import { demoCenters } from './centers.js';
import { demoDepartments } from './departments.js';
import { demoItems } from './items/index.js';
import { DEMO_THEMES } from './themes.js';
import type { DemoCenter, DemoDepartment, DemoItem, DemoWindow } from './types.js';
import { demoWindows } from './windows.js';

/** Minimum sizes the demo promises (the brief of the seed); a test asserts they hold. */
export const DEMO_MINIMUMS = {
  departments: 22,
  dedicatedWindows: 12,
  comprehensiveWindows: 3,
  appointmentWindows: 2,
  items: 84,
  immediate: 25,
  joint: 6,
  reportUp: 3,
  charged: 6,
  withSampleForms: 15,
} as const;

/**
 * 事项编码: `{area code of the department's center}-{department code}-{type}-{4-digit sequence}`,
 * e.g. 370700-SCJG-XK-0001; type XK 许可, GG 公共服务, QR 确认, JF 给付, DJ 登记, QT 其他.
 */
export const ITEM_CODE_PATTERN = /^(\d{6})-([A-Z]{2,8})-(XK|GG|QR|JF|DJ|QT)-(\d{4})$/;
const TYPE_SEGMENT: Record<string, string> = {
  licensing: 'XK',
  publicService: 'GG',
  confirmation: 'QR',
  benefit: 'JF',
  registration: 'DJ',
  otherPower: 'QT',
};

export interface DemoData {
  centers: DemoCenter[];
  departments: DemoDepartment[];
  windows: DemoWindow[];
  items: DemoItem[];
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function checkCenters(centers: DemoCenter[], problems: string[]): void {
  for (const d of duplicates(centers.map((c) => c.key))) problems.push(`center key ${d} is duplicated`);
  for (const d of duplicates(centers.map((c) => c.areaCode))) problems.push(`center area code ${d} is duplicated`);
  const keys = new Set(centers.map((c) => c.key));
  for (const c of centers) {
    if (!/^\d{6}$/.test(c.areaCode)) problems.push(`center ${c.key}: area code ${c.areaCode} is not 6 digits`);
    if (c.parentKey !== null && !keys.has(c.parentKey)) problems.push(`center ${c.key}: unknown parent ${c.parentKey}`);
    if (c.parentKey === null && c.kind !== 'city' && c.kind !== 'province' && c.kind !== 'county') {
      problems.push(`center ${c.key}: a ${c.kind} needs a parent`);
    }
  }
  const count = (kind: DemoCenter['kind']) => centers.filter((c) => c.kind === kind).length;
  if (count('city') < 1) problems.push('no city center');
  if (count('subCenter') < 2) problems.push('fewer than 2 sub-centers');
  if (count('station') < 3) problems.push('fewer than 3 township stations');
}

function checkDepartments(data: DemoData, problems: string[]): void {
  const centerKeys = new Set(data.centers.map((c) => c.key));
  for (const d of duplicates(data.departments.map((x) => x.code))) problems.push(`department code ${d} is duplicated`);
  for (const d of data.departments) {
    if (!centerKeys.has(d.centerKey)) problems.push(`department ${d.code}: unknown center ${d.centerKey}`);
    if (!d.liaisonName || !d.liaisonPhone || !d.leaderName || !d.leaderPhone) problems.push(`department ${d.code}: liaison or leader missing`);
  }
  if (data.departments.length < DEMO_MINIMUMS.departments) problems.push(`only ${data.departments.length} departments`);
}

function checkWindows(data: DemoData, problems: string[]): void {
  const centerKeys = new Set(data.centers.map((c) => c.key));
  const deptCodes = new Set(data.departments.map((d) => d.code));
  const deptCenter = new Map(data.departments.map((d) => [d.code, d.centerKey]));
  for (const d of duplicates(data.windows.map((w) => w.code))) problems.push(`window code ${d} is duplicated`);
  for (const w of data.windows) {
    const where = `window ${w.code}`;
    if (!centerKeys.has(w.centerKey)) problems.push(`${where}: unknown center ${w.centerKey}`);
    for (const code of [...w.servedDepartmentCodes, ...(w.departmentCode ? [w.departmentCode] : [])]) {
      if (!deptCodes.has(code)) problems.push(`${where}: unknown department ${code}`);
      else if (deptCenter.get(code) !== w.centerKey) problems.push(`${where}: department ${code} is not in the window's center`);
    }
    if (w.kind === 'dedicated') {
      if (w.departmentCode === null || !deptCodes.has(w.departmentCode)) problems.push(`${where}: dedicated window needs a known department`);
      if (w.servedDepartmentCodes.length > 0) problems.push(`${where}: dedicated window serves other departments`);
    } else {
      if (w.departmentCode !== null) problems.push(`${where}: ${w.kind} window has a department of its own`);
      if (new Set(w.servedDepartmentCodes).size < 2) problems.push(`${where}: ${w.kind} window serves fewer than 2 departments`);
    }
    if (w.kind === 'appointment') {
      const roster = w.roster ?? [];
      const days = roster.map((r) => r.weekday).sort();
      if (days.join(',') !== '1,2,3,4,5') problems.push(`${where}: roster must name one department for each weekday Mon–Fri`);
      for (const r of roster) if (!w.servedDepartmentCodes.includes(r.departmentCode)) problems.push(`${where}: rostered ${r.departmentCode} is not served`);
    } else if (w.roster !== undefined) {
      problems.push(`${where}: only appointment windows have a roster`);
    }
  }
  const count = (kind: DemoWindow['kind']) => data.windows.filter((w) => w.kind === kind).length;
  if (count('dedicated') < DEMO_MINIMUMS.dedicatedWindows) problems.push(`only ${count('dedicated')} dedicated windows`);
  if (count('comprehensive') < DEMO_MINIMUMS.comprehensiveWindows) problems.push(`only ${count('comprehensive')} comprehensive windows`);
  if (count('appointment') < DEMO_MINIMUMS.appointmentWindows) problems.push(`only ${count('appointment')} appointment windows`);
}

function checkFormSchema(item: DemoItem, problems: string[]): void {
  const where = `item ${item.code}`;
  const schema = item.formSchema as { type?: unknown; properties?: Record<string, { title?: unknown }>; required?: unknown } | undefined;
  if (!schema || schema.type !== 'object' || typeof schema.properties !== 'object') {
    problems.push(`${where}: formSchema must be an object schema with properties`);
    return;
  }
  const names = Object.keys(schema.properties);
  if (names.length < 2 || names.length > 6) problems.push(`${where}: formSchema has ${names.length} properties (2–6 expected)`);
  for (const n of names) if (typeof schema.properties[n]?.title !== 'string') problems.push(`${where}: form field ${n} has no title`);
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  if (required.length === 0) problems.push(`${where}: formSchema requires nothing`);
  for (const r of required) if (typeof r !== 'string' || !names.includes(r)) problems.push(`${where}: required field ${String(r)} is not a property`);
}

interface ItemContext {
  /** department code → its center key */
  deptCenter: Map<string, string>;
  /** center key → area code */
  areaCode: Map<string, string>;
}

function checkItem(item: DemoItem, ctx: ItemContext, problems: string[]): void {
  const where = `item ${item.code}`;
  const home = ctx.deptCenter.get(item.departmentCode);
  if (home === undefined) problems.push(`${where}: unknown department ${item.departmentCode}`);
  const m = ITEM_CODE_PATTERN.exec(item.code);
  if (!m) problems.push(`${where}: code does not match ${ITEM_CODE_PATTERN}`);
  else {
    if (home !== undefined && m[1] !== ctx.areaCode.get(home)) problems.push(`${where}: code area ${m[1]} is not the area code of the department's center`);
    if (m[2] !== item.departmentCode) problems.push(`${where}: code names department ${m[2]}, item is ${item.departmentCode}`);
    if (m[3] !== TYPE_SEGMENT[item.itemType]) problems.push(`${where}: code type ${m[3]} does not match item type ${item.itemType}`);
  }
  const co = item.coDepartmentCodes ?? [];
  for (const c of co) {
    if (!ctx.deptCenter.has(c)) problems.push(`${where}: unknown co-department ${c}`);
    else if (ctx.deptCenter.get(c) !== home) problems.push(`${where}: co-department ${c} is not in the lead department's center`);
  }
  if (co.includes(item.departmentCode)) problems.push(`${where}: the lead department is also a co-department`);
  if (duplicates(co).length > 0) problems.push(`${where}: co-departments repeat`);
  if (item.handlingClass === 'joint' && co.length < 1) problems.push(`${where}: joint item needs a co-department`);
  if (item.handlingClass !== 'joint' && co.length > 0) problems.push(`${where}: only joint items list co-departments`);

  // limits
  if (item.promisedLimit > item.statutoryLimit) problems.push(`${where}: promised limit ${item.promisedLimit} > statutory ${item.statutoryLimit}`);
  if (item.handlingClass === 'immediate' && item.promisedLimit !== 0) problems.push(`${where}: immediate item with promised limit ${item.promisedLimit}`);
  if (item.handlingClass !== 'immediate' && item.promisedLimit === 0) problems.push(`${where}: ${item.handlingClass} item with promised limit 0`);

  // procedure
  const steps = item.procedure;
  if (steps.length < 2 || steps.length > 5) problems.push(`${where}: procedure has ${steps.length} steps (2–5 expected)`);
  const first = steps[0];
  if (first && (first.kind !== 'accept' || first.role !== 'clerk')) problems.push(`${where}: the first step must be 受理 by a clerk`);
  if (!steps.some((s) => s.kind === 'decide')) problems.push(`${where}: procedure has no decision step`);
  const total = steps.reduce((sum, s) => sum + s.limitDays, 0);
  if (total > item.promisedLimit) problems.push(`${where}: step limits sum to ${total} > promised ${item.promisedLimit}`);
  for (const s of steps) {
    if (s.kind === 'decide' && s.role !== 'chiefRep' && s.role !== 'deptLeader') problems.push(`${where}: step ${s.name} decides as ${s.role}`);
    if (s.kind === 'review' && s.role !== 'reviewer') problems.push(`${where}: review step ${s.name} is worked by ${s.role}`);
    if (s.departmentCode != null && !ctx.deptCenter.has(s.departmentCode)) problems.push(`${where}: step ${s.name} names unknown department ${s.departmentCode}`);
    if (s.departmentCode != null && s.departmentCode !== item.departmentCode && !co.includes(s.departmentCode)) {
      problems.push(`${where}: step ${s.name} is worked by ${s.departmentCode}, which is not a co-department`);
    }
  }
  for (const c of co) if (!steps.some((s) => s.departmentCode === c)) problems.push(`${where}: co-department ${c} has no step`);

  // legal basis, conditions, materials
  const basis = item.legalBasis ?? [];
  if (!basis.some((b) => (b.article ?? '').length > 0 && (b.text ?? '').length > 0)) problems.push(`${where}: no legal basis with article and text`);
  if ((item.conditions ?? []).length === 0) problems.push(`${where}: no conditions`);
  const materials = item.materials ?? [];
  if (materials.length < 2 || materials.length > 8) problems.push(`${where}: ${materials.length} materials (2–8 expected)`);
  for (const d of duplicates(materials.map((x) => x.code))) problems.push(`${where}: material code ${d} is duplicated`);
  const materialCodes = new Set(materials.map((x) => x.code));
  for (const f of item.sampleForms ?? []) {
    if (!materialCodes.has(f.materialCode)) problems.push(`${where}: sample form for unknown material ${f.materialCode}`);
    if (!f.fileName.endsWith('.pdf')) problems.push(`${where}: sample form file ${f.fileName} is not a PDF`);
  }

  // fees: 亮证收费
  const fees = item.fees ?? { free: true, lines: [] };
  const lines = fees.lines ?? [];
  if (lines.length > 0 && fees.free !== false) problems.push(`${where}: fee lines on a free item`);
  if (fees.free === false && lines.length === 0) problems.push(`${where}: charged item without fee lines`);
  for (const l of lines) {
    if (!l.licenceNo) problems.push(`${where}: fee line ${l.name} has no licence number`);
    if (!l.basis || !l.standard) problems.push(`${where}: fee line ${l.name} has no basis or standard`);
  }

  // online and service
  if (item.onlineDepth === 'fullOnline' && item.maxVisits !== 0) problems.push(`${where}: fully online item with ${item.maxVisits} visits`);
  const svc = item.service;
  if (!svc?.windows || !svc.address || !svc.hours || !svc.consultPhone || !svc.complaintPhone) problems.push(`${where}: service info incomplete`);
  if (!item.result?.name) problems.push(`${where}: no result name`);

  // themes
  const themes = item.themes ?? [];
  if (themes.length === 0) problems.push(`${where}: no theme`);
  for (const t of themes) if (!(DEMO_THEMES as readonly string[]).includes(t)) problems.push(`${where}: unknown theme ${t}`);

  checkFormSchema(item, problems);
}

function checkItems(data: DemoData, problems: string[]): void {
  const ctx: ItemContext = {
    deptCenter: new Map(data.departments.map((d) => [d.code, d.centerKey])),
    areaCode: new Map(data.centers.map((c) => [c.key, c.areaCode])),
  };
  for (const d of duplicates(data.items.map((i) => i.code))) problems.push(`item code ${d} is duplicated`);
  for (const item of data.items) checkItem(item, ctx, problems);

  const items = data.items;
  const byClass = (c: DemoItem['handlingClass']) => items.filter((i) => i.handlingClass === c).length;
  const charged = items.filter((i) => (i.fees?.lines ?? []).length > 0).length;
  const withForms = items.filter((i) => (i.sampleForms ?? []).length > 0).length;
  const mats = items.flatMap((i) => i.materials ?? []);
  if (items.length < DEMO_MINIMUMS.items) problems.push(`only ${items.length} items`);
  if (byClass('immediate') < DEMO_MINIMUMS.immediate) problems.push(`only ${byClass('immediate')} immediate items`);
  if (byClass('promised') < 1) problems.push('no promised items');
  if (byClass('joint') < DEMO_MINIMUMS.joint) problems.push(`only ${byClass('joint')} joint items`);
  if (byClass('reportUp') < DEMO_MINIMUMS.reportUp) problems.push(`only ${byClass('reportUp')} reportUp items`);
  if (charged < DEMO_MINIMUMS.charged) problems.push(`only ${charged} charged items`);
  if (withForms < DEMO_MINIMUMS.withSampleForms) problems.push(`only ${withForms} items with sample or blank forms`);
  if (!mats.some((x) => x.deferrable)) problems.push('no deferrable (容缺) material');
  if (!mats.some((x) => x.pledgeable)) problems.push('no pledgeable (告知承诺) material');
  for (const depth of ['fullOnline', 'onlinePreReview', 'window'] as const) {
    if (!items.some((i) => i.onlineDepth === depth)) problems.push(`no item with online depth ${depth}`);
  }
}

/** Every problem in the demo data (empty when it is consistent). Pure; pass other data to check it instead. */
export function checkDemoData(
  data: DemoData = { centers: demoCenters, departments: demoDepartments, windows: demoWindows, items: demoItems },
): string[] {
  const problems: string[] = [];
  checkCenters(data.centers, problems);
  checkDepartments(data, problems);
  checkWindows(data, problems);
  checkItems(data, problems);
  return problems;
}
