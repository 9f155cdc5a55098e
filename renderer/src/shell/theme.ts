import { useCallback, useEffect, useState } from 'react';

/** What the student chose; 'system' follows the operating system. */
export type ThemePreference = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'lectern.theme';

function systemTheme(): 'light' | 'dark' {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function readPreference(): ThemePreference {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The theme in force, applied to <html data-theme>, following the system until the student picks one. */
export function useTheme() {
  const [preference, setPreference] = useState<ThemePreference>(readPreference);
  const [system, setSystem] = useState<'light' | 'dark'>(systemTheme);
  const effective = preference === 'system' ? system : preference;

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = effective;
  }, [effective]);

  const choose = useCallback((next: ThemePreference) => {
    if (next === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, next);
    setPreference(next);
  }, []);

  const toggle = useCallback(() => choose(effective === 'dark' ? 'light' : 'dark'), [choose, effective]);

  return { preference, effective, choose, toggle };
}
