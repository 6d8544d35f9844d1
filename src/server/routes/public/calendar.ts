import type { RoutePlugin } from '../types.js';

// Placeholder: the module's routes are written by its owner.
const routes: RoutePlugin = async () => {};
export default routes;
