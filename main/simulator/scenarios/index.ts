import { apparel } from './apparel.js';
import { skincare } from './skincare.js';
import type { Scenario, ScenarioName } from './types.js';

export const scenarios: Readonly<Record<ScenarioName, Scenario>> = { skincare, apparel };

export { scenarioNames } from './types.js';
export type { CategoryPhrases, RundownSegment, Scenario, ScenarioName, ScenarioProduct, SegmentKind } from './types.js';
