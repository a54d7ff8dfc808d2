export type ViewName = 'console' | 'overlay' | 'obsCard';

/** The page's view, chosen once from its path: the hosts serve the same index.html at each. */
export function viewForPath(pathname: string): ViewName {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/overlay') return 'overlay';
  if (path === '/obs/card') return 'obsCard';
  return 'console';
}
