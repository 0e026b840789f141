import type { Locator, Page } from 'playwright-core';
import { screenshot, waitForTaroPage } from './browser';

/**
 * Drives the H5 build as a person would. Taro keeps earlier pages of the stack in the DOM (hidden), so
 * every lookup takes the visible element.
 */
export class H5App {
  private shots = 0;

  constructor(
    readonly page: Page,
    readonly origin: string,
    private readonly prefix = 'e2e',
  ) {}

  find(selector: string): Locator {
    return this.page.locator(selector).filter({ visible: true }).first();
  }

  text(content: string | RegExp): Locator {
    return this.page.getByText(content).filter({ visible: true }).first();
  }

  /**
   * Opens a route as a fresh load of the app, as a link or a QR code would (a hash change inside the
   * running app would stack pages on Taro's router instead).
   */
  async open(route: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.page.goto(`${this.origin}/#/${route}`);
    await waitForTaroPage(this.page, route.split('?')[0]!);
  }

  async tap(selector: string, nextRoute?: string): Promise<void> {
    await this.find(selector).click();
    if (nextRoute) await waitForTaroPage(this.page, nextRoute);
  }

  /** Signs in through the demo sign-in page and waits for the home page. */
  async signInAs(openid: string): Promise<void> {
    await this.open('local/pages/signin/index');
    await this.tap(`#signin-${openid}`, 'pages/home/index');
    await this.find('#action-report').waitFor();
  }

  /** A numbered screenshot in artifacts/, so the files sort in the order of the story. */
  async shot(name: string): Promise<string> {
    this.shots += 1;
    await this.page.waitForTimeout(300);
    // Taro's page scrolls inside its own container, so a full-page screenshot would show one screen:
    // make the viewport as tall as the current page for the shot.
    const viewport = this.page.viewportSize() ?? { width: 375, height: 812 };
    const height = await this.page.evaluate(() =>
      Math.max(
        0,
        ...[...document.querySelectorAll<HTMLElement>('.taro_page')].filter((el) => el.offsetParent !== null).map((el) => el.scrollHeight),
      ),
    );
    await this.page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 4000)) });
    try {
      return await screenshot(this.page, `${this.prefix}-${String(this.shots).padStart(2, '0')}-${name}`);
    } finally {
      await this.page.setViewportSize(viewport);
    }
  }
}
