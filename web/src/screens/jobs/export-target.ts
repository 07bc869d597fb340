import type { ExportTarget } from '../../api/api-types.ts';

export type Vendor = ExportTarget['vendor'];

export const VENDORS: { value: Vendor; label: string }[] = [
  { value: 'gitlab', label: 'GitLab' },
  { value: 'github', label: 'GitHub' },
  { value: 'jira', label: 'Jira' },
  { value: 'allure-testops', label: 'Allure TestOps' },
];

/** The dialog's text fields by name; which ones a vendor reads is decided in `exportTarget`. */
export interface TargetFields {
  repo: string;
  branch: string;
  base_branch: string;
  path: string;
  base_url: string;
  ci: boolean;
  flavour: '' | 'cloud' | 'server';
  email: string;
  project_key: string;
  issue_type: string;
  report_url: string;
  priority: boolean;
  allure_project_id: string;
}

export const EMPTY_FIELDS: TargetFields = {
  repo: '',
  branch: '',
  base_branch: '',
  path: '',
  base_url: '',
  ci: false,
  flavour: '',
  email: '',
  project_key: '',
  issue_type: 'Bug',
  report_url: '',
  priority: true,
  allure_project_id: '',
};

/** Optional fields left empty are left out: the service then applies its own default. */
const optional = <K extends string>(key: K, value: string) =>
  (value.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;

/** The `target` of `POST /api/v1/export` for one vendor; the service validates the values. */
export function exportTarget(vendor: Vendor, fields: TargetFields, tokenSecret: string): ExportTarget {
  switch (vendor) {
    case 'gitlab':
    case 'github':
      return {
        vendor,
        repo: fields.repo.trim(),
        branch: fields.branch.trim(),
        ...optional('base_branch', fields.base_branch),
        ...optional('path', fields.path),
        ...optional('base_url', fields.base_url),
        ci: fields.ci,
        token_secret: tokenSecret,
      };
    case 'jira':
      return {
        vendor,
        base_url: fields.base_url.trim(),
        ...(fields.flavour ? { flavour: fields.flavour } : {}),
        ...optional('email', fields.email),
        project_key: fields.project_key.trim(),
        ...optional('issue_type', fields.issue_type),
        ...optional('report_url', fields.report_url),
        priority: fields.priority,
        token_secret: tokenSecret,
      };
    case 'allure-testops':
      return {
        vendor,
        base_url: fields.base_url.trim(),
        project_id: Number(fields.allure_project_id),
        token_secret: tokenSecret,
      };
  }
}
