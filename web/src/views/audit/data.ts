/** Columns of the audit log table (labels are i18n keys; `slot` cells are drawn by the page). */
export interface Column {
  key: string;
  label: string;
  width?: number;
  minWidth?: number;
  /** a cell drawn by the page's template instead of plain text */
  slot?: boolean;
  /** hidden on phones */
  wide?: boolean;
}

export const auditColumns: Column[] = [
  { key: 'pos', label: 'audit.pos', width: 90 },
  { key: 'seq', label: 'audit.seq', width: 90, wide: true },
  { key: 'at', label: 'audit.at', width: 170, slot: true },
  { key: 'actorName', label: 'audit.actor', minWidth: 110 },
  { key: 'role', label: 'audit.role', minWidth: 110, slot: true, wide: true },
  { key: 'clientIp', label: 'audit.clientIp', minWidth: 120, wide: true },
  { key: 'entity', label: 'audit.entity', minWidth: 100 },
  { key: 'entityId', label: 'audit.entityId', minWidth: 150, slot: true, wide: true },
  { key: 'action', label: 'audit.action', minWidth: 120 },
  // the hash is shown in full in the expanded row
];

export const AUDIT_PAGE_SIZES = [20, 50, 100];

/** Payload as indented JSON for the expanded row. */
export function prettyPayload(p: unknown): string {
  if (p === null || p === undefined) return '';
  if (typeof p === 'string') {
    try {
      return JSON.stringify(JSON.parse(p), null, 2);
    } catch {
      return p;
    }
  }
  return JSON.stringify(p, null, 2);
}
