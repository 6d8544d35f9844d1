/**
 * The wording of the messages sent to applicants (zh-CN: they go out by SMS and to the message
 * box as written). Pure: the case facts in, title and text out. No ID numbers, no names — a
 * message may be read on a shared phone; the case number and its query code are enough.
 */
export const TEMPLATES = ['caseAccepted', 'supplementRequested', 'caseRefused', 'caseConcluded', 'readyForCollection'] as const;
export type Template = (typeof TEMPLATES)[number];

export interface MessageFacts {
  caseNo: string;
  code: string;
  itemName: string;
  centerName: string;
  /** the business date of the event */
  date: string;
  progressUrl: string;
  promisedDue?: string | null;
  supplement?: { names: readonly string[]; dueDate: string | null };
  refusalReason?: string;
  outcome?: 'approved' | 'denied' | 'forwarded' | null;
}

const OUTCOME_ZH = { approved: '准予许可', denied: '不予许可', forwarded: '已报上级机关审批' } as const;

const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function renderMessage(t: Template, f: MessageFacts): { title: string; body: string } {
  const head = `您申请的「${f.itemName}」（办件编号 ${f.caseNo}）`;
  const track = `可凭办件编号和查询码 ${f.code} 在 ${f.progressUrl} 查询进度。`;
  switch (t) {
    case 'caseAccepted':
      return {
        title: '办件已受理',
        body: `${head}已于${cn(f.date)}受理${f.promisedDue ? `，承诺于${cn(f.promisedDue)}前办结` : ''}。${track}`,
      };
    case 'supplementRequested': {
      const names = f.supplement?.names.join('、') ?? '';
      const due = f.supplement?.dueDate ? `请于${cn(f.supplement.dueDate)}前补正，逾期未补正的视为撤回申请。` : '请尽快补正。';
      return { title: '请补正材料', body: `${head}需要补正以下材料：${names}。${due}${track}` };
    }
    case 'caseRefused':
      return { title: '不予受理', body: `${head}于${cn(f.date)}不予受理，理由：${f.refusalReason ?? ''}。如有异议，可向${f.centerName}申请复核。${track}` };
    case 'caseConcluded':
      return { title: '办件已办结', body: `${head}已于${cn(f.date)}办结，结果：${f.outcome ? OUTCOME_ZH[f.outcome] : '已办结'}。${track}` };
    case 'readyForCollection':
      return {
        title: '办理结果可领取',
        body: `${head}的办理结果已可领取，请携带有效身份证件到${f.centerName}窗口领取，或联系窗口办理邮寄送达。${track}`,
      };
  }
}
