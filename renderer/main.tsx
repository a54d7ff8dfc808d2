/**
 * The page's entry: one bundle for every view. The view is chosen once from
 * the path, the transport once from the environment (see bridge/).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import { createBridge } from './bridge/create-bridge.js';
import { createActions } from './state/actions.js';
import { connectStore } from './state/connect-store.js';
import { createAppStore } from './state/store.js';
import { App } from './views/App.js';
import { AppProvider } from './views/app-context.js';
import { viewForPath } from './views/view-for-path.js';

const view = viewForPath(window.location.pathname);
// CSS keys on it: the OBS card needs a transparent page, the overlay a dark translucent one.
document.documentElement.dataset.view = view;

const bridge = createBridge();
const store = createAppStore();
const actions = createActions(store, bridge);
connectStore(store, bridge, actions, { comments: view === 'console' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider services={{ store, bridge, actions }}>
      <App view={view} />
    </AppProvider>
  </StrictMode>,
);
