/** Display formats shared by pages: instants in the center's zone, money in yuan, limits in days. */
import { i18n } from '@/locales';

const ZONE = 'Asia/Shanghai';

/** ISO instant → `2026-03-02 14:05:09` in Asia/Shanghai (empty for null). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Integer fen → `12.50` (yuan, two decimals). */
export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return (fen / 100).toFixed(2);
}

/** A limit in working days: 0 → 即办, N → N 个工作日. */
export function formatLimit(days: number): string {
  const t = i18n.global.t;
  return days === 0 ? t('common.immediate') : t('common.workdays', { n: days });
}
