/**
 * Department review (部门审查) — src/server/routes/review/cases.ts, schemas in
 * contracts/case-review.ts: the task inbox, completing or returning a task, the decision and the
 * conclusion. Every move carries the case `version` and answers the whole `CaseView`.
 */
import type { CaseView } from '@shared/contracts/case';
import type { CompleteTaskBody, DecideBody, TaskInbox, TaskInboxQuery } from '@shared/contracts/case-review';
import { http } from './http';

export type { TaskInbox, TaskInboxItem } from '@shared/contracts/case-review';
export type Decision = DecideBody['decision'];
/** a co-department's answer on a joint case (会签); 不同意 needs its reason in the opinion */
export type OpinionAnswer = NonNullable<CompleteTaskBody['answer']>;

const one = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;
const task = (id: string, taskId: string, what: string) => `${one(id)}/tasks/${encodeURIComponent(taskId)}/${what}`;

export const reviewApi = {
  inbox: (q: Partial<TaskInboxQuery>) => http.get<TaskInbox>('/api/v1/review/tasks', q),
  completeTask: (id: string, taskId: string, version: number, opinion: string, answer?: OpinionAnswer) =>
    http.post<CaseView>(task(id, taskId, 'complete'), answer ? { version, opinion, answer } : { version, opinion }),
  returnTask: (id: string, taskId: string, version: number, reason: string) => http.post<CaseView>(task(id, taskId, 'return'), { version, reason }),
  decide: (id: string, version: number, decision: Decision) => http.post<CaseView>(`${one(id)}/decide`, { version, decision }),
  conclude: (id: string, version: number) => http.post<CaseView>(`${one(id)}/conclude`, { version }),
};
