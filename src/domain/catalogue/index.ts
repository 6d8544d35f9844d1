export * from './item.js';
export * from './lifecycle.js';
export * from './rules.js';
export * from './stages.js';
