// Light and dark themes: the system's preference until the user picks one, which is remembered.
import { useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'songnodes-theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const toggle = () =>
    setTheme((t) => {
      const next = t === 'dark' ? 'light' : 'dark';
      localStorage.setItem(STORAGE_KEY, next);
      return next;
    });
  return [theme, toggle];
}

/** Colours the WebGL views need as values (CSS variables do not reach a canvas). */
export function canvasColours(theme: Theme) {
  return theme === 'dark'
    ? { label: '#e8e8ef', edge: '#5b5f73', dim: '#2c2e3a', dimEdge: '#24252f', highlightEdge: '#c9cbe0' }
    : { label: '#1b1c22', edge: '#b4b7c6', dim: '#e2e3ea', dimEdge: '#ececf1', highlightEdge: '#3d4050' };
}
