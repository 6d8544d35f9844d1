/**
 * Staff catalogue (事项管理) — src/server/routes/admin/catalogue.ts, schemas in
 * contracts/catalogue-api.ts. Every item mutation answers the whole `AdminItemDetail`.
 * Departments come from the organisation module (contracts/organisation.ts).
 */
import type { ItemData, ItemDataInput } from '@shared/contracts/catalogue';
import type {
  AdminItemDetail,
  AdminItemList,
  AdminItemsQuery,
  CatalogueExport,
  CatalogueImportBody,
  CatalogueImportResult,
  FileInfo,
  ItemVersionPreview,
  ValidateItemReply,
} from '@shared/contracts/catalogue-api';
import type { DepartmentList } from '@shared/contracts/organisation';
import { http } from './http';

export type {
  AdminItemDetail,
  AdminItemSummary,
  CatalogueExport,
  CatalogueImportResult,
  FileInfo,
  ItemAction,
  ItemGuide,
  ItemVersionPreview,
  ItemVersionSummary,
  ValidateItemReply,
} from '@shared/contracts/catalogue-api';
export type { ItemData, ItemDataInput, ItemVersionView } from '@shared/contracts/catalogue';
export type Department = DepartmentList['items'][number];
export type ItemSearch = Partial<AdminItemsQuery>;
export type StatusMove = 'suspend' | 'resume' | 'retire';

const base = '/api/v1/admin/items';
const item = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const catalogueApi = {
  list: (q: ItemSearch, signal?: AbortSignal) => http.get<AdminItemList>(base, q, { signal }),
  get: (id: string) => http.get<AdminItemDetail>(item(id)),
  create: (data: ItemDataInput) => http.post<AdminItemDetail>(base, data),
  saveDraft: (id: string, version: number, data: ItemDataInput) => http.put<AdminItemDetail>(`${item(id)}/draft`, { version, data }),
  newDraft: (id: string) => http.post<AdminItemDetail>(`${item(id)}/draft`, {}),
  publish: (id: string, version: number) => http.post<AdminItemDetail>(`${item(id)}/publish`, { version }),
  changeStatus: (id: string, move: StatusMove, version: number, reason?: string) =>
    http.post<AdminItemDetail>(`${item(id)}/${move}`, { version, reason: reason || undefined }),
  /** publish-rule check of the draft (no data) or of unsaved data; `id` null = a new item */
  validate: (id: string | null, data?: ItemData) =>
    http.post<ValidateItemReply>(id ? `${item(id)}/validate` : `${base}/validate`, data ? { data } : {}),
  version: (id: string, versionNo: number) => http.get<ItemVersionPreview>(`${item(id)}/versions/${versionNo}`),

  /** multipart, one part named `file` → the stored file's id */
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.post<FileInfo>('/api/v1/admin/files', form);
  },
  fileUrl: (id: string) => `/api/v1/admin/files/${encodeURIComponent(id)}`,

  exportCatalogue: (centerId?: string) => http.get<CatalogueExport>('/api/v1/admin/catalogue/export', { centerId }),
  /** 422 when any row fails: ApiError whose fields are `items.<index>.<path in row>` */
  importCatalogue: (body: CatalogueImportBody, centerId?: string) =>
    http.post<CatalogueImportResult>('/api/v1/admin/catalogue/import', body, { query: { centerId } }),

  /** active departments the actor can see (org:read), for the department selects */
  departments: () => http.get<DepartmentList>('/api/v1/admin/departments', { active: 'true', pageSize: 200 }),
};
