// Client-side routing with real URLs (History API). Same-origin links are intercepted, each
// route renders into <main>, sets a unique <title> and, after the first page, moves focus to
// the new <h1> so screen-reader and keyboard users land on the new content.
const main = () => document.getElementById('main');
let routes = [];
let disposers = [];
let firstRender = true;
const routeListeners = new Set();

export function defineRoutes(table) {
  routes = table;
}

export function onRouteChange(listener) {
  routeListeners.add(listener);
}

export function navigate(path, { replace = false } = {}) {
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  render();
}

function matchRoute(pathname) {
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (match) return { route, params: match.slice(1).map(decodeURIComponent) };
  }
  return null;
}

export function render() {
  for (const dispose of disposers) dispose();
  disposers = [];
  const url = new URL(window.location.href);
  const matched = matchRoute(url.pathname) ?? { route: routes[routes.length - 1], params: [] };
  const context = {
    params: matched.params,
    query: url.searchParams,
    onDispose: (dispose) => disposers.push(dispose),
  };
  const page = matched.route.render(context);
  document.title = page.title;
  main().replaceChildren(page.element);
  for (const listener of routeListeners) listener(matched.route.name);
  if (!firstRender) {
    window.scrollTo(0, 0);
    const heading = main().querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
  firstRender = false;
}

function interceptLinks(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin) return;
  if (url.pathname === window.location.pathname && url.hash && !url.search) return; // in-page anchor
  event.preventDefault();
  navigate(url.pathname + url.search);
}

export function startRouter() {
  document.addEventListener('click', interceptLinks);
  window.addEventListener('popstate', render);
  render();
}
