import { href } from '../router.ts';

export function NotFound({ path }: { path: string }) {
  return (
    <div className="state state-empty" data-state="not-found">
      <h1>No such page</h1>
      <p>
        Nothing lives at <code>{path}</code>. <a href={href({ view: 'home' })}>Back to the start</a>.
      </p>
    </div>
  );
}
