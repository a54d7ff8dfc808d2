import { describe, expect, it } from 'vitest';
import { takeTokenFromAddress } from './address-token.js';

function addressBar(href: string) {
  const history = {
    state: { page: 1 },
    replaced: null as string | null,
    replaceState(_state: unknown, _unused: string, url?: string | URL | null) {
      this.replaced = String(url);
    },
  };
  return { location: { href }, history };
}

describe('takeTokenFromAddress', () => {
  it('reads the token and removes it from the address, keeping the rest', () => {
    const { location, history } = addressBar('http://127.0.0.1:7800/overlay?token=s3cret&x=1#top');
    expect(takeTokenFromAddress(location, history)).toBe('s3cret');
    expect(history.replaced).toBe('/overlay?x=1#top');
  });

  it('leaves an address without a token untouched (the cookie does the work)', () => {
    const { location, history } = addressBar('http://127.0.0.1:7800/');
    expect(takeTokenFromAddress(location, history)).toBeNull();
    expect(history.replaced).toBeNull();
  });

  it('treats an empty token as none but still cleans the address', () => {
    const { location, history } = addressBar('http://127.0.0.1:7800/?token=');
    expect(takeTokenFromAddress(location, history)).toBeNull();
    expect(history.replaced).toBe('/');
  });
});
