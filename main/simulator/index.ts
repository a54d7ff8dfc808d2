/**
 * The built-in demo room and test gateway: a socket.io server implementing
 * docs/PROTOCOL.md (server side) with simulated or replayed live-room traffic.
 */
export { startSimulator, type RunningSimulator } from './server.js';
export { simulatorOptionsSchema, type SimulatorOptions } from './options.js';
export { readReplayFile, type ReplayRecording } from './replay.js';
export { ScenarioGenerator, type ScenarioGeneratorOptions } from './generator.js';
export { scenarioNames, scenarios, type Scenario, type ScenarioName } from './scenarios/index.js';
export type { CommandListener } from './room.js';
