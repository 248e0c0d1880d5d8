// The benchmark's static server. Serves every page the same way:
//   /dist/...                  our bundle, snapshotted into memory at start (a rebuild
//                              of dist/ during a run cannot change what is measured)
//   /pages/...                 tests/bench/pages; surveyjs.html gets its survey JSON,
//                              generated from content/en.json when the server starts
//   /node_modules/survey-core/..., /node_modules/survey-js-ui/...   SurveyJS, no CDN
//   /styles/..., /content/...  the widget's stylesheet and content, for the floor page
// .js/.mjs/.wasm/.css/.json go out gzip-encoded (level 9, compressed once and kept)
// whenever the request accepts gzip; HTML is sent as is. Everything else is a 404.
import { createServer } from "node:http";
import { readdir, readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { surveyJsonFromFile } from "./pages/survey-json.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
export const repo = resolve(here, "../..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
};
const COMPRESSED = new Set([".js", ".mjs", ".wasm", ".css", ".json", ".bin"]);

const ROOTS = [
  ["/pages/", join(here, "pages")],
  // The floor page's quiz reads the widget's own stylesheet and content.
  ["/styles/", join(repo, "styles")],
  ["/content/", join(repo, "content")],
  ["/node_modules/survey-core/", join(repo, "node_modules/survey-core")],
  ["/node_modules/survey-js-ui/", join(repo, "node_modules/survey-js-ui")],
];

function entry(path, body) {
  const ext = extname(path);
  return {
    type: TYPES[ext] ?? "application/octet-stream",
    body,
    gzip: COMPRESSED.has(ext) ? gzipSync(body, { level: 9 }) : null,
  };
}

/**
 * Starts the server on a free localhost port. `content` is the content file the
 * SurveyJS page is generated from; `distDir` the bundle served as /dist/.
 */
export async function startServer({ content = join(repo, "content/en.json"), distDir = join(repo, "dist") } = {}) {
  const cache = new Map();

  // Snapshot dist/ (without the example pages).
  const dist = {};
  let names;
  try {
    names = await readdir(distDir);
  } catch {
    throw new Error(`${distDir} does not exist: run \`make dist\` first`);
  }
  for (const name of names) {
    if (name.endsWith(".html")) continue;
    const body = await readFile(join(distDir, name));
    cache.set(`/dist/${name}`, entry(name, body));
    dist[name] = body;
  }
  if (!cache.has("/dist/levels-quiz.js") || !cache.has("/dist/levels-quiz_bg.wasm")) {
    throw new Error(`${distDir} has no bundle: run \`make dist\` first`);
  }

  // The SurveyJS page, with the survey JSON built from the content file now.
  const survey = await surveyJsonFromFile(content);
  const template = await readFile(join(here, "pages/surveyjs.html"), "utf8");
  const inline = JSON.stringify(survey).replace(/</g, "\\u003c");
  cache.set("/pages/surveyjs.html", entry("surveyjs.html", Buffer.from(template.replace("/*SURVEY_JSON*/", inline))));

  async function lookup(path) {
    if (cache.has(path)) return cache.get(path);
    const root = ROOTS.find(([prefix]) => path.startsWith(prefix));
    if (!root) return null;
    const file = normalize(join(root[1], path.slice(root[0].length)));
    if (!file.startsWith(root[1])) return null;
    try {
      const found = entry(file, await readFile(file));
      cache.set(path, found);
      return found;
    } catch {
      return null;
    }
  }

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const found = await lookup(path);
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const headers = { "content-type": found.type, "cache-control": "no-cache", vary: "accept-encoding" };
    let body = found.body;
    if (found.gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      headers["content-encoding"] = "gzip";
      body = found.gzip;
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    /** The snapshot of dist/ being served: file name -> contents. */
    dist,
    survey,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
