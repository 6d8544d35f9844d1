/** Electronic supervision (电子监察, DESIGN §5): cards, anomaly rules, supervision orders. Pure. */
export * from './cards.js';
export * from './anomalies.js';
export * from './orders.js';
