/**
 * The public side of the online hall: the publication of concluded decisions (办件结果公示,
 * DESIGN §9) — item, department, date and result; a person's name masked (张*) and ID number
 * masked (3201**********1234), an enterprise's name and credit code in full, as the law on
 * information disclosure expects — and the windows a complaint may name.
 */
import type { PublicationList, PublicationQuery, PublicWindowList } from '../../../contracts/hall-service.js';
import { PublicationQuery as Query } from '../../../contracts/hall-service.js';
import { maskIdNumber, maskName } from '../../../domain/identity/index.js';
import { listActiveWindows, listPublications } from '../../repositories/hall-cases.js';
import type { Ctx } from '../context.js';

export async function publications(ctx: Ctx, input: PublicationQuery): Promise<PublicationList> {
  const q = Query.parse(input);
  const r = await listPublications(ctx.deps.db.kysely, { itemId: q.itemId, centerId: q.centerId, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return {
    total: r.total,
    items: r.rows.map((x) => {
      const person = x.applicant_kind === 'person';
      return {
        caseNo: x.case_no,
        itemName: x.item_name,
        departmentName: x.department_name,
        applicantName: person ? maskName(x.applicant_name) : x.applicant_name,
        applicantIdentifier: person ? (x.applicant_id_number && maskIdNumber(x.applicant_id_number)) : x.applicant_uscc,
        concludedOn: x.concluded_on,
        result: x.outcome as 'approved' | 'denied',
      };
    }),
  };
}

export async function publicWindows(ctx: Ctx, centerId?: string): Promise<PublicWindowList> {
  const rows = await listActiveWindows(ctx.deps.db.kysely, centerId);
  return { total: rows.length, items: rows.map((w) => ({ id: w.id, centerId: w.center_id, centerName: w.center_name, code: w.code, name: w.name })) };
}
