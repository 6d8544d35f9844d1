/** The admin side menu: entries from route meta, filtered by the user's permissions, grouped. */
import { computed, type Component } from 'vue';
import { useAuthStore } from '@/stores/auth';
import { adminChildren } from './routes';

export interface MenuEntry {
  path: string;
  title: string;
  icon?: Component;
  order: number;
  testId: string;
}
export interface MenuGroup {
  group: string;
  icon?: Component;
  order: number;
  entries: MenuEntry[];
}
export type MenuNode = ({ kind: 'entry' } & MenuEntry) | ({ kind: 'group' } & MenuGroup);

export function useAdminMenu() {
  const auth = useAuthStore();
  return computed<MenuNode[]>(() => {
    const nodes: MenuNode[] = [];
    const groups = new Map<string, MenuGroup & { kind: 'group' }>();
    for (const r of adminChildren) {
      const m = r.meta;
      if (!m?.menu || !m.title) continue;
      const need = m.permission;
      if (need && !auth.hasAnyPermission(typeof need === 'string' ? [need] : need)) continue;
      const path = r.path ? `/admin/${r.path}` : '/admin';
      const entry: MenuEntry = { path, title: m.title, icon: m.icon, order: m.order ?? 500, testId: `menu-${String(r.name ?? path)}` };
      if (!m.group) {
        nodes.push({ kind: 'entry', ...entry });
        continue;
      }
      let g = groups.get(m.group);
      if (!g) {
        g = { kind: 'group', group: m.group, icon: m.groupIcon, order: entry.order, entries: [] };
        groups.set(m.group, g);
        nodes.push(g);
      }
      g.icon ??= m.groupIcon;
      g.order = Math.min(g.order, entry.order);
      g.entries.push(entry);
    }
    for (const g of groups.values()) g.entries.sort((a, b) => a.order - b.order);
    return nodes.sort((a, b) => a.order - b.order);
  });
}
