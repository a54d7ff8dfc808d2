import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ClientBridge } from '../bridge/client-bridge.js';
import { i18nFor, type I18n } from '../i18n/i18n.js';
import type { Actions } from '../state/actions.js';
import type { AppState, AppStore } from '../state/app-state.js';
import { selectLanguage, selectWanDecimals } from '../state/selectors.js';

interface AppServices {
  store: AppStore;
  bridge: ClientBridge;
  actions: Actions;
}

const AppContext = createContext<AppServices | null>(null);

export function AppProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppContext.Provider value={services}>{children}</AppContext.Provider>;
}

function useServices(): AppServices {
  const services = useContext(AppContext);
  if (services === null) throw new Error('AppProvider is missing');
  return services;
}

/** Subscribes to one narrow part of the state; the component re-renders only when that part changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}

/** The store itself, for transient subscriptions (charts) that must not re-render. */
export function useStoreApi(): AppStore {
  return useServices().store;
}

/** The host link itself, for screens that make their own requests (the catalog). */
export function useBridge(): ClientBridge {
  return useServices().bridge;
}

export function useActions(): Actions {
  return useServices().actions;
}

export function useI18n(): I18n {
  return i18nFor(useAppStore(selectLanguage), useAppStore(selectWanDecimals));
}
