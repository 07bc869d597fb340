import type { Download, Page } from '@playwright/test';

/** A task: its live timeline, then its results tabs. */
export class JobPage {
  constructor(private readonly page: Page) {}

  /** Waits for the final status the stream reports, and returns it with the stages it showed. */
  async waitUntilFinished(timeoutMs: number): Promise<{ status: string; stages: string[] }> {
    const finished = this.page.getByText(/^Finished/);
    await finished.waitFor({ timeout: timeoutMs });
    // "Finished" is shown with a final status only; the badge is read once it shows one too.
    const badge = this.page.locator('.mantine-Badge-root').first();
    await badge.filter({ hasNotText: /^(pending|running)$/ }).waitFor({ timeout: timeoutMs });
    const status = (await badge.textContent()) ?? '';
    const stages = await this.page
      .getByLabel('Stages')
      .locator('.mantine-Timeline-itemTitle')
      .allTextContents();
    return { status, stages };
  }

  async openTab(name: RegExp | string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Opens the first test of the list and returns the label of its code view. */
  async openFirstTest(): Promise<string> {
    await this.page.getByText(/^\d+ of \d+ tests$/).waitFor();
    await this.page.getByRole('list', { name: 'Tests' }).getByRole('button').first().click();
    const code = this.page.getByLabel(/^Source of /);
    await code.waitFor();
    return (await code.getAttribute('aria-label')) ?? '';
  }

  async downloadZip(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download zip' }).click();
    return download;
  }

  /** Opens the first suspected defect's evidence and returns its curl line and evidence text. */
  async openFirstDefectEvidence(): Promise<{ title: string; curl: string; evidence: string }> {
    const card = this.page.getByRole('article').first();
    const title = (await card.getAttribute('aria-label')) ?? '';
    await card.getByRole('button', { name: 'Show evidence' }).first().click();
    const evidence = card.getByLabel(/^Source of /).first();
    await evidence.waitFor();
    return {
      title,
      curl: (await card.getByLabel('curl command').first().textContent()) ?? '',
      evidence: (await evidence.textContent()) ?? '',
    };
  }
}
