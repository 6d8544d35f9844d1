export default {
  welcome: '{name}，您好！',
  welcomeHint: '欢迎使用一站通政务服务中心业务平台。',
  roles: '我的角色',
  noRoles: '尚未分配角色，请联系中心管理员。',
  permissions: '可用功能',
  calendarWarning: '节假日安排提醒',
  goCalendar: '前往节假日管理',
  quickLinks: '常用功能',
  publicSite: '查看门户网站',
};
