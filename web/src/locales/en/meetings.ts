import type zh from '../zh-CN/meetings';
import type { LocaleModule } from '../types';

export default {
  title: 'Joint review meetings',
} satisfies LocaleModule<typeof zh>;
