/** The catalogue's use cases (for routes, the CLI and the seeder). */
export { createItem, createPublishedItem } from './create.js';
export { newDraft, saveDraft } from './draft.js';
export { exportCatalogue } from './export.js';
export { readFileForStaff, readPublicFile, storeFile, uploadFile, type FileContent, type FileUpload } from './files.js';
export { ImportRejectedError } from './import-check.js';
export { importCatalogue } from './import.js';
export { getPublicItem, listPublicDepartments, listPublicThemes, searchPublicItems } from './public.js';
export { publishItem } from './publish.js';
export { getItem, listItems, previewVersion } from './read.js';
export { resumeItem, retireItem, suspendItem, type StatusChange } from './status.js';
export { validateItem } from './validate.js';
