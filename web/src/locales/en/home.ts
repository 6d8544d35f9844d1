import type zh from '../zh-CN/home';
import type { LocaleModule } from '../types';

export default {
  heroTitle: 'Government services, all in one place',
  heroSubtitle: 'Departments under one roof, every service published, every case traceable',
  searchPlaceholder: 'Search by service name, code or department',
  searchButton: 'Search',
  hotSearch: 'Popular themes',
  themes: 'Themes',
  themesHint: 'Find a service by theme',
  departments: 'Departments',
  departmentsHint: 'Find a service by department',
  itemsCount: '{n} services',
  showAll: 'Show all ({n})',
  showLess: 'Show fewer',
  progress: 'Case progress: look a case up with its number and query code',
  allGuides: 'All service guides',
  principlesTitle: 'Our commitments',
  principles: {
    oneWindow: { title: 'One window', text: 'A comprehensive window takes your application; the center routes it to every department behind the scenes.' },
    oneNotice: { title: 'One notice', text: 'If anything is missing, you are told everything that needs to be supplied at once, in writing.' },
    onTime: { title: 'On time', text: 'Every service publishes its time limit in working days; electronic supervision warns and flags any delay.' },
  },
  loadFailed: 'Could not load themes and departments',
} satisfies LocaleModule<typeof zh>;
