/**
 * The web host hands out links like http://127.0.0.1:7800/?token=…. The token
 * is read once and removed from the address bar, so it does not linger in
 * history, bookmarks or a screenshot of the console.
 */
export function takeTokenFromAddress(location: Pick<Location, 'href'>, history: Pick<History, 'state' | 'replaceState'>): string | null {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return null;
  const token = url.searchParams.get('token');
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token === '' ? null : token;
}
