/** Evaluation (好差评, DESIGN §6): levels, occasions, published figures, rectification. Pure. */
export * from './levels.js';
export * from './occasions.js';
export * from './figures.js';
export * from './rectification.js';
