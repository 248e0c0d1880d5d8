// Prints the manifest the element's script is built with: the bundle's languages and the
// integrity (SHA-256, as `sha256-<base64>`: as strong as the check needs, and 20
// characters shorter a file than SHA-384 in the first download) of every file the
// script fetches from its folder, so a CDN that serves a changed file is refused.
// Usage: node scripts/languages.mjs DIR > manifest.js
// Every content/<lang>.json is packed by scripts/build-bundle.sh to
// levels-quiz.<lang>.bin and fetched on demand; English is the fallback. DIR holds the
// bundle's other files, final, all but the script itself and the pages.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const languages = [];
for (const file of readdirSync("content").filter((f) => f.endsWith(".json")).sort()) {
  const content = JSON.parse(readFileSync(join("content", file), "utf8"));
  const fallback = file === "en.json";
  languages.push({
    code: content.language,
    name: content.language_name,
    fallback,
    errorHeading: content.ui.error_heading,
    errorBody: content.ui.error_body,
    errorDetails: content.ui.error_details,
  });
  if (file !== `${content.language}.json`) {
    console.error(`languages: content/${file} says "language": "${content.language}"; name it ${content.language}.json`);
    process.exit(1);
  }
}
// The fallback language first.
languages.sort((a, b) => Number(b.fallback) - Number(a.fallback));
const dir = process.argv[2];
if (!dir) {
  console.error("languages: usage: node scripts/languages.mjs DIR");
  process.exit(1);
}
const integrity = {};
for (const file of readdirSync(dir).sort()) {
  if (file === "levels-quiz.js" || !/\.(wasm|bin|js)$/.test(file)) continue;
  integrity[file] = `sha256-${createHash("sha256").update(readFileSync(join(dir, file))).digest("base64")}`;
}
process.stdout.write(
  `const LANGUAGES = ${JSON.stringify(languages)};\n` +
    `const INTEGRITY = ${JSON.stringify(integrity)};\n`,
);
