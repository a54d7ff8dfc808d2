/** Catalog text in the encodings spreadsheet programs save it in, for tests. */

let gbkCodes: Map<string, number[]> | undefined;

/** GB18030 bytes of text, by table: Node's TextDecoder reads GB18030 but nothing built in writes it. Covers GBK's characters. */
export function gb18030Of(text: string): Buffer {
  if (!gbkCodes) {
    const decoder = new TextDecoder('gb18030');
    gbkCodes = new Map();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (!gbkCodes.has(ch)) gbkCodes.set(ch, [lead, trail]);
      }
    }
  }
  const codes = gbkCodes;
  return Buffer.from(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const code = codes.get(ch);
      if (!code) throw new Error(`${ch} is not a GBK character`);
      return code;
    }),
  );
}

/** What Excel saves as "Unicode text": UTF-16LE with a byte-order mark. */
export const utf16leOf = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
