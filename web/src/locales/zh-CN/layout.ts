/** Header, navigation and menu titles. Admin menu titles of a module may live in its own file. */
export default {
  nav: {
    home: '首页',
    guide: '办事指南',
    progress: '办件查询',
    messages: '我的消息',
    login: '登录',
    logout: '退出',
    staffLogin: '工作人员登录',
    workbench: '进入工作台',
    menu: '菜单',
  },
  menu: {
    adminHome: '工作台首页',
    audit: '审计日志',
    password: '修改密码',
    system: '系统管理',
  },
  footer: {
    slogan: '一窗受理 · 一次告知 · 限时办结',
    copyright: '一站通 OneStop 开源政务服务平台',
  },
  user: '当前用户',
  collapse: '收起菜单',
  expand: '展开菜单',
  toSite: '门户网站',
};
