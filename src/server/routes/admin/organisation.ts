/**
 * Organisation administration: centers, departments, windows, staff accounts, delegations.
 * Every route needs a login; permissions and scope are checked in the services.
 */
import { OkBody } from '../../../contracts/common.js';
import {
  CenterDetail,
  CenterList,
  CenterListQuery,
  CreateCenterBody,
  CreateDelegationBody,
  CreateDepartmentBody,
  CreateStaffBody,
  CreateWindowBody,
  Delegation,
  DelegationList,
  DelegationListQuery,
  Department,
  DepartmentList,
  DepartmentListQuery,
  IdParams,
  ResetPasswordBody,
  StaffDetail,
  StaffList,
  StaffListQuery,
  StateMoveBody,
  UpdateCenterBody,
  UpdateDepartmentBody,
  UpdateStaffBody,
  UpdateWindowBody,
  Window,
  WindowList,
  WindowListQuery,
} from '../../../contracts/organisation.js';
import { requireActor } from '../../plugins/auth.js';
import * as org from '../../services/organisation/index.js';
import { resetStaffPassword, setStaffActive, unlockStaff } from '../../services/staff/account.js';
import { getStaff, listStaff } from '../../services/staff/read.js';
import { updateStaff } from '../../services/staff/update.js';
import type { RoutePlugin } from '../types.js';

const A = '/api/v1/admin';
const tags = ['admin', 'organisation'];

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission and scope checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });

  // ——— centers ———
  app.get(`${A}/centers`, { schema: { tags, querystring: CenterListQuery, response: { 200: CenterList } } }, (req) =>
    org.listCenters(req.ctx, req.query),
  );
  app.post(`${A}/centers`, { schema: { tags, body: CreateCenterBody, response: { 200: CenterDetail } } }, (req) =>
    org.createCenter(req.ctx, req.body),
  );
  app.get(`${A}/centers/:id`, { schema: { tags, params: IdParams, response: { 200: CenterDetail } } }, (req) =>
    org.getCenter(req.ctx, req.params.id),
  );
  app.put(`${A}/centers/:id`, { schema: { tags, params: IdParams, body: UpdateCenterBody, response: { 200: CenterDetail } } }, (req) =>
    org.updateCenter(req.ctx, req.params.id, req.body),
  );
  for (const [move, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`${A}/centers/:id/${move}`, { schema: { tags, params: IdParams, body: StateMoveBody, response: { 200: CenterDetail } } }, (req) =>
      org.setCenterActive(req.ctx, req.params.id, active, req.body),
    );
  }

  // ——— departments ———
  app.get(`${A}/departments`, { schema: { tags, querystring: DepartmentListQuery, response: { 200: DepartmentList } } }, (req) =>
    org.listDepartments(req.ctx, req.query),
  );
  app.post(`${A}/departments`, { schema: { tags, body: CreateDepartmentBody, response: { 200: Department } } }, (req) =>
    org.createDepartment(req.ctx, req.body),
  );
  app.get(`${A}/departments/:id`, { schema: { tags, params: IdParams, response: { 200: Department } } }, (req) =>
    org.getDepartment(req.ctx, req.params.id),
  );
  app.put(`${A}/departments/:id`, { schema: { tags, params: IdParams, body: UpdateDepartmentBody, response: { 200: Department } } }, (req) =>
    org.updateDepartment(req.ctx, req.params.id, req.body),
  );
  for (const [move, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`${A}/departments/:id/${move}`, { schema: { tags, params: IdParams, body: StateMoveBody, response: { 200: Department } } }, (req) =>
      org.setDepartmentActive(req.ctx, req.params.id, active, req.body),
    );
  }

  // ——— windows ———
  app.get(`${A}/windows`, { schema: { tags, querystring: WindowListQuery, response: { 200: WindowList } } }, (req) =>
    org.listWindows(req.ctx, req.query),
  );
  app.post(`${A}/windows`, { schema: { tags, body: CreateWindowBody, response: { 200: Window } } }, (req) =>
    org.createWindow(req.ctx, req.body),
  );
  app.get(`${A}/windows/:id`, { schema: { tags, params: IdParams, response: { 200: Window } } }, (req) =>
    org.getWindow(req.ctx, req.params.id),
  );
  app.put(`${A}/windows/:id`, { schema: { tags, params: IdParams, body: UpdateWindowBody, response: { 200: Window } } }, (req) =>
    org.updateWindow(req.ctx, req.params.id, req.body),
  );
  for (const [move, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`${A}/windows/:id/${move}`, { schema: { tags, params: IdParams, body: StateMoveBody, response: { 200: Window } } }, (req) =>
      org.setWindowActive(req.ctx, req.params.id, active, req.body),
    );
  }

  // ——— staff accounts ———
  app.get(`${A}/staff`, { schema: { tags, querystring: StaffListQuery, response: { 200: StaffList } } }, (req) =>
    listStaff(req.ctx, req.query),
  );
  app.post(`${A}/staff`, { schema: { tags, body: CreateStaffBody, response: { 200: StaffDetail } } }, (req) =>
    org.createStaffUser(req.ctx, req.body),
  );
  app.get(`${A}/staff/:id`, { schema: { tags, params: IdParams, response: { 200: StaffDetail } } }, (req) =>
    getStaff(req.ctx, req.params.id),
  );
  app.put(`${A}/staff/:id`, { schema: { tags, params: IdParams, body: UpdateStaffBody, response: { 200: StaffDetail } } }, (req) =>
    updateStaff(req.ctx, req.params.id, req.body),
  );
  app.post(`${A}/staff/:id/reset-password`, { schema: { tags, params: IdParams, body: ResetPasswordBody, response: { 200: StaffDetail } } }, (req) =>
    resetStaffPassword(req.ctx, req.params.id, req.body),
  );
  for (const [move, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`${A}/staff/:id/${move}`, { schema: { tags, params: IdParams, body: StateMoveBody, response: { 200: StaffDetail } } }, (req) =>
      setStaffActive(req.ctx, req.params.id, active, req.body),
    );
  }
  app.post(`${A}/staff/:id/unlock`, { schema: { tags, params: IdParams, response: { 200: StaffDetail } } }, (req) =>
    unlockStaff(req.ctx, req.params.id),
  );

  // ——— delegations ———
  app.get(`${A}/delegations`, { schema: { tags, querystring: DelegationListQuery, response: { 200: DelegationList } } }, (req) =>
    org.listDelegations(req.ctx, req.query),
  );
  app.post(`${A}/delegations`, { schema: { tags, body: CreateDelegationBody, response: { 200: Delegation } } }, (req) =>
    org.createDelegation(req.ctx, req.body),
  );
  app.delete(`${A}/delegations/:id`, { schema: { tags, params: IdParams, response: { 200: OkBody } } }, async (req) => {
    await org.revokeDelegation(req.ctx, req.params.id);
    return { ok: true as const };
  });
};

export default routes;
