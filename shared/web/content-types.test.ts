import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './content-types.js';

describe('contentTypeOf', () => {
  it('types the files a built renderer holds, by extension, in any case', () => {
    expect(contentTypeOf('/srv/dist/renderer/assets/index-1a2b.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('C:\\app\\renderer\\index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/app.css')).toBe('text/css; charset=utf-8');
  });

  it('serves anything else as plain bytes, including dot-files and names without an extension', () => {
    expect(contentTypeOf('assets/archive.tar')).toBe('application/octet-stream');
    expect(contentTypeOf('/srv/.js')).toBe('application/octet-stream');
    expect(contentTypeOf('/srv/a.d/LICENSE')).toBe('application/octet-stream');
  });
});
