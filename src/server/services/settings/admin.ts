/**
 * Reading and changing a center's settings groups (GET/PUT /api/v1/admin/settings/case and
 * /supervision). The center is the one named, or else the one where the admin holds
 * settings:manage; an admin acts on their center and the centers below it. A change replaces the
 * center's own values (null = inherit) under one version, and is in the action log (./group.ts).
 */
import {
  CaseSettingsBody,
  type CaseSettings,
  SettingsQuery,
  SupervisionSettingsBody,
  type SupervisionSettings,
} from '../../../contracts/settings.js';
import type { Ctx } from '../context.js';
import { CASE_SETTINGS_GROUP } from './case-settings.js';
import { readGroup, writeGroup } from './group.js';
import { SUPERVISION_SETTINGS_GROUP } from './supervision-settings.js';

/** Errors: unauthenticated, forbidden (no settings:manage over the center), notFound (centerId). */
export async function getCaseSettings(ctx: Ctx, input: SettingsQuery): Promise<CaseSettings> {
  const q = SettingsQuery.parse(input);
  return (await readGroup(ctx, CASE_SETTINGS_GROUP, q.centerId)) as CaseSettings;
}

/**
 * Errors: unauthenticated, forbidden, notFound (centerId), validation (400 naming
 * `lightWarningDays` / `supplementDueWorkdays` out of range or not whole), conflict (409: the
 * center's settings changed since `version`).
 */
export async function updateCaseSettings(ctx: Ctx, query: SettingsQuery, input: CaseSettingsBody): Promise<CaseSettings> {
  const q = SettingsQuery.parse(query);
  const body = CaseSettingsBody.parse(input);
  return (await writeGroup(ctx, CASE_SETTINGS_GROUP, q.centerId, body)) as CaseSettings;
}

/** Errors: unauthenticated, forbidden (no settings:manage over the center), notFound (centerId). */
export async function getSupervisionSettings(ctx: Ctx, input: SettingsQuery): Promise<SupervisionSettings> {
  const q = SettingsQuery.parse(input);
  return (await readGroup(ctx, SUPERVISION_SETTINGS_GROUP, q.centerId)) as SupervisionSettings;
}

/**
 * Errors: unauthenticated, forbidden, notFound (centerId), validation (400 naming each field out
 * of range, not whole, or — `defaultLevel` — not a level nor `none`), conflict (409: changed since `version`).
 */
export async function updateSupervisionSettings(ctx: Ctx, query: SettingsQuery, input: SupervisionSettingsBody): Promise<SupervisionSettings> {
  const q = SettingsQuery.parse(query);
  const body = SupervisionSettingsBody.parse(input);
  return (await writeGroup(ctx, SUPERVISION_SETTINGS_GROUP, q.centerId, body)) as SupervisionSettings;
}
