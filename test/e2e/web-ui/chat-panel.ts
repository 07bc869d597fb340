import type { Page } from '@playwright/test';

/** The project chat beside the project screens. */
export class ChatPanel {
  constructor(private readonly page: Page) {}

  /** Sends a message and returns the copilot's reply once it has finished. */
  async send(message: string): Promise<string> {
    const panel = this.page.getByRole('complementary', { name: 'Project chat' });
    if (!(await panel.isVisible()))
      await this.page.getByRole('button', { name: 'Chat', exact: true }).click();
    await panel.getByLabel('Message', { exact: true }).fill(message);
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor();
    // The reply has finished when Send is no longer loading.
    await panel.locator('button[type=submit]:not([data-loading])').waitFor();
    const turns = panel.getByRole('log', { name: 'Conversation' }).locator('.mantine-Paper-root');
    return (await turns.last().textContent()) ?? '';
  }
}
