import type { ItemDataInput } from '../../../contracts/catalogue.js';

/**
 * Demo data as plain values: the seeder maps the human keys and codes used here
 * (center key, department code, window code) to row ids.
 */
export type DemoCenterKind = 'province' | 'city' | 'county' | 'subCenter' | 'station';

export interface DemoCenter {
  key: string;
  parentKey: string | null;
  name: string;
  kind: DemoCenterKind;
  /** 6 digits, unique across the demo centers (it prefixes case numbers) */
  areaCode: string;
  address: string;
  phone: string;
}

export interface DemoDepartment {
  /** e.g. 'SCJG', unique */
  code: string;
  name: string;
  shortName: string;
  liaisonName: string;
  liaisonPhone: string;
  leaderName: string;
  leaderPhone: string;
  centerKey: string;
}

export type DemoWeekday = 1 | 2 | 3 | 4 | 5;

export interface DemoWindow {
  /** 'A01'; unique across the demo */
  code: string;
  name: string;
  kind: 'dedicated' | 'comprehensive' | 'appointment';
  /** dedicated windows only */
  departmentCode: string | null;
  /** comprehensive and appointment windows */
  servedDepartmentCodes: string[];
  /** appointment windows: one department on duty per working day (Mon–Fri) */
  roster?: { weekday: DemoWeekday; departmentCode: string }[];
  location: string;
  centerKey: string;
}

type ItemStepInput = NonNullable<ItemDataInput['procedure']>[number];

/** A procedure step as the seed writes it: the working department by code (null/absent = the item's own). */
export type DemoStep = Omit<ItemStepInput, 'departmentId'> & { departmentCode?: string | null };

/** A sample (示范文本) or blank form (空白表格) the seeder renders to PDF from `title`. */
export interface DemoSampleForm {
  materialCode: string;
  kind: 'sample' | 'blank';
  fileName: string;
  title: string;
}

/** An item as the seed writes it: departments by code (the seeder maps code → id). */
export type DemoItem = Omit<ItemDataInput, 'departmentId' | 'coDepartmentIds' | 'procedure'> & {
  departmentCode: string;
  coDepartmentCodes?: string[];
  procedure: DemoStep[];
  sampleForms?: DemoSampleForm[];
};
