/** Project ids: lower-case letters, digits and dashes, as jobs and API keys name them. */
export const PROJECT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const MAX_SLUG = 63;

/**
 * The id a new project gets from its name: "Billing API (v2)" → "billing-api-v2". Accents are
 * dropped; a name with no Latin letters or digits at all becomes "project".
 */
export function projectSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug || 'project';
}

/** The n-th candidate for a taken slug: "billing", "billing-2", "billing-3"… within the length limit. */
export function numberedSlug(slug: string, n: number): string {
  if (n <= 1) return slug;
  const suffix = `-${n}`;
  return `${slug.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
}
