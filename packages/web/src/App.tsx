// The app shell: header (home link, views, search, theme), and the view the URL names. Views that
// draw graphs are split into their own chunks so the first view stays small.
import { lazy, Suspense } from 'react';
import { AccountMenu } from './components/AccountMenu.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { Loading } from './components/states.tsx';
import { href, usePlace } from './router.ts';
import { useCan } from './session.ts';
import { useTheme } from './theme.ts';
import { AnalyticsView } from './views/Analytics.tsx';
import { ArtistView } from './views/Artist.tsx';
import { Home } from './views/Home.tsx';
import { ImportView } from './views/Import.tsx';
import { JobsView } from './views/Jobs.tsx';
import { NotFound } from './views/NotFound.tsx';
import { SearchView } from './views/Search.tsx';
import { SetView } from './views/Set.tsx';
import { SourcesView } from './views/Sources.tsx';
import { TrackView } from './views/Track.tsx';

const ExploreView = lazy(() => import('./views/Explore.tsx'));
const OverviewView = lazy(() => import('./views/Overview.tsx'));
// The planner re-grades edited orders with core's key and tempo rules: its own chunk keeps core
// (shared with the paste preview) out of the first view.
const PlannerView = lazy(() => import('./views/Planner.tsx').then((m) => ({ default: m.PlannerView })));
// The account pages are visited rarely: their own chunk keeps them out of the first view.
const AccountView = lazy(() => import('./views/Account.tsx').then((m) => ({ default: m.AccountView })));
const AdminView = lazy(() => import('./views/Admin.tsx').then((m) => ({ default: m.AdminView })));
const LoginView = lazy(() => import('./views/Login.tsx').then((m) => ({ default: m.LoginView })));
const SetupView = lazy(() => import('./views/Setup.tsx').then((m) => ({ default: m.SetupView })));

const NAV = [
  ['explore', 'Explore'],
  ['overview', 'Overview'],
  ['plan', 'Plan a set'],
  ['import', 'Import'],
  ['analytics', 'Analytics'],
  ['jobs', 'Jobs'],
  ['sources', 'Sources'],
] as const;

export function App() {
  const place = usePlace();
  const [theme, toggleTheme] = useTheme();
  const isAdmin = useCan('admin:users');
  const { route } = place;

  let view: React.ReactNode;
  switch (route.view) {
    case 'home':
      view = <Home />;
      break;
    case 'search':
      view = <SearchView place={place} />;
      break;
    case 'explore':
      view = <ExploreView place={place} theme={theme} />;
      break;
    case 'overview':
      view = <OverviewView place={place} theme={theme} />;
      break;
    case 'plan':
      view = <PlannerView place={place} />;
      break;
    case 'import':
      view = <ImportView />;
      break;
    case 'jobs':
      view = <JobsView />;
      break;
    case 'sources':
      view = <SourcesView />;
      break;
    case 'analytics':
      view = <AnalyticsView place={place} />;
      break;
    case 'login':
      view = <LoginView place={place} />;
      break;
    case 'setup':
      view = <SetupView />;
      break;
    case 'account':
      view = <AccountView />;
      break;
    case 'admin':
      view = <AdminView place={place} section={route.section} />;
      break;
    case 'track':
      view = <TrackView key={route.id} id={route.id} theme={theme} />;
      break;
    case 'artist':
      view = <ArtistView key={route.id} id={route.id} />;
      break;
    case 'set':
      view = <SetView key={route.id} id={route.id} theme={theme} />;
      break;
    case 'not-found':
      view = <NotFound path={route.path} />;
  }

  return (
    <>
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header className="app-header">
        <a className="brand" href={href({ view: 'home' })}>
          <span aria-hidden="true" className="brand-mark">
            ◉
          </span>{' '}
          SongNodes
        </a>
        <nav aria-label="Views">
          <ul>
            {NAV.map(([v, label]) => (
              <li key={v}>
                <a href={href({ view: v })} aria-current={route.view === v ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
            {isAdmin && (
              <li>
                <a
                  href={href({ view: 'admin', section: 'users' })}
                  aria-current={route.view === 'admin' ? 'page' : undefined}
                >
                  Admin
                </a>
              </li>
            )}
          </ul>
        </nav>
        <SearchBox shortcut />
        <button
          type="button"
          className="theme-toggle"
          onClick={toggleTheme}
          aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
          title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <AccountMenu />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>{view}</Suspense>
      </main>
    </>
  );
}
