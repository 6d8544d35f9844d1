/** Working-day calendar and deadline arithmetic (时限计算). Pure: dates and data are arguments. */
export { CalendarError, type CalendarErrorCode } from './errors.js';
export {
  addDays,
  compareDates,
  datesOfYear,
  daysBetween,
  daysInMonth,
  eachDate,
  isDate,
  isLeapYear,
  isWeekend,
  parseDate,
  weekday,
  yearOf,
  type DateString,
} from './dates.js';
export { buildCalendar, countYear, type CalendarData, type DayEntry, type DayInfo, type DaySource, type WorkCalendar } from './calendar.js';
export {
  MAX_LIMIT,
  addWorkdays,
  deadlineWithPauses,
  elapsedWorkdays,
  pausedWorkdays,
  remainingWorkdays,
  workdaysBetween,
  type Pause,
} from './deadline.js';
export { parseYearList, toDayRecord, type YearListResult } from './import-format.js';
export { MAX_NAME_LENGTH, type ImportedDay, type ImportIssue, type ImportIssueCode } from './import-issues.js';
