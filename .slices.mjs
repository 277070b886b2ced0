import { chromium } from 'playwright-core';
const [url, prefix, w, h, ...ys] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
await p.goto(url);
for (const y of ys) await p.screenshot({ path: `${prefix}-${y}.png`, fullPage: true, clip: { x: 0, y: Number(y), width: Number(w), height: Number(h) } });
await b.close();
