import apparel from './apparel.json' with { type: 'json' };
import { parseScenario } from './load.js';
import skincare from './skincare.json' with { type: 'json' };
import type { Scenario, ScenarioName } from './types.js';

export const scenarios: Readonly<Record<ScenarioName, Scenario>> = { skincare: parseScenario(skincare, 'skincare'), apparel: parseScenario(apparel, 'apparel') };

export { scenarioNames } from './types.js';
export type { CategoryPhrases, RundownSegment, Scenario, ScenarioName, ScenarioProduct, SegmentKind } from './types.js';
