/** The routes of joint review meetings (联审会) in the matrix. */
import type { RouteCase } from './routes.js';

export const MEETING_MATRIX: Record<string, RouteCase> = {};
