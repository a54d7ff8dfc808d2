/**
 * Which role may make each bridge request: the one list the web host
 * enforces. A record over every request name, so a request added to
 * bridge.ts does not compile until someone decides who may make it.
 */
import type { BridgeRequestName } from './bridge.js';
import type { DeviceRole } from './devices-api.js';

/**
 * `view`: reads what a screen needs and changes nothing — the OBS card, an
 * overlay on another machine, a boss watching the figures. Everything that
 * writes, talks to another server (rewriteLine), costs real work on demand
 * (PDF exports, buying-point proposals) or reveals the device list needs
 * `control`.
 */
export const REQUEST_ROLES: Readonly<Record<BridgeRequestName, DeviceRole>> = {
  // Read-only: the figures, the recap, comments, catalog, plans and settings as they stand.
  listSessions: 'view',
  recap: 'view',
  commentHistory: 'view',
  getSettings: 'view',
  getCatalog: 'view',
  catalogImports: 'view',
  exportCatalog: 'view',
  catalogTemplate: 'view',
  listPlans: 'view',
  getPlan: 'view',
  planTemplates: 'view',
  exportPlan: 'view',
  // Control: everything else.
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
