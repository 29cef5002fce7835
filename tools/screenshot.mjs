#!/usr/bin/env node
// Screenshot a page in headless Chromium at phone and desktop widths.
//   node tools/screenshot.mjs URL OUT_PREFIX [--width 390,1280] [--full]
// writes OUT_PREFIX-390.png and OUT_PREFIX-1280.png. Serve the page first (npm start).
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from './find-chrome.mjs';

const [url, out = '/tmp/shot'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const widthArg = process.argv.find((a) => a.startsWith('--width='));
const widths = (widthArg ? widthArg.slice(8) : '390,1280').split(',').map(Number);
const full = process.argv.includes('--full');
if (!url) {
  console.error('usage: node tools/screenshot.mjs URL OUT_PREFIX [--width=390,1280] [--full]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });
try {
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.log(`[${width}] ${m.type()}: ${m.text()}`);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}-${width}.png`, fullPage: full });
    console.log(`${out}-${width}.png`);
    await page.close();
  }
} finally {
  await browser.close();
}
