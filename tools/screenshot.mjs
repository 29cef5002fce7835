#!/usr/bin/env node
// Screenshot a page in headless Chromium at phone and desktop widths.
//   node tools/screenshot.mjs URL OUT_PREFIX [--width 390,1280] [--full] [--split=1000]
// writes OUT_PREFIX-390.png and OUT_PREFIX-1280.png (with --split, the full page in slices
// OUT_PREFIX-390.part0.png, .part1.png, ... of that height, easier to look at than one tall
// image), and prints the page's scroll width (wider than the viewport = broken on a phone).
// Serve the page first (npm start).
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from './find-chrome.mjs';

const [url, out = '/tmp/shot'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const widthArg = process.argv.find((a) => a.startsWith('--width='));
const widths = (widthArg ? widthArg.slice(8) : '390,1280').split(',').map(Number);
const full = process.argv.includes('--full');
const splitArg = process.argv.find((a) => a.startsWith('--split='));
const split = splitArg ? Number(splitArg.slice(8)) : 0;
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
    const [scrollWidth, height] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    if (split > 0) {
      for (let y = 0, i = 0; y < height; y += split, i++) {
        const clip = { x: 0, y, width, height: Math.min(split, height - y) };
        await page.screenshot({ path: `${out}-${width}.part${i}.png`, fullPage: true, clip });
      }
    } else {
      await page.screenshot({ path: `${out}-${width}.png`, fullPage: full });
    }
    console.log(`${out}-${width}${split > 0 ? '.part*' : ''}.png: scroll width ${scrollWidth} at ${width}, height ${height}`);
    await page.close();
  }
} finally {
  await browser.close();
}
