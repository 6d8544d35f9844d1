/**
 * The flowchart of the procedure being edited, built in the browser the way the server builds
 * the guide's (services/catalogue/guide.ts): stages from the shared rule (domain/catalogue/stages),
 * start → stages (parallel co-department steps side by side) → end.
 */
import type { FlowNode } from '@shared/contracts/catalogue-api';
import { procedureDays, procedureStages } from '@shared/domain/catalogue/stages';
import type { ItemForm } from '@/views/catalogue/item-form';

type StageInput = Parameters<typeof procedureStages>[0];

function stageInput(f: ItemForm): StageInput {
  return {
    handlingClass: (f.handlingClass || 'promised') as StageInput['handlingClass'],
    departmentId: f.departmentId,
    procedure: f.procedure.map((s) => ({ name: s.name, kind: s.kind, departmentId: s.departmentId, role: s.role, limitDays: s.limitDays ?? 0 })),
  };
}

export function previewDays(f: ItemForm): number {
  return f.procedure.length === 0 ? 0 : procedureDays(stageInput(f));
}

export function previewFlow(f: ItemForm, deptName: (id: string) => string, stepLabel: (i: number) => string): FlowNode[] {
  const input = stageInput(f);
  const stages = procedureStages(input);
  const ids = (k: number): string[] => (k < stages.length ? stages[k].map((i) => `s${i}`) : ['end']);
  const nodes: FlowNode[] = [{ id: 'start', kind: 'start', label: '', stage: 0, departmentName: null, role: null, limitDays: null, next: ids(0) }];
  stages.forEach((st, k) => {
    for (const i of st) {
      const s = f.procedure[i];
      nodes.push({
        id: `s${i}`,
        kind: 'step',
        label: s.name.trim() || stepLabel(i),
        stage: k + 1,
        departmentName: deptName(s.departmentId ?? f.departmentId) || null,
        role: s.role || null,
        limitDays: s.limitDays,
        next: ids(k + 1),
      });
    }
  });
  nodes.push({ id: 'end', kind: 'end', label: '', stage: stages.length + 1, departmentName: null, role: null, limitDays: null, next: [] });
  return nodes;
}
