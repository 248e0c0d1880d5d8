// Prints the manifest of the bundle's languages that the element uses, and the header
// (hex) every packed file of this release starts with.
// Usage: node scripts/languages.mjs HEADER > manifest.js
// Every content/<lang>.json is packed by scripts/build-bundle.sh to
// levels-quiz.<lang>.bin and fetched on demand; English is the fallback.
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
const header = process.argv[2] ?? "";
if (!/^[0-9a-f]{16}$/.test(header)) {
  console.error(`languages: the packed files' header must be 16 hex digits, not "${header}"`);
  process.exit(1);
}
process.stdout.write(`const LANGUAGES = ${JSON.stringify(languages)};\nconst PACKED_HEADER = "${header}";\n`);
