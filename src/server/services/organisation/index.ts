/**
 * The organisation module's use cases, for the routes, the seeder and the CLI (call them with
 * `systemCtx(deps)` to act as the system). Each checks permission and scope itself.
 */
export { listCenters, getCenter } from './centers-read.js';
export { createCenter, updateCenter } from './centers-write.js';
export { setCenterActive, deactivateCenter, activateCenter } from './centers-state.js';
export { listDepartments, getDepartment } from './departments-read.js';
export { createDepartment, updateDepartment, setDepartmentActive, deactivateDepartment, activateDepartment } from './departments-write.js';
export { listWindows, getWindow } from './windows-read.js';
export { createWindow, updateWindow, setWindowActive, deactivateWindow, activateWindow } from './windows-write.js';
export { listDelegations, createDelegation, revokeDelegation } from './delegations.js';
export { createStaffUser } from '../staff/create.js';
