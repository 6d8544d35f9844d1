/**
 * Where text messages go. The log provider writes each message to the application log and keeps
 * the last ones in memory (development, demos and tests); a real gateway implements the same
 * interface.
 */
export interface SmsProvider {
  readonly name: string;
  /** throws when the gateway refuses; the dispatcher retries later */
  send(to: string, text: string): Promise<void>;
}

export interface SentSms {
  to: string;
  text: string;
  at: string;
}

type LogFn = (obj: object, msg: string) => void;

export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  /** the most recent messages, newest last (at most `keep`) */
  readonly sent: SentSms[] = [];

  constructor(
    private readonly log: LogFn = () => {},
    private readonly keep = 1000,
  ) {}

  async send(to: string, text: string): Promise<void> {
    this.sent.push({ to, text, at: new Date().toISOString() });
    if (this.sent.length > this.keep) this.sent.splice(0, this.sent.length - this.keep);
    this.log({ sms: { to, text } }, 'sms (log provider)');
  }
}
