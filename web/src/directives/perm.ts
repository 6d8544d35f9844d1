/**
 * `v-perm="'catalogue:publish'"` or `v-perm="['user:manage', 'org:manage']"` (any of them):
 * hides the element when the user lacks the permission. For reactive show/hide around a block,
 * use `<Perm :need="…">` (components/Perm.vue) instead.
 */
import type { Directive } from 'vue';
import type { Permission } from '@shared/domain/permissions';
import { useAuthStore } from '@/stores/auth';

export type PermValue = Permission | readonly Permission[];

function allowed(value: PermValue): boolean {
  const auth = useAuthStore();
  return auth.hasAnyPermission(typeof value === 'string' ? [value] : value);
}

function apply(el: HTMLElement, value: PermValue): void {
  // display none, not removal, so Vue's patching keeps working if the permission changes
  el.style.display = allowed(value) ? '' : 'none';
  if (!allowed(value)) el.setAttribute('data-perm-hidden', '');
  else el.removeAttribute('data-perm-hidden');
}

export const vPerm: Directive<HTMLElement, PermValue> = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
};
