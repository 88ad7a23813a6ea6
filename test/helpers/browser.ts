import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium (installed by .ci/run), headless, as root, with nothing of its own that
 * reaches for the network: a closed network refuses those connections, and tests assert that
 * pages ask nothing of any other host.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the browser; if it cannot start, the test fails (browser tests are never skipped). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** What a page asked for and what went wrong on it, for a test to assert at the end. */
export interface WatchedPage {
  readonly page: Page;
  /** Every URL the page requested. */
  readonly requested: string[];
  /** Uncaught page errors and console errors. */
  readonly problems: string[];
}

/** A new page whose requests and errors are recorded from the start. */
export async function watchedPage(
  browser: Browser,
  options?: Parameters<Browser['newPage']>[0],
): Promise<WatchedPage> {
  const page = await browser.newPage(options);
  const requested: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return { page, requested, problems };
}
