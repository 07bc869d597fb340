import type { Page } from '@playwright/test';

/** The projects list and a project's overview. */
export class ProjectsPage {
  constructor(private readonly page: Page) {}

  async open(base: string): Promise<void> {
    await this.page.goto(`${base}/`);
    await this.page.getByRole('heading', { name: 'Projects' }).waitFor();
  }

  /** Creates a project and lands on its overview; returns its id from the URL. */
  async create(name: string): Promise<string> {
    await this.page.getByLabel('New project').fill(name);
    await this.page.getByRole('button', { name: 'Create project' }).click();
    await this.page.getByRole('heading', { name }).waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/')[2]!);
  }

  async openNavigation(item: string): Promise<void> {
    const burger = this.page.getByRole('button', { name: 'Toggle navigation' });
    if (await burger.isVisible()) await burger.click();
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item }).click();
  }
}
