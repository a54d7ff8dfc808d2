/**
 * Turns the source the user chose into a gateway the core can record: the
 * built-in demo room (a simulator on loopback with a one-off token) or the
 * gateway they configured.
 */
import { randomBytes } from 'node:crypto';
import type { SourceSettings } from '../../shared/api/settings.js';
import type { GatewayTarget } from '../core/api/core.js';
import type { ProductCategory } from '../../shared/catalog/catalog.js';
import { scenarios, startSimulator } from '../simulator/index.js';

export interface LiveSource {
  gateway: GatewayTarget;
  /** The demo room's products' categories, which the gateway protocol does not carry. */
  productCategories?: Readonly<Record<string, ProductCategory>>;
  close(): Promise<void>;
}

export async function openLiveSource(source: SourceSettings, gatewayToken: string | null): Promise<LiveSource> {
  if (source.kind === 'gateway') {
    return { gateway: { url: source.url, room: source.room, token: gatewayToken ?? '' }, close: async () => {} };
  }
  const token = randomBytes(16).toString('hex');
  // A fresh seed per start, so the demo room is not the same show every time.
  const seed = Math.floor(Math.random() * 0xffff_ffff);
  const simulator = await startSimulator({ port: 0, host: '127.0.0.1', token, scenario: source.scenario, speed: source.speed, seed });
  const productCategories = Object.fromEntries(scenarios[source.scenario].products.map((p) => [p.id, p.category]));
  return { gateway: { url: simulator.url, room: simulator.room, token }, productCategories, close: () => simulator.close() };
}
