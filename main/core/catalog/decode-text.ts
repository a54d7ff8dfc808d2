/**
 * A CSV file's bytes as text. Spreadsheet programs save CSV in whatever the
 * machine's code page is: Excel on a Chinese Windows writes GB18030 (GBK),
 * its "Unicode text" UTF-16LE with a byte-order mark, everything else UTF-8.
 * A mark decides; else bytes that are valid UTF-8 are UTF-8 (GB18030 text is
 * almost never valid UTF-8); else GB18030, which decodes any byte sequence.
 */
import type { CatalogTextEncoding } from '../../../shared/catalog/catalog-api.js';

interface Mark {
  bytes: readonly number[];
  label: string;
  encoding: CatalogTextEncoding;
}

const MARKS: readonly Mark[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8', encoding: 'UTF-8 BOM' },
  { bytes: [0xff, 0xfe], label: 'utf-16le', encoding: 'UTF-16LE BOM' },
  { bytes: [0xfe, 0xff], label: 'utf-16be', encoding: 'UTF-16BE BOM' },
];

const startsWith = (bytes: Uint8Array, mark: readonly number[]): boolean => mark.every((b, i) => bytes[i] === b);

export function decodeCatalogText(bytes: Uint8Array): { text: string; encoding: CatalogTextEncoding } {
  const mark = MARKS.find((m) => startsWith(bytes, m.bytes));
  // The decoder drops the mark itself (ignoreBOM is false).
  if (mark) return { text: new TextDecoder(mark.label).decode(bytes), encoding: mark.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}
