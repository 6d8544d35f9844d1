/**
 * The State Council's holiday arrangements, written out from the notices themselves (国务院办公厅
 * 关于20XX年部分节假日安排的通知), in the text form an admin would paste. Every holiday day and
 * every make-up working day of the year is listed, weekends inside a holiday included; a holiday
 * that is a single weekday joined to a plain weekend ("与周末连休") lists only that weekday.
 *
 * Shared by official-years.test.ts (checks against the notices) and chinese-days.test.ts
 * (compares with the production source); kept out of both so neither registers the other's tests.
 */
import { buildCalendar, parseYearList, toDayRecord, type ImportedDay, type WorkCalendar } from '../../../src/domain/calendar/index.js';

/** 国办发明电〔2023〕7号 */
export const NOTICE_2024 = `
年份 2024
# 元旦：1月1日放假，与周末连休
2024-01-01 休 元旦
# 春节：2月10日至17日放假调休，共8天；2月4日（周日）、2月18日（周日）上班
2024-02-10~2024-02-17 休 春节
2024-02-04 班 春节
2024-02-18 班 春节
# 清明节：4月4日至6日放假调休，共3天；4月7日（周日）上班
2024-04-04~2024-04-06 休 清明节
2024-04-07 班 清明节
# 劳动节：5月1日至5日放假调休，共5天；4月28日（周日）、5月11日（周六）上班
2024-05-01~2024-05-05 休 劳动节
2024-04-28 班 劳动节
2024-05-11 班 劳动节
# 端午节：6月10日放假，与周末连休
2024-06-10 休 端午节
# 中秋节：9月15日至17日放假调休，共3天；9月14日（周六）上班
2024-09-15~2024-09-17 休 中秋节
2024-09-14 班 中秋节
# 国庆节：10月1日至7日放假调休，共7天；9月29日（周日）、10月12日（周六）上班
2024-10-01~2024-10-07 休 国庆节
2024-09-29 班 国庆节
2024-10-12 班 国庆节
`;

/** 国办发明电〔2024〕12号 (春节、劳动节各增加 1 天) */
export const NOTICE_2025 = `
年份 2025
# 元旦：1月1日（周三）放假1天，不调休
2025-01-01 休 元旦
# 春节：1月28日（除夕、周二）至2月4日（初七、周二）放假调休，共8天；1月26日（周日）、2月8日（周六）上班
2025-01-28~2025-02-04 休 春节
2025-01-26 班 春节
2025-02-08 班 春节
# 清明节：4月4日（周五）至6日（周日）放假，共3天
2025-04-04~2025-04-06 休 清明节
# 劳动节：5月1日（周四）至5日（周一）放假调休，共5天；4月27日（周日）上班
2025-05-01~2025-05-05 休 劳动节
2025-04-27 班 劳动节
# 端午节：5月31日（周六）至6月2日（周一）放假，共3天
2025-05-31~2025-06-02 休 端午节
# 国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天；9月28日（周日）、10月11日（周六）上班
2025-10-01~2025-10-05 休 国庆节
2025-10-06 休 中秋节
2025-10-07~2025-10-08 休 国庆节
2025-09-28 班 国庆节
2025-10-11 班 国庆节
`;

/** 国务院办公厅关于2026年部分节假日安排的通知 (published November 2025) */
export const NOTICE_2026 = `
年份 2026
# 元旦：1月1日（周四）至3日（周六）放假调休，共3天；1月4日（周日）上班
2026-01-01~2026-01-03 休 元旦
2026-01-04 班 元旦
# 春节：2月15日（腊月二十八、周日）至23日（正月初七、周一）放假调休，共9天；2月14日（周六）、2月28日（周六）上班
2026-02-15~2026-02-23 休 春节
2026-02-14 班 春节
2026-02-28 班 春节
# 清明节：4月4日（周六）至6日（周一）放假，共3天
2026-04-04~2026-04-06 休 清明节
# 劳动节：5月1日（周五）至5日（周二）放假调休，共5天；5月9日（周六）上班
2026-05-01~2026-05-05 休 劳动节
2026-05-09 班 劳动节
# 端午节：6月19日（周五）至21日（周日）放假，共3天
2026-06-19~2026-06-21 休 端午节
# 中秋节：9月25日（周五）至27日（周日）放假，共3天
2026-09-25~2026-09-27 休 中秋节
# 国庆节：10月1日（周四）至7日（周三）放假调休，共7天；9月20日（周日）、10月10日（周六）上班
2026-10-01~2026-10-07 休 国庆节
2026-09-20 班 国庆节
2026-10-10 班 国庆节
`;

export const NOTICES: Record<number, string> = { 2024: NOTICE_2024, 2025: NOTICE_2025, 2026: NOTICE_2026 };
export const FIXTURE_YEARS = [2024, 2025, 2026];

/** The listed days of a year's notice (fails loudly if the fixture itself does not parse). */
export function noticeDays(year: number): ImportedDay[] {
  const result = parseYearList(NOTICES[year]);
  if (!result.ok) throw new Error(`fixture ${year}: ${result.errors.map((e) => `${e.line}: ${e.messageEn}`).join('; ')}`);
  return result.days;
}

/** A calendar knowing 2024–2026 from the fixtures, with the given center overrides. */
export function officialCalendar(overrides: Record<string, { workday: boolean; name: string | null }> = {}): WorkCalendar {
  const official = Object.assign({}, ...FIXTURE_YEARS.map((y) => toDayRecord(noticeDays(y))));
  return buildCalendar({ official, officialYears: FIXTURE_YEARS, overrides });
}
