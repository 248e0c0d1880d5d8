#!/usr/bin/env node
// Makes a built bundle folder an npm package, and writes the snippet pinned to it:
//   package.json   name `levels-quiz`, the version of Cargo.toml's [package] (the one
//                  place to bump it), every file of the folder
//   README.md      packaging/README.md, for marketers
//   LICENSE        the repository's
//   snippet.html   the paste-in snippet for this build: pinned to its version on
//                  jsDelivr, with the script's SHA-384 and the wasm's SHA-256
//                  (`integrity`; the preload's must be the very string the script
//                  fetches the wasm with, or the browser cannot use the preload)
// Usage: node scripts/package.mjs DIR   (scripts/build-bundle.sh runs it on dist/)
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
const dir = process.argv[2];
if (!dir) {
  console.error("package: usage: node scripts/package.mjs DIR");
  process.exit(1);
}

/** The version in Cargo.toml's [package] section. */
export function cargoVersion(text = readFileSync(join(repo, "Cargo.toml"), "utf8")) {
  const section = text.split(/^\[package\]$/m)[1]?.split(/^\[/m)[0] ?? "";
  const version = section.match(/^version = "([^"]+)"$/m)?.[1];
  if (!version) throw new Error("Cargo.toml has no [package] version");
  return version;
}

const version = cargoVersion();
const hash = (algorithm, file) =>
  `${algorithm}-${createHash(algorithm).update(readFileSync(join(dir, file))).digest("base64")}`;
const cdn = `https://cdn.jsdelivr.net/npm/levels-quiz@${version}`;

const manifest = {
  name: "levels-quiz",
  version,
  description:
    "A short levels-of-value assessment for coaches' landing pages: a custom element (<levels-quiz>) in Rust and WebAssembly that runs entirely in the visitor's browser.",
  keywords: ["quiz", "assessment", "coaching", "leadership", "web-component", "custom-element", "webassembly"],
  license: "MIT",
  type: "module",
  main: "levels-quiz.js",
  browser: "levels-quiz.js",
  exports: { ".": "./levels-quiz.js", "./frame": "./levels-quiz-frame.js", "./*": "./*" },
  sideEffects: true,
};
writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(repo, "packaging/README.md"), join(dir, "README.md"));
copyFileSync(join(repo, "LICENSE"), join(dir, "LICENSE"));

const snippet = `<!-- levels-quiz ${version}: pinned, each file checked against this build's hashes -->
<link rel="preload" href="${cdn}/levels-quiz_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="${hash("sha256", "levels-quiz_bg.wasm")}">
<script type="module" src="${cdn}/levels-quiz.js" integrity="${hash("sha384", "levels-quiz.js")}" crossorigin="anonymous" blocking="render"></script>
<levels-quiz>
  <p>Take our quiz at <a href="https://example.com/quiz">example.com/quiz</a>.</p>
</levels-quiz>
`;
writeFileSync(join(dir, "snippet.html"), snippet);
