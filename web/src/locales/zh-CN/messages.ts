/** 我的消息 (message box) of any signed-in person. */
export default {
  title: '我的消息',
  unreadOnly: '只看未读',
  unreadCount: '未读 {n} 条',
  empty: '暂无消息',
  emptyUnread: '没有未读消息',
  loadFailed: '消息加载失败',
  unread: '未读',
  read: '已读',
  readAt: '已读于 {at}',
  openCase: '查看办件',
  hint: '办件受理、补正、办结等进展会通知到这里。窗口收件的办件可在“办件查询”中凭编号和查询码查看。',
};
