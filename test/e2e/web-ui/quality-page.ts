import type { Page } from '@playwright/test';

/** The quality screen: standards checks and optimisation of uploaded test files. */
export class QualityPage {
  constructor(private readonly page: Page) {}

  async runStandardsCheck(files: { name: string; content: string }[]): Promise<void> {
    await this.page.getByRole('heading', { name: 'Quality' }).waitFor();
    // A file input has no role: it is found inside its form, which has one.
    await this.page
      .getByRole('form', { name: 'Check test files' })
      .locator('input[type=file]')
      .setInputFiles(
        files.map((file) => ({
          name: file.name,
          mimeType: 'text/x-python',
          buffer: Buffer.from(file.content),
        })),
      );
    await this.page.getByRole('button', { name: 'Run the standards check' }).click();
    await this.page.waitForURL(/\/jobs\//);
  }

  /** The rules listed in the report, with their finding counts. */
  async rules(): Promise<string[]> {
    const rules = this.page.getByRole('button', { name: /finding/ });
    await rules.first().waitFor();
    return rules.allTextContents();
  }
}
