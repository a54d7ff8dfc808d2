import { act } from 'react';
import { afterEach } from 'vitest';
import { createRoot } from 'react-dom/client';
import type { StateUpdate } from '../../shared/api/bridge.js';
import { createActions } from '../state/actions.js';
import { connectStore } from '../state/connect-store.js';
import { createAppStore } from '../state/store.js';
import { App } from '../views/App.js';
import { AppProvider } from '../views/app-context.js';
import type { ViewName } from '../views/view-for-path.js';
import { FakeBridge } from './fake-bridge.js';

// Tells React that this environment flushes updates through act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Every view a test rendered is unmounted after it, so no test sees another's DOM or subscriptions.
const mounted = new Set<() => void>();
afterEach(() => {
  for (const unmount of mounted) unmount();
  mounted.clear();
});

/** Mounts a whole view as main.tsx does, on a fake host, in the current (happy-dom) document. */
export async function renderView(view: ViewName, bridge = new FakeBridge()) {
  const store = createAppStore(undefined);
  const actions = createActions(store, bridge);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const disconnect = connectStore(store, bridge, actions, { comments: view === 'console' });
  await act(async () => {
    root.render(
      <AppProvider services={{ store, bridge, actions }}>
        <App view={view} />
      </AppProvider>,
    );
  });
  const unmount = () => {
    if (!mounted.delete(unmount)) return;
    act(() => root.unmount());
    disconnect();
    container.remove();
  };
  mounted.add(unmount);
  return {
    container,
    store,
    bridge,
    push: (update: StateUpdate) => act(async () => bridge.push(update)),
    /** Runs a user action and lets React and pending replies settle. */
    act: (run: () => void) => act(async () => run()),
    byTestId: (id: string) => container.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`),
    unmount,
  };
}

/**
 * Sets a field's value the way typing does. React tracks the value it last
 * rendered; assigning `.value` directly updates that tracker too, and React
 * would see no change, so the prototype's setter is used.
 */
export function typeInto(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  const prototype = field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
