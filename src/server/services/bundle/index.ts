/** The bundle (一件事) use cases, for routes, the CLI and the seeder. */
export { getPublicBundle, listPublicBundles } from './public.js';
export { getBundle, listBundles } from './read.js';
export { publishBundle, retireBundle } from './status.js';
export { createBundle, updateBundle } from './write.js';
