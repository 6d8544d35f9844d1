/** The four lights of the monitor and their colours (tiles, chart). */
import type { LightCounts } from '@/api/supervision';

export type MonitorLight = keyof LightCounts;
export const MONITOR_LIGHTS: readonly MonitorLight[] = ['green', 'warning', 'yellowCard', 'redCard'];
export const LIGHT_COLORS: Record<MonitorLight, string> = { green: '#67c23a', warning: '#e6a23c', yellowCard: '#d4a106', redCard: '#f56c6c' };
