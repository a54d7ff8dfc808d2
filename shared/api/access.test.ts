import { describe, expect, it } from 'vitest';
import { REQUEST_ROLES, roleAllows } from './access.js';
import { bridgeRequestSchemas } from './bridge.js';

describe('request roles', () => {
  it('classifies every bridge request, and nothing that is not one', () => {
    expect(Object.keys(REQUEST_ROLES).sort()).toEqual(Object.keys(bridgeRequestSchemas).sort());
  });

  it('lets a view device read but not act', () => {
    for (const name of ['recap', 'commentHistory', 'getCatalog', 'listSessions', 'getPlan', 'getSettings']) expect(roleAllows('view', name)).toBe(true);
    for (const name of ['command', 'updateSettings', 'importCatalog', 'rewriteLine', 'addDevice', 'listDevices', 'exportRecap']) expect(roleAllows('view', name)).toBe(false);
  });

  it('gives a view device the data reads only: no file is built for it (every export and the template need control)', () => {
    const view = Object.entries(REQUEST_ROLES).filter(([, role]) => role === 'view').map(([name]) => name);
    expect(view.sort()).toEqual(['catalogImports', 'commentHistory', 'getCatalog', 'getPlan', 'getSettings', 'listPlans', 'listSessions', 'planTemplates', 'recap']);
    for (const name of ['exportCatalog', 'exportPlan', 'exportRecap', 'catalogTemplate']) expect(roleAllows('view', name), name).toBe(false);
  });

  it('lets a control device do everything, and refuses a view device a name it does not know', () => {
    for (const name of Object.keys(bridgeRequestSchemas)) expect(roleAllows('control', name)).toBe(true);
    expect(roleAllows('view', 'toString')).toBe(false);
    expect(roleAllows('view', 'dropTables')).toBe(false);
  });
});
