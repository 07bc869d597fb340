import type { Page } from '@playwright/test';

export interface ApiSuiteRequest {
  /** A bundled demo's button, or a spec file to upload with the API's base URL and headers. */
  demo?: string;
  specFile?: string;
  baseUrl?: string;
  headers?: string;
  operations: string;
  repeat: number;
}

/** The generate form. */
export class GeneratePage {
  constructor(private readonly page: Page) {}

  async generateApiSuite(request: ApiSuiteRequest): Promise<void> {
    await this.page.getByRole('heading', { name: 'Generate tests' }).waitFor();
    if (request.demo)
      await this.page.getByRole('button', { name: `Use the bundled ${request.demo} demo` }).click();
    if (request.specFile)
      await this.page
        .getByRole('form', { name: 'Generate tests' })
        .locator('input[type=file]')
        .setInputFiles(request.specFile);
    if (request.specFile) await this.page.getByText(/^Loaded: /).waitFor();
    if (request.baseUrl) await this.page.getByLabel('Base URL of the API').fill(request.baseUrl);
    if (request.headers)
      await this.page.getByLabel('Credentials (headers, kept as secrets)').fill(request.headers);
    await this.page.getByLabel('Only these operations').fill(request.operations);
    await this.page.getByLabel('Repeat count').fill(String(request.repeat));
    await this.page.getByRole('button', { name: 'Generate', exact: true }).click();
    await this.page.waitForURL(/\/jobs\//);
  }
}
