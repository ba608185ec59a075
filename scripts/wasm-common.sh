# Sourced by scripts/build-pkg and scripts/bench: how the shipped .wasm is optimised and
# measured, written once so the size report's names build is the shipped build.

# The features rustc enables by default for wasm32 (Rust ≥ 1.82).
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
# `--flatten --rereloop -Oz`: a second pass over restructured control flow saves about
# 0.6 KB gzipped more than `-Oz` alone, at no measured speed cost (docs/BENCHMARKS.md).
WASM_OPT_PASSES=(-Oz --flatten --rereloop -Oz)
# What a browser downloads, as a bundler ships it: the .wasm plus the entry bundled and
# minified with its glue (pkg/dist/measure/*.min.js, written by scripts/build-pkg and left
# out of the tarball). SHIPPED is the set the size gate (RULES §7) counts: the `production`
# export condition (Vite, webpack, Next.js), whose bundler emits the .wasm as a file.
SHIPPED=(pkg/dist/roster_rules_bg.wasm pkg/dist/measure/browser.min.js)
# The inline entry (esbuild, Rollup, dev servers): the same small build as base64 inside
# the JS; reported beside the gate, not gated.
SHIPPED_INLINE=(pkg/dist/measure/inline.min.js)

bytes() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
