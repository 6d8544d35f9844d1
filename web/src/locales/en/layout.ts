import type zh from '../zh-CN/layout';
import type { LocaleModule } from '../types';

export default {
  nav: {
    home: 'Home',
    guide: 'Service guides',
    progress: 'Case progress',
    messages: 'My messages',
    login: 'Log in',
    logout: 'Log out',
    staffLogin: 'Staff login',
    workbench: 'Workbench',
    menu: 'Menu',
  },
  menu: {
    adminHome: 'Workbench',
    audit: 'Audit log',
    password: 'Change password',
    system: 'System',
  },
  footer: {
    slogan: 'One window · One notice · On time',
    copyright: 'OneStop open-source government service platform',
  },
  user: 'Signed in as',
  collapse: 'Collapse menu',
  expand: 'Expand menu',
  toSite: 'Public site',
} satisfies LocaleModule<typeof zh>;
