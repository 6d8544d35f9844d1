/** Demo data for a city center, as plain values for the seeding service. */
export { demoCenters } from './centers.js';
export { demoDepartments } from './departments.js';
export { demoWindows } from './windows.js';
export { demoItems } from './items/index.js';
export { DEMO_THEMES, type DemoTheme } from './themes.js';
export { checkDemoData, DEMO_MINIMUMS, ITEM_CODE_PATTERN } from './check.js';
export type { DemoCenter, DemoDepartment, DemoItem, DemoSampleForm, DemoStep, DemoWindow } from './types.js';
