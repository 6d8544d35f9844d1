/** Joint review meetings (联审会): scheduling (schedule.ts) and the record (record.ts). */
export { cancelMeetingAs, getMeeting, listMeetingsFor, scheduleMeeting, updateMeetingAs } from './schedule.js';
export { recordMeetingAs } from './record.js';
