/** The routes of bundle runs (一件事 applications) in the matrix. */
import type { RouteCase } from './routes.js';

export const BUNDLE_CASE_MATRIX: Record<string, RouteCase> = {};
