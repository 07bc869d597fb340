/** The formats `generate cases --format` writes. */
export const CASE_FORMATS = ['allure-python', 'markdown', 'csv', 'json'] as const;
export type CaseFormat = (typeof CASE_FORMATS)[number];
