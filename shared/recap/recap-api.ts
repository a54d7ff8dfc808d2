/**
 * The recap's bridge requests (复盘) beyond the recap itself: exports a
 * merchant's operator hands on (XLSX, CSV per table, PDF), and turning a
 * suggestion for next time into a change of the next plan. Spread into
 * `bridgeRequestSchemas` / `BridgeResponses` of bridge.ts.
 */
import { z } from 'zod';
import { LIMITS } from '../protocol/index.js';
import type { AdviceAction } from './advice.js';
import { languages } from '../api/settings.js';

/** The recap's tables: one XLSX sheet or one CSV file each. */
export const recapTables = ['summary', 'minutes', 'products', 'peaks', 'questions', 'talkingPoints', 'layers'] as const;
export type RecapTableName = (typeof recapTables)[number];

export const recapFormats = ['xlsx', 'csv', 'pdf'] as const;
export type RecapFormat = (typeof recapFormats)[number];

const sessionId = z.string().min(1).max(LIMITS.maxIdLength);

export const recapRequestSchemas = {
  /** The recap as a file: the whole workbook, one table as CSV (summary by default), or the PDF report with its charts. */
  exportRecap: z
    .object({
      sessionId: sessionId.optional(),
      format: z.enum(recapFormats),
      table: z.enum(recapTables).optional(),
      lang: z.enum(languages).default('zh-CN'),
    })
    .strict(),
  /** Makes the change a suggestion proposes to the next plan (直播计划 marked for the next session). */
  applyAdvice: z.object({ sessionId, adviceId: z.string().min(1).max(300) }).strict(),
} as const;

export type ExportRecapRequest = z.output<typeof recapRequestSchemas.exportRecap>;

/** A file the host made: its name, type and bytes in base64 (XLSX and PDF are binary; CSV is UTF-8 with a BOM). */
export interface RecapFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export interface AppliedAdvice {
  planId: number;
  planTitle: string;
  change: AdviceAction;
}

export interface RecapResponses {
  exportRecap: RecapFile;
  applyAdvice: AppliedAdvice;
}
