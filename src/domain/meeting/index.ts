/** Joint review meetings (联审会), pure: see rules.ts. */
export * from './rules.js';
