#!/usr/bin/env bash
# What `npm i -g` gives a user: packs lkjip, installs the tarball into a temporary global prefix,
# and runs the installed `lkjip` from a folder outside the checkout, checking what it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sample="$root/samples/003_eded5028092eddcb.pdf"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "pack-check: $*" >&2; exit 1; }

# `npm pack` runs `prepare`, which builds dist/ from the current sources.
tgz=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
[ -f "$tmp/$tgz" ] || fail "npm pack made no tarball"
listing=$(tar -tzf "$tmp/$tgz")
for f in package/bin/lkjip.js package/dist/cli/main.js package/dist/index.js package/dist/index.d.ts \
  package/dist/server/public/index.html package/dist/stages.sha256 package/prompts/chat-system.md; do
  grep -qx "$f" <<<"$listing" || fail "$f is missing from $tgz"
done
grep -q '^package/src/' <<<"$listing" && fail "$tgz ships the TypeScript sources"

# better-sqlite3 compiles against Node's own headers when no prebuilt binary can be fetched.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
start=$SECONDS
npm i -g "$tmp/$tgz" --prefix "$tmp/prefix" --no-audit --no-fund --loglevel=error >/dev/null
echo "pack-check: $tgz installed in $((SECONDS - start)) s"
lkjip="$tmp/prefix/bin/lkjip"
[ -x "$lkjip" ] || fail "no bin/lkjip in the prefix"

mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere"
out=$("$lkjip" --help)
grep -q '^Usage: lkjip \[options\] \[command\]' <<<"$out" || fail "lkjip --help printed: $out"
for c in audit extract tables ask chat serve batch worker; do grep -qE "^  $c( |$)" <<<"$out" || fail "lkjip --help lists no $c command"; done
[ "$("$lkjip" --version)" = "$(node -p "require('$root/package.json').version")" ] || fail "lkjip --version is not the package's"

out=$("$lkjip" tables "$sample")
grep -q '^### t3 — page 9 — PERJANJIAN KINERJA KECAMATAN DUMAI BARAT TAHUN 2023$' <<<"$out" || fail "lkjip tables printed no 'PERJANJIAN KINERJA' table: $(head -c 2000 <<<"$out")"
n=$(grep -c '^### t[0-9]' <<<"$out")
[ "$n" -ge 20 ] || fail "lkjip tables found $n tables in $sample (expected 20 or more)"

# The library of the installed package, from an ES module given with -e: its pages are read in a
# thread of their own, which must start whatever options the process was given.
pkg="$(npm root -g --prefix "$tmp/prefix")/lkjip"
lib=$(node --input-type=module -e "const { readTables } = await import('$pkg/dist/index.js'); const l = await readTables('$sample', { pages: [9] }); console.log(l.tables.map((t) => t.caption).join('\n'))")
grep -q '^PERJANJIAN KINERJA KECAMATAN DUMAI BARAT TAHUN 2023$' <<<"$lib" || fail "the installed library's readTables gave: $lib"

set +e
err=$("$lkjip" tables missing.pdf 2>&1 >/dev/null); code=$?
set -e
[ "$code" = 1 ] && grep -q '^lkjip: E_FILE_NOT_FOUND' <<<"$err" || fail "a missing file gave exit $code and: $err"

echo "pack-check: ok (--help, --version, tables on ${sample##*/}: $n tables, the library's readTables, a missing file: E_FILE_NOT_FOUND)"
