/**
 * Labels of enum codes from the one dictionary (locales/<lang>/dict.ts), in the current language.
 *   const { label, options } = useDict();
 *   label('handlingClass', 'immediate')      // 即办件
 *   options('onlineDepth')                   // [{ value: 'fullOnline', label: '全程网办' }, …]
 * An unknown code is shown as itself rather than hidden.
 */
import { useI18n } from 'vue-i18n';
import zhDict from '@/locales/zh-CN/dict';

export type DictName = keyof typeof zhDict;
export type DictCode<N extends DictName> = keyof (typeof zhDict)[N] & string;

export interface DictOption<V extends string = string> {
  value: V;
  label: string;
}

export function useDict() {
  const { t, te } = useI18n();

  function label(dict: DictName, code: string | null | undefined): string {
    if (code === null || code === undefined || code === '') return '';
    const key = `dict.${dict}.${code}`;
    return te(key) || te(key, 'zh-CN') ? t(key) : code;
  }

  function options<N extends DictName>(dict: N): DictOption<DictCode<N>>[] {
    return (Object.keys(zhDict[dict]) as DictCode<N>[]).map((value) => ({ value, label: label(dict, value) }));
  }

  return { label, options };
}
