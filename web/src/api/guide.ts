/** Public catalogue (办事指南) — src/server/routes/public/catalogue.ts, schemas in contracts/catalogue-api.ts. */
import type { ItemGuide, PublicDepartmentList, PublicItemList, PublicItemsQuery, PublicThemeList } from '@shared/contracts/catalogue-api';
import { http } from './http';

export type { ItemGuide, PublicItemSummary, FlowNode, GuideFile } from '@shared/contracts/catalogue-api';
export type PublicDepartment = PublicDepartmentList['items'][number];
export type PublicTheme = PublicThemeList['items'][number];
export type GuideMaterial = ItemGuide['materials'][number];
export type GuideStep = ItemGuide['procedure'][number];
export type GuideSearch = Partial<Omit<PublicItemsQuery, 'sort'>>;

export const guideApi = {
  search: (q: GuideSearch, signal?: AbortSignal) => http.get<PublicItemList>('/api/v1/public/items', q, { signal }),
  /** by item id or item code */
  get: (id: string) => http.get<ItemGuide>(`/api/v1/public/items/${encodeURIComponent(id)}`),
  departments: () => http.get<PublicDepartmentList>('/api/v1/public/departments'),
  themes: () => http.get<PublicThemeList>('/api/v1/public/themes'),
};
