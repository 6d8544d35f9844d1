/** Table rows (see ../schema.ts): Files, items and their versions, bundles. */

export interface FilesTable {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  purpose: string;
  public: number;
  created_by: string | null;
  created_at: string;
}

export interface ItemsTable {
  id: string;
  center_id: string;
  code: string;
  department_id: string;
  published_version_id: string | null;
  latest_version_no: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ItemVersionsTable {
  id: string;
  item_id: string;
  version_no: number;
  status: string;
  name: string;
  department_id: string;
  handling_class: string;
  online_depth: string;
  themes: string;
  search_text: string;
  promised_limit: number;
  statutory_limit: number;
  data: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by: string | null;
  version: number;
}

/** 一件事 (0007): `themes` and `stages` are JSON. */
export interface BundlesTable {
  id: string;
  center_id: string;
  code: string;
  name: string;
  summary: string;
  themes: string;
  stages: string;
  status: string;
  published_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
