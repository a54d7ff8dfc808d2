/**
 * The AI line rewriter's bridge request (润色): a buying point's line, with
 * the product and the point's facts, sent by the host to the OpenAI-compatible
 * endpoint of the settings. It only suggests: nothing is saved, the merchant
 * accepts the suggestion into the editor and saves as usual. Spread into
 * `bridgeRequestSchemas` / `BridgeResponses` of bridge.ts.
 */
import { z } from 'zod';
import { buyingPointSchema, catalogProductSchema } from '../catalog/catalog.js';
import type { ComplianceFlag } from '../copilot/compliance.js';

/** How long the host waits for the endpoint; a UI transport with its own timeout waits longer than this. */
export const REWRITE_TIMEOUT_MS = 20_000;

export const rewriterRequestSchemas = {
  /** Same bounds as the catalog's own fields, so whatever the editor holds can be sent. */
  rewriteLine: z
    .object({
      product: catalogProductSchema.pick({ title: true, category: true, sellingPoints: true }).strict(),
      point: buyingPointSchema.pick({ audience: true, scenario: true, pain: true, benefit: true, proof: true, line: true }).strict(),
    })
    .strict(),
} as const;

export type RewriteLineInput = z.output<typeof rewriterRequestSchemas.rewriteLine>;

/** Why no suggestion came back; the UI words each one. */
export const rewriteFailureCodes = ['disabled', 'not_configured', 'unreachable', 'timeout', 'http_status', 'bad_response'] as const;
export type RewriteFailureCode = (typeof rewriteFailureCodes)[number];

export interface RewriteFailure {
  code: RewriteFailureCode;
  /** The endpoint's HTTP status, for `http_status`. */
  status?: number;
  /** What the endpoint or the network said, clamped; for the curious, not for matching. */
  detail: string;
}

export type RewriteLineResult =
  /** `flags` are the 真诚经营 check of the suggested line: the model is asked not to overclaim, and checked anyway. */
  | { rewritten: true; line: string; flags: ComplianceFlag[] }
  | { rewritten: false; failure: RewriteFailure };

export interface RewriterResponses {
  rewriteLine: RewriteLineResult;
}
