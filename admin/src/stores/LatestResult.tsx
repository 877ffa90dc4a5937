import { createContext, useContext, useState, type ReactNode } from 'react';
import type { ConnectionTestResult } from '../types';
import { useTypedCredentials } from './useTypedCredentials';

/**
 * The store page shows one connection test result at a time: the newest, whichever button
 * produced it, each saying which credentials it tested. A newer result replaces the older one.
 * - typed: "Test before saving", of the values in the form (not saved);
 * - refused: Save refused the values in the form because they failed their test;
 * - saved: "Test API connection", of the saved credentials.
 * A result about typed values is shown only while those are still the values in the form.
 */
export interface LatestResult {
  origin: 'typed' | 'refused' | 'saved';
  result: ConnectionTestResult;
  /** credentialsKey of the tested values (typed and refused results). */
  credentials?: string;
}

const LatestResultContext = createContext<{ latest: LatestResult | null; show(latest: LatestResult | null): void } | null>(null);

export const LatestResultProvider = ({ children }: { children: ReactNode }) => {
  const [latest, show] = useState<LatestResult | null>(null);
  return <LatestResultContext.Provider value={{ latest, show }}>{children}</LatestResultContext.Provider>;
};

/** Replaces the page's result (usable outside the form, e.g. by the save handler). */
export function useShowLatestResult(): (latest: LatestResult | null) => void {
  const context = useContext(LatestResultContext);
  if (!context) throw new Error('useShowLatestResult needs a LatestResultProvider (StoreSettingsForm).');
  return context.show;
}

/** The newest result still true of what is on the screen (inside the form), and the way to replace it. */
export function useLatestResult(): { latest: LatestResult | null; show(latest: LatestResult | null): void } {
  const context = useContext(LatestResultContext);
  if (!context) throw new Error('useLatestResult needs a LatestResultProvider (StoreSettingsForm).');
  const typed = useTypedCredentials();
  const { latest, show } = context;
  const current = latest && (latest.origin === 'saved' || latest.credentials === typed) ? latest : null;
  return { latest: current, show };
}
