/** Bundle runs (一件事办件): one application run as child cases stage by stage. */
export { startBundleRun } from './start.js';
export { getBundleRun } from './view.js';
export { listRuns } from './list.js';
export { assessRunFees, payRunFees } from './fees.js';
export { publicBundleProgress } from './progress.js';
export { feeSheetPdf } from './fee-sheet-pdf.js';
export { bundleRunEffects } from './hook.js';
