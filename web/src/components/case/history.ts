/** One line of detail under a history entry, from the action's payload (what a reader needs to know). */
import type { CaseAction, CaseView } from '@/api/cases';
import { fenToYuan } from '@/utils/format';

type T = (key: string, named?: Record<string, unknown>) => string;
type Label = (dict: 'specialProcedure' | 'deliveryMode', code: string) => string;

const s = (v: unknown): string => (typeof v === 'string' ? v : '');

export function historyDetail(a: CaseAction, view: CaseView, t: T, label: Label): string {
  const p = a.payload;
  const taskName = (id: unknown) => view.tasks.find((x) => x.id === id)?.name ?? s(id);
  const names = (v: unknown) => (Array.isArray(v) ? (v as { name?: string }[]).map((m) => m.name ?? '').join('、') : '');
  const material = (code: string) => view.item.materials.find((m) => m.code === code)?.name ?? code;
  switch (a.kind) {
    case 'accept': {
      const d = (p.deferred ?? null) as { materials?: unknown; dueDate?: string } | null;
      const parts = [d ? t('cases.history.deferred', { names: names(d.materials), date: s(d.dueDate) }) : '', names(p.pledged) ? t('cases.history.pledged', { names: names(p.pledged) }) : ''];
      return parts.filter(Boolean).join('；');
    }
    case 'supply':
      return Array.isArray(p.materials) ? p.materials.map((c) => material(String(c))).join('、') : '';
    case 'answerRecheck':
      return [t(p.upheld ? 'cases.history.upheld' : 'cases.history.overturned'), s(p.reason)].filter(Boolean).join(t('cases.sep'));
    case 'askRecheck':
      return s(p.reason);
    case 'openTask':
      return s(p.name);
    case 'completeTask': {
      // a co-department's answer (会签) as it counts (the task's, not the one sent) — 超时默认 has no opinion text
      const answer = view.tasks.find((x) => x.id === p.taskId)?.answer;
      return [taskName(p.taskId), answer ? t(`cases.taskAnswer.${answer}`) : '', s(p.opinion)].filter(Boolean).join(t('cases.sep'));
    }
    case 'returnTask':
      return [taskName(p.taskId), s(p.reason)].filter(Boolean).join(t('cases.sep'));
    case 'requestSupplement':
      return names(p.materials);
    case 'suspend':
      return [label('specialProcedure', s(p.procedure)), s(p.reason), t('common.workdays', { n: p.limitDays })].filter(Boolean).join('，');
    case 'decide':
    case 'concludeImmediately': {
      const d = (p.decision ?? {}) as Record<string, unknown>;
      const outcome = s(d.outcome);
      return [outcome ? t(`cases.outcome.${outcome}`) : '', s(d.authority), s(d.note)].filter(Boolean).join(t('cases.sep'));
    }
    case 'assessFee':
      return `${s(p.name)} ${t('common.yuan', { n: fenToYuan(Number(p.amountFen)) })}`;
    case 'payFee':
      return [t(`cases.payMethod.${s(p.method)}`), s(p.receiptNo)].filter(Boolean).join(' ');
    case 'deliver': {
      const d = (p.delivery ?? {}) as Record<string, unknown>;
      return label('deliveryMode', s(d.method));
    }
    case 'refuse':
    case 'withdraw':
    case 'terminate':
    case 'cancelFee':
    case 'refundFee':
    case 'greenChannel':
      return s(p.reason);
    default:
      return '';
  }
}
