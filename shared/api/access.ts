/**
 * Which role may make each bridge request: the one list the web host
 * enforces. A record over every request name, so a request added to
 * bridge.ts does not compile until someone decides who may make it.
 */
import type { BridgeRequestName } from './bridge.js';
import type { DeviceRole } from './devices-api.js';

/**
 * `view`: reads the data a screen shows and changes nothing — the OBS card
 * and the overlay (the state stream and the settings), a boss watching the
 * figures, the recap and the comments. Everything that writes, talks to
 * another server (rewriteLine), builds a file on demand (every export: the
 * catalog's, a plan's and the recap's XLSX/PDF, and the catalog template —
 * work a view token, which OBS keeps in its scene, could ask for in a loop),
 * costs other real work (buying-point proposals) or reveals the device list
 * needs `control`.
 */
export const REQUEST_ROLES: Readonly<Record<BridgeRequestName, DeviceRole>> = {
  // Read-only data: the figures, the recap, comments, catalog, plans and settings as they stand.
  listSessions: 'view',
  recap: 'view',
  commentHistory: 'view',
  getSettings: 'view',
  getCatalog: 'view',
  catalogImports: 'view',
  listPlans: 'view',
  getPlan: 'view',
  planTemplates: 'view',
  // Control: everything else, files built on demand included.
  exportCatalog: 'control',
  catalogTemplate: 'control',
  exportPlan: 'control',
  command: 'control',
  markComment: 'control',
  markMoment: 'control',
  markSuggestion: 'control',
  updateSettings: 'control',
  saveProduct: 'control',
  saveBuyingPoint: 'control',
  deleteBuyingPoint: 'control',
  proposeBuyingPoints: 'control',
  previewCatalogImport: 'control',
  importCatalog: 'control',
  previewCatalogUndo: 'control',
  undoCatalogImport: 'control',
  createPlan: 'control',
  savePlan: 'control',
  deletePlan: 'control',
  savePlanAsTemplate: 'control',
  importPlan: 'control',
  usePlan: 'control',
  tickChecklistItem: 'control',
  advanceSegment: 'control',
  confirmStart: 'control',
  exportRecap: 'control',
  applyAdvice: 'control',
  rewriteLine: 'control',
  // The database copied out or replaced (Settings → 数据).
  backupData: 'control',
  chooseRestore: 'control',
  restoreData: 'control',
  listDevices: 'control',
  addDevice: 'control',
  revokeDevice: 'control',
  renameDevice: 'control',
};

/** Whether a device of `role` may make the request `name`; an unknown name is left to the dispatcher to refuse. */
export function roleAllows(role: DeviceRole, name: string): boolean {
  if (role === 'control') return true;
  return Object.hasOwn(REQUEST_ROLES, name) && REQUEST_ROLES[name as BridgeRequestName] === 'view';
}
