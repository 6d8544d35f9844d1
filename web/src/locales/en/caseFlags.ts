import type zh from '../zh-CN/caseFlags';
import type { LocaleModule } from '../types';

export default {
  title: 'Credit and reports',
} satisfies LocaleModule<typeof zh>;
