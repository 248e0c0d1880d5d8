#!/usr/bin/env bash
# crates/yew must be Yew as published on crates.io with exactly crates/yew/yew.patch
# applied (crates/yew/VENDORED.md): downloads the crate, checks its SHA-256, and compares
# the difference between the two folders with the patch. `--write` writes the patch from
# the folder instead (after a deliberate change, or moving to another release).
# Needs node (for the download), tar, diff and sha256sum, and the crates.io download host.
set -euo pipefail
version=0.23.0
sha256=2c154fadfa97eabdd3f3b79345ceeb9c05ee8f13f76d3d881d17fba618bf558d
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

URL="https://static.crates.io/crates/yew/yew-$version.crate" OUT="$work/yew.crate" node -e '
  fetch(process.env.URL)
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((b) => require("fs").writeFileSync(process.env.OUT, Buffer.from(b)))
    .catch((e) => { console.error(`check-vendored-yew: ${process.env.URL}: ${e.message}`); process.exit(1); });'
echo "$sha256  $work/yew.crate" | sha256sum -c --quiet -
tar xzf "$work/yew.crate" -C "$work"

# The difference, with the two folders named a and b (and no timestamps), so it reads
# the same on every machine. The files left out of the folder show as "Only in a".
published="$work/yew-$version"
vendored="$root/crates/yew"
(diff -ru --exclude=VENDORED.md --exclude=yew.patch "$published" "$vendored" || true) \
  | sed -e "s|^diff -ru .* $published/\(.*\) $vendored/.*|diff a/\1 b/\1|" \
    -e "s|^--- $published/\([^	]*\).*|--- a/\1|" -e "s|^+++ $vendored/\([^	]*\).*|+++ b/\1|" \
    -e "s|^Only in $published|Only in a|" -e "s|^Only in $vendored|Only in b|" > "$work/yew.patch"

if [ "${1:-}" = "--write" ]; then
  cp "$work/yew.patch" "$vendored/yew.patch"
  echo "check-vendored-yew: wrote crates/yew/yew.patch"
elif ! cmp -s "$work/yew.patch" "$vendored/yew.patch"; then
  echo "check-vendored-yew: crates/yew is not Yew $version with exactly yew.patch; what differs from the patch:" >&2
  diff "$vendored/yew.patch" "$work/yew.patch" | head -40 >&2
  exit 1
else
  echo "check-vendored-yew: crates/yew is Yew $version with yew.patch"
fi
