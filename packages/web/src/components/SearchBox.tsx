// The search box in the header: `/` or Ctrl+K focuses it, results arrive as you type, grouped by
// tracks, artists and sets, with BPM and key. Arrow keys move through them, Enter opens one.
import { useEffect, useId, useRef, useState } from 'react';
import { search } from '../api/client.ts';
import type { SearchResults } from '../api/types.ts';
import { formatBpm, formatKey, plural } from '../format.ts';
import { formatHash, navigate, type Route } from '../router.ts';

interface Option {
  id: string;
  route: Route;
  group: 'Tracks' | 'Artists' | 'Sets' | 'More';
  label: string;
  detail: string;
  params?: Record<string, string>;
}

export function optionsOf(r: SearchResults): Option[] {
  return [
    ...r.tracks.map((t) => ({
      id: `t${t.id}`,
      route: { view: 'track', id: t.id } as Route,
      group: 'Tracks' as const,
      label: `${t.artist} – ${t.title}${t.version ? ` (${t.version})` : ''}`,
      detail: `${formatBpm(t.bpm)} BPM · key ${formatKey(t.key)}`,
    })),
    ...r.artists.map((a) => ({
      id: `a${a.id}`,
      route: { view: 'artist', id: a.id } as Route,
      group: 'Artists' as const,
      label: a.name,
      detail: plural(a.tracks, 'track'),
    })),
    ...r.sets.map((s) => ({
      id: `s${s.id}`,
      route: { view: 'set', id: s.id } as Route,
      group: 'Sets' as const,
      label: s.title ?? `set #${s.id}`,
      detail: `${s.performers.length > 0 ? s.performers.join(', ') : 'DJ unknown'} · ${s.date ?? 'date unknown'}`,
    })),
  ];
}

/** Focuses the search box on `/` (outside text fields) and on Ctrl+K / Cmd+K anywhere. */
function useSearchShortcut(input: React.RefObject<HTMLInputElement | null>, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      const typing = t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable;
      if ((e.key === '/' && !typing) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input, enabled]);
}

export function SearchBox({
  onPick,
  label = 'Search tracks, artists and sets',
  placeholder = 'Search  ( / )',
  shortcut = false,
  kinds,
}: {
  /** Called instead of navigating (the planner picks tracks this way). */
  onPick?: (o: { route: Route; label: string }) => void;
  label?: string;
  placeholder?: string;
  shortcut?: boolean;
  kinds?: Option['group'][];
}) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [result, setResult] = useState<{ options: Option[]; error?: string; loading: boolean }>({
    options: [],
    loading: false,
  });
  useSearchShortcut(input, shortcut);

  // Compared by value: callers pass these inline, and a new array or callback must not search again.
  const kindKey = kinds?.join(',');
  const picking = onPick !== undefined;
  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setResult({ options: [], loading: false });
      return;
    }
    const ctrl = new AbortController();
    setResult((r) => ({ ...r, loading: true }));
    // A short pause so each keystroke does not cost a request.
    const timer = setTimeout(() => {
      search(text, ctrl.signal).then(
        (r) => {
          const options = optionsOf(r).filter((o) => !kindKey || kindKey.split(',').includes(o.group));
          // In the header, the last option opens every result with the facets.
          if (!picking && options.length > 0)
            options.push({
              id: 'all',
              route: { view: 'search' },
              group: 'More',
              label: `All results for “${text}”`,
              detail: 'with BPM, key and genre facets',
              params: { q: text },
            });
          setResult({ options, loading: false });
          setActive(0);
        },
        (e) => {
          if (ctrl.signal.aborted) return;
          setResult({ options: [], loading: false, error: e instanceof Error ? e.message : String(e) });
        },
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, kindKey, picking]);

  const pick = (o: Option) => {
    setOpen(false);
    if (onPick) {
      onPick({ route: o.route, label: o.label });
    } else {
      navigate(o.route, o.params);
      input.current?.blur();
    }
    // The box is ready for the next search; what was picked is now on the page.
    setQ('');
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const n = result.options.length;
    if (e.key === 'ArrowDown' && n > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n > 0) {
      e.preventDefault();
      setActive((a) => (a - 1 + n) % n);
    } else if (e.key === 'Enter') {
      const o = result.options[active];
      if (o) pick(o);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && q.trim().length >= 2;
  let lastGroup = '';
  return (
    <div className="search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && result.options[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <div id={listId} role="listbox" className="search-results" aria-label="Search results">
          {result.error && <div className="search-note">Search failed: {result.error}</div>}
          {!result.error && result.loading && result.options.length === 0 && (
            <div className="search-note">Searching…</div>
          )}
          {!result.error && !result.loading && result.options.length === 0 && (
            <div className="search-note">Nothing matches “{q.trim()}”.</div>
          )}
          {result.options.map((o, i) => {
            const heading = o.group !== lastGroup ? o.group : null;
            lastGroup = o.group;
            return (
              // The combobox keeps focus in the input and points at the active option with
              // aria-activedescendant (the ARIA pattern), so options take no focus or key handlers.
              // biome-ignore lint/a11y/useFocusableInteractive: see above.
              // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
              <div
                key={o.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(o)}
                onMouseEnter={() => setActive(i)}
              >
                {heading && <span className="search-group">{heading}</span>}
                <a href={formatHash(o.route, o.params)} tabIndex={-1} onClick={(e) => e.preventDefault()}>
                  <span className="search-label">{o.label}</span>
                  {o.detail && <span className="search-detail">{o.detail}</span>}
                </a>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
