// Prints the manifest of the bundle's languages that the element uses.
// Usage: node scripts/languages.mjs > manifest.js
// English (content/en.json) is packed into the wasm; every other content/<lang>.json is
// packed by scripts/build-bundle.sh to levels-quiz.<lang>.bin and fetched on demand.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
  if (file !== `${content.language}.json`) {
    console.error(`languages: content/${file} says "language": "${content.language}"; name it ${content.language}.json`);
    process.exit(1);
  }
}
// The built-in language first: it is the fallback.
languages.sort((a, b) => Number(b.builtIn) - Number(a.builtIn));
process.stdout.write(`const LANGUAGES = ${JSON.stringify(languages)};\n`);
