import type zh from '../zh-CN/bundleCases';
import type { LocaleModule } from '../types';

export default {
  title: 'Bundle applications',
} satisfies LocaleModule<typeof zh>;
