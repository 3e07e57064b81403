import { inAppHref } from './link-intercept';
import { matchRoute, normalizePath, type RouteParams } from './route-match';
import { notFoundRoute, routes, type AppRoute } from './routes';

/** The current location as reactive state, driven by the History API. */
class Router {
  #path = $state(normalizePath(window.location.pathname));
  #search = $state(window.location.search);
  /** False until the first in-app navigation; focus moves only after one. */
  #navigated = $state(false);

  readonly match = $derived.by((): { route: AppRoute; params: RouteParams } => {
    return matchRoute(routes, this.#path) ?? { route: notFoundRoute, params: {} };
  });

  get path(): string {
    return this.#path;
  }

  get search(): string {
    return this.#search;
  }

  get route(): AppRoute {
    return this.match.route;
  }

  get params(): RouteParams {
    return this.match.params;
  }

  get navigated(): boolean {
    return this.#navigated;
  }

  navigate(href: string, options: { replace?: boolean } = {}): void {
    const url = new URL(href, window.location.href);
    const samePlace =
      url.pathname === window.location.pathname && url.search === window.location.search;
    if (options.replace || samePlace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    this.#sync();
    if (!url.hash) window.scrollTo(0, 0);
  }

  /** Listens to back/forward and to link clicks; returns a function that stops listening. */
  start(): () => void {
    const onPopState = () => this.#sync();
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a') : null;
      if (!anchor) return;
      const href = inAppHref(event, anchor, window.location);
      if (href === null) return;
      event.preventDefault();
      this.navigate(href);
    };
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
    };
  }

  #sync(): void {
    this.#path = normalizePath(window.location.pathname);
    this.#search = window.location.search;
    this.#navigated = true;
  }
}

export const router = new Router();
