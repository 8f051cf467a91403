/**
 * How every Chromium we drive is launched — the e2e config, the persistent-profile PoST spec and
 * the browser bench: Debian's Chromium (or `CHROMIUM_PATH`), headless and quiet, with no
 * background traffic that would disturb a measurement or a test.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
