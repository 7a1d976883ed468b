import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless and quiet (no background requests), as every browser test drives it. */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
    });
}
