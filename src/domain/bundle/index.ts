export * from './fees.js';
export * from './form.js';
export * from './lifecycle.js';
export * from './limits.js';
export * from './materials.js';
export * from './rules.js';
export * from './types.js';
