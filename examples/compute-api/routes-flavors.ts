import { ApiError } from './api-error.ts';
import { normalizeId, requireProject } from './lookups.ts';
import { pageRequestFromQuery, paginate } from './pagination.ts';
import { presentFlavor } from './presenters.ts';
import type { RouteDefinition, RouteHandler } from './route.ts';
import { json } from './route.ts';

interface FlavorListQuery {
  availability_zone_id?: string;
  project_id?: string;
  name?: string;
  cpu?: number;
  ram?: number;
  gpu?: number;
  type?: string;
  oversubscription?: string;
}

const listFlavors: RouteHandler = ({ store, fault, request }) => {
  const query = request.query as FlavorListQuery;
  if (query.project_id !== undefined) requireProject(store, query.project_id);
  if (
    query.availability_zone_id !== undefined &&
    !store.availabilityZones.has(normalizeId(query.availability_zone_id))
  ) {
    throw new ApiError(404, 'not_found', `Availability zone ${query.availability_zone_id} is not found`);
  }
  // Every seeded flavor is offered in every zone, so the zone filter only checks existence.
  const matches = [...store.flavors.values()].filter(
    (flavor) =>
      (query.name === undefined || flavor.name === query.name) &&
      (query.cpu === undefined || flavor.cpu === query.cpu) &&
      (query.ram === undefined || flavor.ram === query.ram) &&
      (query.gpu === undefined || flavor.gpu === query.gpu) &&
      (query.type === undefined || flavor.type === query.type) &&
      (query.oversubscription === undefined || flavor.oversubscription === query.oversubscription),
  );
  const page = paginate(matches, pageRequestFromQuery(request.query, fault === 'pagination-off-by-one'));
  const result = json(200, { ...page, items: page.items.map((flavor) => presentFlavor(store, flavor)) });
  return fault === 'wrong-content-type' ? { ...result, contentType: 'text/plain; charset=utf-8' } : result;
};

const getFlavor: RouteHandler = ({ store, request }) => {
  const flavorId = request.path.flavor_id ?? '';
  const flavor = store.flavors.get(normalizeId(flavorId));
  if (!flavor) throw new ApiError(404, 'flavor_not_found', `Flavor ${flavorId} is not found`);
  return json(200, presentFlavor(store, flavor));
};

export const flavorRoutes: RouteDefinition[] = [
  { method: 'get', path: '/api/v1/flavors', handler: listFlavors },
  { method: 'get', path: '/api/v1/flavors/{flavor_id}', handler: getFlavor },
];
