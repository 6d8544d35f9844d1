/** Rows the joint review meetings (联审会) entries of the matrix point at. */
import type { TestApp } from '../../helpers/app.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MeetingFixtures {}

export async function createMeetingFixtures(_t: TestApp): Promise<MeetingFixtures> {
  return {};
}
