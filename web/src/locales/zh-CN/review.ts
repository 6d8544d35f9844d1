/** 部门审查 (department review): the task inbox and the review page of a case. */
export default {
  menu: {
    group: '部门审查',
    tasks: '待办任务',
    cases: '部门办件',
    case: '审查办件',
  },
  inbox: {
    light: '时限',
    caseNo: '办件编号',
    item: '事项',
    applicant: '申请人',
    task: '环节',
    round: '第 {n} 次',
    openedOn: '开始',
    deadline: '期限',
    remaining: '剩余',
    left: '{n} 个工作日',
    overdue: '超期 {n} 个工作日',
    paused: '暂停计时',
    notMine: '非本人承办',
    open: '办理',
    empty: '暂无待办任务',
    loadFailed: '待办任务加载失败',
  },
  page: {
    title: '审查办件',
    myTasks: '我的当前环节',
    noTask: '当前没有需要您办理的环节',
  },
};
