/**
 * What can be wrong with an imported catalog file, as codes with parameters,
 * and their wording in each language the UI speaks. The validator says what
 * it found (a code); whoever shows it chooses the language, so a Chinese
 * console never shows an English sentence and the CLI can speak English.
 */
import type { Language } from '../api/settings.js';

export interface ImportProblemParams {
  unclosedQuote: Record<string, never>;
  emptyFile: Record<string, never>;
  /** The workbook could not be read at all (not a ZIP, no workbook part, too large, too many rows): `detail` says how. */
  badWorkbook: { detail: string };
  /** Larger than the import reads (MAX_IMPORT_BYTES), in MB. */
  tooLarge: { megabytes: number };
  /** Reading it took longer than the import allows (IMPORT_PARSE_MS): the reader was stopped. */
  tooSlow: { seconds: number };
  /** The reader failed on it (ran out of the memory it is given, or crashed): `detail` says how. */
  unreadable: { detail: string };
  noSheet: { sheet: string };
  unknownColumn: { column: string; expected: string };
  duplicateColumn: { column: string };
  missingColumn: { column: string; key: string };
  unknownKind: { value: string };
  unknownCategory: { value: string; allowed: string };
  badPrice: { value: string };
  unknownOrigin: { value: string; allowed: string };
  unknownStatus: { value: string; allowed: string };
  unknownIntent: { values: string; allowed: string };
  duplicateProduct: { id: string };
  duplicatePoint: { id: string };
  unknownProduct: { id: string; sheet: string };
  flaggedLine: { terms: string; status: string };
  required: { item: number };
  tooLong: { max: number; item: number };
  tooMany: { max: number };
  invalid: { item: number };
}

export type ImportProblemCode = keyof ImportProblemParams;

/** One problem of an import, where the user will find it. */
export type ImportProblem = {
  [C in ImportProblemCode]: {
    /** 商品 / 买点 for a workbook, CSV for a CSV file, '' for the file as a whole. */
    sheet: string;
    /** 1-based, the header being row 1; 0 for the file as a whole. */
    row: number;
    /** The column's header as written in the file ('' when the problem is the whole row). */
    column: string;
    code: C;
    params: ImportProblemParams[C];
  };
}[ImportProblemCode];

type Templates = Record<ImportProblemCode, string>;

/** `{name}` is a parameter; `{item?…}` is said only when the problem is one item of a list (its 1-based number). */
const TEMPLATES: Record<Language, Templates> = {
  'zh-CN': {
    unclosedQuote: '引号没有闭合（少了一个 "）',
    emptyFile: '文件是空的：没有表头行',
    badWorkbook: '无法读取这个 XLSX 文件：{detail}',
    tooLarge: '文件超过 {megabytes} MB，无法导入',
    tooSlow: '读取这个文件超过了 {seconds} 秒，已停止：文件可能已损坏，或不是商品库文件',
    unreadable: '无法读取这个文件：{detail}',
    noSheet: '工作簿里没有名为「{sheet}」的工作表',
    unknownColumn: '不认识的列「{column}」；可用的列：{expected}',
    duplicateColumn: '列「{column}」出现了两次',
    missingColumn: '缺少必填列「{column}」（{key}）',
    unknownKind: '不认识的类型「{value}」；请填 商品 或 买点',
    unknownCategory: '不认识的类目「{value}」；请填 {allowed}',
    badPrice: '「{value}」不是以元为单位的价格（例如 129.9）',
    unknownOrigin: '不认识的来源「{value}」；请填 {allowed}',
    unknownStatus: '不认识的状态「{value}」；请填 {allowed}',
    unknownIntent: '不认识的问题类型 {values}；可填 {allowed}',
    duplicateProduct: '商品 {id} 出现了不止一次',
    duplicatePoint: '买点 {id} 出现了不止一次',
    unknownProduct: '「{sheet}」和商品库里都没有商品 {id}',
    flaggedLine: '话术里有 {terms}（真诚经营）：请改写，或把状态设为「{status}」',
    required: '{item?第 {item} 项：}不能为空',
    tooLong: '{item?第 {item} 项：}最多 {max} 个字',
    tooMany: '最多 {max} 项',
    invalid: '{item?第 {item} 项：}格式不对',
  },
  en: {
    unclosedQuote: 'a quoted field is never closed (a " is missing)',
    emptyFile: 'the file is empty: no header row',
    badWorkbook: 'this XLSX file cannot be read: {detail}',
    tooLarge: 'the file is larger than {megabytes} MB and cannot be imported',
    tooSlow: 'reading this file took longer than {seconds} s and was stopped: it may be damaged, or not a catalog file',
    unreadable: 'this file cannot be read: {detail}',
    noSheet: 'the workbook has no sheet named {sheet}',
    unknownColumn: 'unknown column "{column}"; expected one of {expected}',
    duplicateColumn: 'column "{column}" appears twice',
    missingColumn: 'the required column {column} ({key}) is missing',
    unknownKind: 'unknown kind "{value}"; use 商品 or 买点',
    unknownCategory: 'unknown category "{value}"; use one of {allowed}',
    badPrice: '"{value}" is not a price in yuan (e.g. 129.9)',
    unknownOrigin: 'unknown origin "{value}"; use one of {allowed}',
    unknownStatus: 'unknown status "{value}"; use one of {allowed}',
    unknownIntent: 'unknown question kind {values}; use {allowed}',
    duplicateProduct: 'product {id} appears more than once',
    duplicatePoint: 'buying point {id} appears more than once',
    unknownProduct: 'no product {id} in {sheet} or in the catalog',
    flaggedLine: 'the line says {terms} (真诚经营); rewrite it or set the status to {status}',
    required: '{item?item {item}: }must not be empty',
    tooLong: '{item?item {item}: }at most {max} characters',
    tooMany: 'at most {max} items',
    invalid: '{item?item {item}: }not in the expected form',
  },
};

/** The problem in the user's language. */
export function describeImportProblem(problem: ImportProblem, language: Language): string {
  const params = problem.params as Record<string, string | number>;
  return TEMPLATES[language][problem.code]
    .replace(/\{item\?((?:[^{}]|\{\w+\})*)\}/g, (_, inner: string) => (Number(params.item) > 0 ? inner : ''))
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A problem in one cell, built with its parameters checked against its code. */
export function problem<C extends ImportProblemCode>(sheet: string, row: number, column: string, code: C, params: ImportProblemParams[C]): ImportProblem {
  return { sheet, row, column, code, params } as ImportProblem;
}
