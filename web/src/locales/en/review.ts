import type zh from '../zh-CN/review';
import type { LocaleModule } from '../types';

export default {
  menu: {
    group: 'Department review',
    tasks: 'Task inbox',
    cases: 'Department cases',
    case: 'Review a case',
  },
  inbox: {
    light: 'Time',
    caseNo: 'Case no.',
    item: 'Item',
    applicant: 'Applicant',
    task: 'Step',
    round: 'round {n}',
    openedOn: 'Opened',
    deadline: 'Due',
    remaining: 'Left',
    left: '{n} working days',
    overdue: '{n} working days overdue',
    paused: 'Clock paused',
    notMine: 'Not assigned to you',
    open: 'Open',
    empty: 'No open tasks',
    loadFailed: 'Could not load the tasks',
  },
  page: {
    title: 'Review a case',
    myTasks: 'My current steps',
    noTask: 'No step is waiting for you',
  },
} satisfies LocaleModule<typeof zh>;
