// Loads the catalogue and the price table once per page load.
async function fetchJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  return response.json();
}

export async function loadCalculatorData() {
  const [catalog, prices] = await Promise.all([fetchJson('/api/catalog'), fetchJson('/api/prices')]);
  return { catalog, prices };
}
