/**
 * Route meta used by the shell. Admin pages are child routes of `/admin`, declared in
 * `router/modules/<module>.ts` (picked up automatically) — the side menu is built from them.
 */
import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import type { Permission } from '@shared/domain/permissions';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (document title, menu entry, header) */
    title?: string;
    /** page needs a logged-in staff user (set on /admin, inherited by its children) */
    requiresAuth?: boolean;
    /** page needs any logged-in person, staff or applicant (e.g. the message box) */
    requiresLogin?: boolean;
    /** an online-hall page of the applicant's own (staff are sent to the workbench) */
    applicant?: boolean;
    /** any one of these permissions opens the page and shows its menu entry */
    permission?: Permission | readonly Permission[];
    /** show in the side menu */
    menu?: boolean;
    /** menu icon (a component from @element-plus/icons-vue) */
    icon?: Component;
    /** menu position, small first; the admin home is 0 */
    order?: number;
    /** i18n key of the sub-menu this entry sits in (entries with the same group are grouped) */
    group?: string;
    /** icon of the group's sub-menu (give it on one entry of the group) */
    groupIcon?: Component;
    /** the menu entry to highlight for a page that is not itself in the menu (e.g. a detail page) */
    activeMenu?: string;
  }
}

/** One admin module's routes: children of /admin, so `path` is relative (`'audit'` → /admin/audit). */
export type AdminRoutes = RouteRecordRaw[];
