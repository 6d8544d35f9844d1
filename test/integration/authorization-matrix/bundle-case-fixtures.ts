/** Rows the bundle runs (一件事 applications) entries of the matrix point at. */
import type { TestApp } from '../../helpers/app.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BundleCaseFixtures {}

export async function createBundleCaseFixtures(_t: TestApp): Promise<BundleCaseFixtures> {
  return {};
}
