/**
 * Who is logged in, the CSRF token, and permission checks with the server's own strings
 * (src/domain/permissions.ts) — the server still checks every call; this only decides what to show.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Permission, Role } from '@shared/domain/permissions';
import { authApi, type LoginInput, type SessionUser } from '@/api/auth';
import { setCsrfTokenProvider } from '@/api/http';

export const useAuthStore = defineStore('auth', () => {
  const user = ref<SessionUser | null>(null);
  const csrfToken = ref<string | null>(null);
  /** true once /api/auth/me has answered (or failed) */
  const loaded = ref(false);
  let loading: Promise<void> | null = null;

  setCsrfTokenProvider(() => csrfToken.value);

  const loggedIn = computed(() => user.value !== null);
  const isStaff = computed(() => user.value?.kind === 'staff');
  const permissions = computed(() => new Set(user.value?.permissions ?? []));
  const roles = computed(() => (user.value?.roles ?? []) as Role[]);

  function hasPermission(p: Permission): boolean {
    return permissions.value.has(p);
  }
  function hasAnyPermission(ps: readonly Permission[]): boolean {
    return ps.length === 0 || ps.some((p) => permissions.value.has(p));
  }
  function hasRole(r: Role): boolean {
    return roles.value.includes(r);
  }

  /** Loads the session once per page load; later calls wait for the same answer. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    loading ??= authApi
      .me()
      .then((me) => {
        user.value = me.user;
        csrfToken.value = me.csrfToken;
      })
      .catch(() => {
        user.value = null;
        csrfToken.value = null;
      })
      .finally(() => {
        loaded.value = true;
        loading = null;
      });
    return loading;
  }

  async function login(input: LoginInput): Promise<void> {
    const r = await authApi.login(input);
    user.value = r.user;
    csrfToken.value = r.csrfToken;
    loaded.value = true;
  }

  /** A session the server opened another way (an applicant's registration signs the new account in). */
  function setSession(u: SessionUser, token: string): void {
    user.value = u;
    csrfToken.value = token;
    loaded.value = true;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      clearSession();
    }
  }

  /** Forget the session locally (after a 401 or logout). */
  function clearSession(): void {
    user.value = null;
    csrfToken.value = null;
    loaded.value = true;
  }

  return { user, csrfToken, loaded, loggedIn, isStaff, roles, hasPermission, hasAnyPermission, hasRole, ensureLoaded, login, setSession, logout, clearSession };
});
