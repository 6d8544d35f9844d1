import type zh from '../zh-CN/settings';
import type { LocaleModule } from '../types';

export default {
  menu: { case: 'Case settings' },
  case: {
    intro: "This center's case settings hold here and in the centers below it, unless one of them sets its own. Where this center sets nothing, the value comes from a center above or the default.",
    center: 'Center',
    lightWarningDays: 'Warning lead time',
    lightWarningHint: 'The warning light shows this many working days before the promised deadline ({min}–{max}).',
    supplementDueWorkdays: 'Supplement period',
    supplementHint: 'A supplement request before acceptance left unanswered this many working days counts as withdrawn ({min}–{max}).',
    inherit: 'Inherit',
    setHere: 'Set here',
    inForce: 'In force: {n} working days',
    source: { center: 'set at this center', ancestor: 'inherited from {name}', default: 'the default' },
    range: 'A whole number from {min} to {max}',
    stale: 'Someone else changed the settings; the latest are loaded — check them and save again',
    loadFailed: 'The case settings could not be loaded',
    version: 'version {n}',
    unit: 'working days',
  },
} satisfies LocaleModule<typeof zh>;
