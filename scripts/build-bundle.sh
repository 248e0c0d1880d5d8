#!/usr/bin/env bash
# Builds the embeddable bundle into OUT_DIR:
#   levels-quiz.js            one ES module: wasm-bindgen's glue + the <levels-quiz> element
#   levels-quiz_bg.wasm       the widget, with the built-in (English) quiz packed inside
#   levels-quiz.<lang>.bin    every other language's content, checked and packed
#   levels-quiz-check.js      the content checker (crates/check), which the element
#   levels-quiz-check_bg.wasm imports only for a marketer's own content file
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

cargo build --quiet --lib -p levels-quiz -p levels-check --target wasm32-unknown-unknown "${cargo_flags[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# wasm-bindgen, then (release) wasm-opt: crate file name -> OUT-NAME.js + OUT-NAME_bg.wasm
bindgen() {
  wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name "$2" \
    "target/wasm32-unknown-unknown/$profile/$1.wasm"
  if [ "$profile" = release ]; then
    # --converge repeats -Oz until nothing shrinks (about 0.5 KB gzip); the target
    # features section is only read by tools.
    wasm-opt -Oz --converge --strip-debug --strip-producers --strip-target-features \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      -o "$work/$2_bg.opt.wasm" "$work/$2_bg.wasm"
    mv "$work/$2_bg.opt.wasm" "$work/$2_bg.wasm"
  fi
}
bindgen levels_quiz levels-quiz
bindgen levels_check levels-quiz-check

# The element's module is appended to the glue, so the page fetches one script.
glue="$work/levels-quiz.js"
for needed in 'async function __wbg_init' 'export function mount'; do
  if ! grep -q "$needed" "$glue"; then
    echo "build-bundle: wasm-bindgen's glue no longer has '$needed'; update js/levels-quiz.js" >&2
    exit 1
  fi
done
mkdir -p "$out"
node scripts/languages.mjs > "$work/languages.js"
# Every language but the built-in one, checked and packed (a broken file stops the build).
for file in content/*.json; do
  code=$(basename "$file" .json)
  [ "$code" = en ] && continue
  cargo run --quiet -p levels-engine --bin levels-content -- pack "$file" "$out/levels-quiz.$code.bin"
done
{
  cat "$glue"
  printf '\n'
  cat "$work/languages.js"
  cat js/levels-quiz.js
} > "$work/bundle.js"
# esbuild bundles wasm-bindgen's snippets (js/services.js, imported by the glue) into
# the one module; release scripts are also minified (whitespace, comments, local names:
# about 4 KB gzip). Exports and property names stay, so the wasm's imports still match.
minify=()
[ "$profile" = release ] && minify=(--minify)
for script in bundle:levels-quiz levels-quiz-check:levels-quiz-check; do
  esbuild --bundle --format=esm --log-level=warning "${minify[@]}" \
    "$work/${script%%:*}.js" --outfile="$out/${script##*:}.js"
done
cp "$work/levels-quiz_bg.wasm" "$work/levels-quiz-check_bg.wasm" "$out/"
cp embed-example.html "$out/embed-example.html"
