import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, COMPLAINT_STEPS, complaintOverdue, complaintStep } from '../../../src/domain/supervision/complaints.js';

describe('complaint state machine', () => {
  it('runs accept → investigate → dispose → feed back → archive', () => {
    let s: string = 'received';
    const seen: string[] = [];
    for (const step of COMPLAINT_STEPS) {
      const r = complaintStep(s, step);
      if (!r.ok) throw new Error(r.en);
      s = r.status;
      seen.push(s);
    }
    expect(seen).toEqual(['accepted', 'investigating', 'disposed', 'fedBack', 'archived']);
  });

  it('lets investigation notes be added again, but no other step twice', () => {
    expect(complaintStep('investigating', 'investigate')).toEqual({ ok: true, status: 'investigating' });
    expect(complaintStep('accepted', 'accept').ok).toBe(false);
    expect(complaintStep('disposed', 'dispose').ok).toBe(false);
  });

  it('refuses every step out of order, naming the status', () => {
    const legal = new Set(['received:accept', 'accepted:investigate', 'investigating:investigate', 'investigating:dispose', 'disposed:feedBack', 'fedBack:archive']);
    for (const s of COMPLAINT_STATUSES) {
      for (const step of COMPLAINT_STEPS) {
        const r = complaintStep(s, step);
        expect(r.ok, `${s}:${step}`).toBe(legal.has(`${s}:${step}`));
      }
    }
    expect(complaintStep('received', 'dispose')).toEqual({ ok: false, zh: '投诉待受理，不能处理', en: 'A complaint that is received cannot take the step dispose' });
    expect(complaintStep('archived', 'accept')).toMatchObject({ ok: false, zh: '投诉已归档，不能受理' });
    expect(complaintStep('weird', 'accept').ok).toBe(false);
  });

  it('is overdue past its due date until fed back', () => {
    expect(complaintOverdue('investigating', '2026-03-09', '2026-03-10')).toBe(true);
    expect(complaintOverdue('investigating', '2026-03-09', '2026-03-09')).toBe(false);
    expect(complaintOverdue('fedBack', '2026-03-09', '2026-03-20')).toBe(false);
    expect(complaintOverdue('archived', '2026-03-09', '2026-03-20')).toBe(false);
  });
});
