import type zh from '../zh-CN/workbench';
import type { LocaleModule } from '../types';

export default {
  welcome: 'Hello, {name}!',
  welcomeHint: 'Welcome to the OneStop service center work platform.',
  roles: 'My roles',
  noRoles: 'No role assigned yet; ask the center administrator.',
  permissions: 'Available functions',
  calendarWarning: 'Holiday calendar',
  goCalendar: 'Open the calendar page',
  quickLinks: 'Shortcuts',
  publicSite: 'Open the public site',
} satisfies LocaleModule<typeof zh>;
