/**
 * The one error the calendar throws. It knows no HTTP: the server maps every `calendar.*` code to
 * a 400 naming `field` (the messages are shown to users, zh-CN first).
 */
export type CalendarErrorCode =
  | 'calendar.invalidDate' // not a real YYYY-MM-DD date
  | 'calendar.invalidLimit' // a limit that is not an integer in 0..MAX_LIMIT
  | 'calendar.invalidPause' // a pause that ends before it starts
  | 'calendar.todayRequired' // an open pause needs `today` to know where it ends
  | 'calendar.invalidData' // bad calendar data (official days, overrides, years)
  | 'calendar.outOfRange'; // arithmetic would leave the years 0000–9999

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  /** the input that is wrong, e.g. `from`, `n`, `pauses[1].to`, `overrides.2025-13-01` */
  readonly field: string;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(code: CalendarErrorCode, field: string, messageZh: string, messageEn: string) {
    super(`${messageEn} (${field})`);
    this.name = 'CalendarError';
    this.code = code;
    this.field = field;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}
