// The active seeded fault. A ?fault= query on the first loaded URL wins over the <meta> the server
// writes, and the value is fixed for the lifetime of the page so client-side navigation keeps it.
function readFault() {
  const fromQuery = new URLSearchParams(window.location.search).get('fault');
  if (fromQuery) return fromQuery;
  const meta = document.querySelector('meta[name="fault"]');
  return meta?.getAttribute('content') || null;
}

export const activeFault = readFault();

export function hasFault(name) {
  return activeFault === name;
}
