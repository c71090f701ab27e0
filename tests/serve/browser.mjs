// Drives headless Chromium through the page of `policykg serve` (for tests/serve.rs):
// loads /, runs the first tab's query, opens an entity page from the header's search, follows a
// node of its diagram. Prints what it saw as one JSON object; saves screenshots.
//   node browser.mjs BASE_URL ENTITY_NAME SCREENSHOT_DIR
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, entity, shots] = process.argv.slice(2);
const browser = await chromium.launchPersistentContext(
  mkdtempSync(join(tmpdir(), "policykg-chromium-")),
  {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  },
);
const seen = {};
try {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(base);
  await page.waitForSelector(".yasqe .CodeMirror");
  seen.tabs = await page.$$eval(".tabsList .tab", (tabs) => tabs.map((t) => t.textContent.replace("✖", "").trim()));
  await page.click(".yasqe_queryButton");
  await page.waitForSelector(".yasr table tbody tr td", { timeout: 30000 });
  seen.headers = await page.$$eval(".yasr table thead th", (ths) => ths.map((th) => th.textContent.trim()));
  seen.cells = await page.$$eval(".yasr table tbody td", (tds) => tds.map((td) => td.textContent.trim()));
  await page.screenshot({ path: join(shots, "serve-query.png") });
  seen.offsite = requests.filter((u) => !u.startsWith(base));

  await page.fill("#entity-name", entity);
  await Promise.all([page.waitForNavigation(), page.press("#entity-name", "Enter")]);
  await page.waitForSelector(".diagram svg");
  seen.entityTitle = await page.textContent("h1");
  seen.marks = await page.$$eval(".facts mark", (ms) => ms.map((m) => m.textContent));
  seen.labels = await page.$$eval(".diagram svg g.node text", (ts) => ts.map((t) => t.textContent));
  await page.screenshot({ path: join(shots, "serve-entity.png") });

  // A neighbour's node links to its own page.
  const nodes = await page.$$(".diagram svg g.node");
  for (const node of nodes) {
    const link = await node.$("a");
    const label = await node.$eval("text", (t) => t.textContent).catch(() => "");
    if (link && label !== seen.entityTitle) {
      seen.followed = label;
      await Promise.all([page.waitForNavigation(), link.click()]);
      seen.followedTitle = await page.textContent("h1");
      break;
    }
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
