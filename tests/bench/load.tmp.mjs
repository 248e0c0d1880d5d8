import { readFile, writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";
const probe = await readFile(new URL("./probe.js", import.meta.url), "utf8");
const server = await startServer({});
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const out = [];
for (let run = 0; run < +(process.argv[2] ?? 1); run++) {
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await page.addInitScript({ content: probe });
const chunks = [];
cdp.on("Tracing.dataCollected", (e) => chunks.push(...e.value));
const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
if (run === 0) await cdp.send("Tracing.start", { categories: "devtools.timeline,v8,v8.wasm,blink,loading,disabled-by-default-devtools.timeline,disabled-by-default-v8.compile", transferMode: "ReportEvents" });
await page.goto(server.origin + "/pages/ours.html", { waitUntil: "commit" });
while (!(await page.evaluate(() => window.__bench?.marks.firstQuestion !== undefined))) await page.waitForTimeout(50);
const marks = await page.evaluate(() => window.__bench.marks);
out.push(marks);
if (run === 0) { await cdp.send("Tracing.end"); await done; await writeFile("/tmp/load-trace.json", JSON.stringify(chunks)); }
await page.context().close();
}
for (const m of out) console.log(Object.entries(m).map(([k, v]) => `${k}=${typeof v === "number" ? v.toFixed(0) : v}`).join(" "));
await browser.close(); await server.close(); process.exit(0);
