// Writes the bundle's language files and prints the manifest the element uses.
// Usage: node scripts/languages.mjs OUT_DIR > manifest.js
// English (content/en.json) is compiled into the wasm; every other content/*.json is
// copied, minified, to OUT_DIR/levels-quiz.<lang>.json and fetched on demand.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
const languages = [];
for (const file of readdirSync("content").filter((f) => f.endsWith(".json")).sort()) {
  const content = JSON.parse(readFileSync(join("content", file), "utf8"));
  const builtIn = file === "en.json";
  languages.push({
    code: content.language,
    name: content.language_name,
    builtIn,
    errorHeading: content.ui.error_heading,
    errorBody: content.ui.error_body,
    errorDetails: content.ui.error_details,
  });
  if (!builtIn) {
    writeFileSync(join(out, `levels-quiz.${content.language}.json`), JSON.stringify(content));
  }
}
// The built-in language first: it is the fallback.
languages.sort((a, b) => Number(b.builtIn) - Number(a.builtIn));
process.stdout.write(`const LANGUAGES = ${JSON.stringify(languages)};\n`);
