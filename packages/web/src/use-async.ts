// Loads data for a view and keeps the three states a view must design for: loading, error, ready.
// A newer load supersedes an older one, so fast typing or slider moves never show stale answers.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export type Async<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: unknown; data?: T }
  | { status: 'ready'; data: T };

export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): Async<T> & { reload: () => void } {
  const [state, setState] = useState<Async<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload.
  useEffect(() => {
    const mine = ++generation.current;
    setState((s) => ({ status: 'loading', data: s.data }));
    load().then(
      (data) => mine === generation.current && setState({ status: 'ready', data }),
      (error) => mine === generation.current && setState((s) => ({ status: 'error', error, data: s.data })),
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
