#!/usr/bin/env bash
# Builds the embeddable bundle into OUT_DIR:
#   levels-quiz.js            one ES module: wasm-bindgen's glue + the <levels-quiz> element
#   levels-quiz_bg.wasm       the widget
#   levels-quiz-result.wasm   the result's code: scoring, the result screen and the lead
#                             form (src/chunk.rs), split off by wasm-split-cli and
#                             fetched once the first question has been painted
#   levels-quiz.<lang>.bin    each language's quiz (English too), checked and packed:
#                             the intro and every question. The result's texts are in
#                             levels-quiz.<lang>.result.bin, fetched with the result's
#                             code. A visitor downloads one language.
#   levels-quiz-check.js      the content checker (crates/check), which the element
#   levels-quiz-check_bg.wasm imports only for a marketer's own content file
#   levels-quiz-preview.js,   the preview page's checker and result explorer
#   levels-quiz-preview_bg.wasm (crates/check with `preview`)
#   preview.html, preview.js, the content preview page for authors, with the English
#   preview.css,              example it offers (copied last, like the framed mode's
#   levels-quiz.en.json       files)
# Usage: scripts/build-bundle.sh [--release] OUT_DIR
# Used by `make dist` (release) and by Trunk's build hook for `make serve` (dev).
set -euo pipefail

profile=debug
cargo_flags=()
if [ "${1:-}" = "--release" ]; then
  profile=release
  cargo_flags=(--release)
  shift
fi
out=${1:?usage: scripts/build-bundle.sh [--release] OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# `split` marks the result code's entry points (src/chunk.rs) and links the widget's
# wasm with --emit-relocs (build.rs), which wasm-split-cli reads to find what only
# those entry points reach.
# Release builds also rebuild the standard library for this bundle (`-Z build-std`,
# with the toolchain's rust-src) so that:
# - a panic traps at once (`-C panic=immediate-abort`): no panic hook, no message
#   formatting, none of std's printing code. The element's guard (js/levels-quiz.js)
#   sees the trap leave the wasm and swaps every widget for its host's fallback.
# - panics carry no source locations (`-Z location-detail=none`) and `{:?}` prints
#   nothing (`-Z fmt-debug=none`, so shipped code must not use Debug to say anything).
# Together 13 KB gzip off the main wasm (see docs/benchmarks.md). These flags are
# unstable: RUSTC_BOOTSTRAP=1 lets the machine's stable toolchain (1.95) take them, for
# this build only; a toolchain that renames one fails the build here, loudly. (It also
# makes proc-macro2 rebuild, with the proc macros after it, when this build and a
# native one alternate: about a minute.)
# They also strip the builder's own paths from what the wasm still names (crates.io
# sources are named from their crate folder on; with no panic locations, std names
# none), so the bundle is the same from any machine. The flags apply to this build
# only, not to the native ones.
# Why rebuilding std is safe with this toolchain: the sources are rustup's rust-src
# component of the very toolchain that compiles them (`make rust-src` adds it to the
# active toolchain, and rustup upgrades both together), so the std we link is the one
# the compiler ships, built with our flags; build-std is a cargo feature the Rust
# project tests on every nightly for its own targets, and the widget's tests (browser
# unit tests excepted, which use the prebuilt std) all run against this release build.
# (Cargo reads CARGO_ENCODED_RUSTFLAGS instead of RUSTFLAGS, so the caller's RUSTFLAGS
# come first in it.)
rustflags=()
build_std=()
if [ "$profile" = release ]; then
  read -r -a rustflags <<< "${RUSTFLAGS:-}"
  rustflags+=(-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none)
  # LLVM's inliner at opt-level z takes calls costing up to 5; 10 inlines the small
  # helpers whose call sequence outweighs their body (main wasm -0.5 KB gzip, chunk
  # -0.26 KB; thresholds 0, 5, 10 and 15 measured, 10 the smallest first download).
  rustflags+=(-Cllvm-args=-inline-threshold=10)
  for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    [ -d "$dir" ] && rustflags+=("--remap-path-prefix=$dir=")
  done
  build_std=(-Zbuild-std=std,panic_abort)
fi
with_flags=()
if [ ${#rustflags[@]} -gt 0 ]; then
  with_flags=(RUSTC_BOOTSTRAP=1 "CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; printf '%s' "${rustflags[*]}")")
fi
env "${with_flags[@]}" cargo build --quiet --lib -p levels-quiz \
  --features levels-quiz/split --target wasm32-unknown-unknown "${cargo_flags[@]}" "${build_std[@]}"
built=target/wasm32-unknown-unknown/$profile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The checkers, each built on its own (and set aside, as both are levels_check.wasm):
# the element's, and the preview page's (`preview`: the engine's parser and the result
# explorer). Built with the widget, the preview's `json` feature would be unified into
# the widget's build of the engine.
env "${with_flags[@]}" cargo build --quiet --lib -p levels-check \
  --target wasm32-unknown-unknown "${cargo_flags[@]}" "${build_std[@]}"
cp "$built/levels_check.wasm" "$work/check.wasm"
env "${with_flags[@]}" cargo build --quiet --lib -p levels-check --features preview \
  --target wasm32-unknown-unknown "${cargo_flags[@]}" "${build_std[@]}"
cp "$built/levels_check.wasm" "$work/preview.wasm"

# (release) wasm-opt IN OUT. -Os, not -Oz: more bytes raw (main wasm +2.3 KB, chunk
# +1.0 KB) but fewer gzipped (-139 B, -40 B), which is what the visitor downloads.
# --converge repeats it until nothing shrinks (about 0.5 KB gzip); the target
# features section is only read by tools. No flag that lets wasm-opt assume a load,
# store or division never traps (--ignore-implicit-traps), nor that low memory is
# unused: the crash guard (js/levels-quiz.js) relies on every trap happening.
optimize() {
  if [ "$profile" = release ]; then
    wasm-opt -Os --converge \
      --strip-debug --strip-producers --strip-target-features \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      -o "$2" "$1" 2> >(grep -v "unknown name subsection" >&2)
  else
    cp "$1" "$2"
  fi
}
# wasm-bindgen, then wasm-opt: WASM OUT-NAME [FLAGS] -> OUT-NAME.js + OUT-NAME_bg.wasm
bindgen() {
  wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name "$2" "${@:3}" "$1"
  optimize "$work/$2_bg.wasm" "$work/$2_bg.opt.wasm"
  mv "$work/$2_bg.opt.wasm" "$work/$2_bg.wasm"
}

# The widget's wasm in two: the main module (everything up to and through the
# questions) and the chunk only the result screen and lead form need. The main module
# is named `bundle` so the chunk loader's `import { initSync } from "./bundle.js"`
# lands on the one bundled module below (not a second copy of the glue).
wasm-split-cli "$built/levels_quiz.wasm" "$work/split" --out-name bundle
chunks=$(cd "$work/split" && ls ./*.wasm)
if [ "$chunks" != $'./bundle.wasm\n./split_result.wasm' ]; then
  echo "build-bundle: wasm-split-cli made other modules than bundle.wasm and split_result.wasm:" $chunks >&2
  echo "build-bundle: ship and name each one here" >&2
  exit 1
fi
# Every entry point of the result's code (the list in src/chunk.rs's `entry_points!`)
# must be in the chunk, exported for its loader: one that is not could never be fetched.
entry_points=$(grep -oE '^ +fn [a-z_]+_in_chunk /' src/chunk.rs | awk '{ print $2 }')
if [ -z "$entry_points" ]; then
  echo "build-bundle: found no entry points in src/chunk.rs; update this script" >&2
  exit 1
fi
for name in $entry_points; do
  if ! grep -qaE "__wasm_split_00result00_export_[0-9a-f]+_${name}" "$work/split/split_result.wasm"; then
    echo "build-bundle: the chunk does not export the entry point $name (src/chunk.rs)" >&2
    exit 1
  fi
done
# replace FILE FROM TO: FROM must be on exactly one line of FILE (the generated code
# this script patches must still look as it expects).
replace() {
  local found
  found=$(grep -cF -- "$2" "$1" || true)
  if [ "$found" != 1 ]; then
    echo "build-bundle: $(basename "$1") has '$2' on $found lines, not 1; update this script" >&2
    exit 1
  fi
  FROM="$2" TO="$3" perl -0pi -e 's/\Q$ENV{FROM}\E/$ENV{TO}/' "$1"
}
loader="$work/split/__wasm_split.js"
# The chunk keeps the bundle's name.
replace "$loader" '"./split_result.wasm"' '"./levels-quiz-result.wasm"'
# It is fetched as every file of the bundle is, checked against its hash
# (js/levels-quiz.js's fetchBundleFile).
replace "$loader" 'fetch(new URL("./levels-quiz-result.wasm", import.meta.url))' '__levelsQuizFetch("levels-quiz-result.wasm")'
# It loads like the main wasm does: streaming when the server says application/wasm,
# from the bytes otherwise (many servers do not). (Debug builds wrap the call in a
# checker of their own, so only the call is matched.)
replace "$loader" 'WebAssembly.instantiateStreaming(src, imports)' 'instantiateChunk(await src, imports)'
# Its one call into the wasm (the callback through the function table) goes through
# the element's crash guard, like every other (js/levels-quiz.js).
replace "$loader" 'import { initSync } from "./bundle.js";' 'import { initSync, __levelsQuizGuardCall, __levelsQuizFetch } from "./bundle.js";'
replace "$loader" 'sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success)' \
  '__levelsQuizGuardCall(sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex), callbackData, success)'
{
  cat <<'JS'
async function instantiateChunk(response, imports) {
  if (!response.ok) throw new Error(`levels-quiz: ${response.url}: HTTP ${response.status}`);
  return response.headers.get("content-type")?.split(";")[0].trim() === "application/wasm"
    ? WebAssembly.instantiateStreaming(response, imports)
    : WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
JS
  cat "$loader"
} > "$work/__wasm_split.js"
optimize "$work/split/split_result.wasm" "$work/levels-quiz-result.wasm"
# The chunk links to the main module's function table, which wasm-bindgen would drop.
bindgen "$work/split/bundle.wasm" levels-quiz --keep-lld-exports
bindgen "$work/check.wasm" levels-quiz-check
bindgen "$work/preview.wasm" levels-quiz-preview
# wasm-bindgen's names for the links between each wasm and its glue carry hex digits
# that do not compress; both files get short ones instead: readable in debug builds,
# two or three letters in release ones (scripts/short-names.mjs). The element's script
# shares the glue's scope below, and the chunk loader names main-module exports: the
# script checks both against the new names.
short_names=()
[ "$profile" = release ] && short_names=(--minimal)
node scripts/short-names.mjs "${short_names[@]}" "$work/levels-quiz.js" "$work/levels-quiz_bg.wasm" \
  js/levels-quiz.js "$work/__wasm_split.js"
node scripts/short-names.mjs "${short_names[@]}" "$work/levels-quiz-check.js" "$work/levels-quiz-check_bg.wasm"
node scripts/short-names.mjs "${short_names[@]}" "$work/levels-quiz-preview.js" "$work/levels-quiz-preview_bg.wasm"

# The element's module is appended to the glue, so the page fetches one script.
glue="$work/levels-quiz.js"
for needed in 'async function __wbg_init' 'export function mount' 'import { Services }'; do
  if ! grep -qF "$needed" "$glue"; then
    echo "build-bundle: wasm-bindgen's glue no longer has '$needed'; update js/levels-quiz.js" >&2
    exit 1
  fi
done
# Every call into the wasm goes through the element's crash guard (guardExports).
replace "$glue" 'wasm = instance.exports;' 'wasm = guardExports(instance.exports);'
mkdir -p "$out"
# Every language, checked and packed (a broken file stops the build): the intro and
# every question, and the result's texts, which the widget fetches with the result's
# code.
for file in content/*.json; do
  code=$(basename "$file" .json)
  cargo run --quiet -p levels-engine --bin levels-content -- pack "$file" \
    "$out/levels-quiz.$code.bin" "$out/levels-quiz.$code.result.bin"
done
minify=()
[ "$profile" = release ] && minify=(--minify)
# Every other file the element's script fetches, final, so the manifest can carry
# their hashes.
esbuild --bundle --format=esm --log-level=warning "${minify[@]}" \
  "$work/levels-quiz-check.js" --outfile="$out/levels-quiz-check.js"
cp "$work/levels-quiz_bg.wasm" "$work/levels-quiz-result.wasm" "$work/levels-quiz-check_bg.wasm" "$out/"
# The manifest: the languages, and every fetched file's SHA-256, which the script
# checks each fetch against (fetch's `integrity`): a file from another release or a
# changed copy is refused.
node scripts/languages.mjs "$out" > "$work/languages.js"
{
  cat "$glue"
  printf '\n'
  cat "$work/languages.js"
  cat js/levels-quiz.js
} > "$work/bundle.js"
# esbuild bundles wasm-bindgen's snippets (js/services.js, imported by the glue) into
# the one module; release scripts are also minified (whitespace, comments, local names:
# about 4 KB gzip). Exports and property names stay, so the wasm's imports still match.
# The element's module starts with V8's explicit compile hint: most of it runs while
# the quiz starts, so Chromium compiles every function as the script streams in, off
# the main thread, instead of one by one on the main thread at first call. First
# question 58 and 124 ms sooner (medians of two 15-run A/Bs, 4x throttled, the bench's
# page); other browsers read a comment.
esbuild --bundle --format=esm --log-level=warning "${minify[@]}" \
  --banner:js='//# allFunctionsCalledOnLoad' "$work/bundle.js" --outfile="$out/levels-quiz.js"
cp embed-example.html "$out/embed-example.html"
# What makes dist/ an npm package, and the snippet pinned to this build
# (scripts/package.mjs): package.json (its version is Cargo.toml's), the marketers'
# README, the license, snippet.html.
node scripts/package.mjs "$out"

# ---- framed mode (README.md, "In a frame") ----------------------------------------
# frame.html (with its script frame.js) holds one <levels-quiz> configured by its
# query, for site builders that only allow an iframe; levels-quiz-frame.js is the host
# page's optional helper (heights, events, dataLayer). Copied as they are, last.
cp js/frame.html js/frame.js js/levels-quiz-frame.js "$out/"

# ---- the content preview page (README.md, "Your own content") ----------------------
# preview.html (with preview.js and preview.css) checks a content file an author pastes
# or opens, runs the quiz with it and explores its results, all in the browser; it
# offers the English content as an example to start from. Copied as they are, last:
# the element never fetches them, so they are not in its manifest.
cp js/preview.html js/preview.js js/preview.css "$out/"
cp content/en.json "$out/levels-quiz.en.json"
# Its checker and explorer: crates/check built with `preview`.
esbuild --bundle --format=esm --log-level=warning "${minify[@]}" \
  "$work/levels-quiz-preview.js" --outfile="$out/levels-quiz-preview.js"
cp "$work/levels-quiz-preview_bg.wasm" "$out/"
