#!/usr/bin/env bash
# Name-pair quality report: runs `tenderscan watchlist compare --pairs` over
#  (1) the organisation rows (Company / Organization / LegalEntity) of OpenSanctions'
#      name_bench (../shared/data/name-pairs/peer_nomenklatura_name_bench_cases.csv, MIT), and
#  (2) the project's own Chinese/English pairs, tests/data/name_pairs.csv,
# and prints precision / recall / F1 at the match threshold beside logic-v2's figures.
# Usage: benches/name_pairs.sh [path/to/tenderscan]   (default: target/debug via cargo build)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-}"
if [[ -z "$bin" ]]; then
  (cd "$here" && cargo build --quiet)
  bin="${CARGO_TARGET_DIR:-$here/target}/debug/tenderscan"
fi
peer="${PEER_CASES:-$here/../shared/data/name-pairs/peer_nomenklatura_name_bench_cases.csv}"
[[ -f "$peer" ]] || peer="/work/shared/data/name-pairs/peer_nomenklatura_name_bench_cases.csv"
threshold="${THRESHOLD:-0.70}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
# KEEP=DIR copies the scored CSVs there (for error analysis outside the repo).

report() { # $1 label, $2 scored csv (is_match in column 3), $3 reference text
  python3 - "$1" "$2" "$threshold" "$3" <<'PY'
import csv, sys
label, path, thr, ref = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
tp = fp = fn = tn = 0
misses = []
for r in csv.DictReader(open(path, encoding="utf-8")):
    truth = r["is_match"].strip().lower() == "true"
    pred = float(r["score"]) >= thr
    tp += truth and pred; fp += (not truth) and pred; fn += truth and not pred; tn += (not truth) and not pred
    if truth != pred: misses.append((r["name1"], r["name2"], truth, r["score"], r["method"]))
p = tp / (tp + fp) if tp + fp else 0.0
rc = tp / (tp + fn) if tp + fn else 0.0
f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
print(f"{label}: n={tp+fp+fn+tn} TP {tp} FP {fp} FN {fn} TN {tn}  precision {p:.3f}  recall {rc:.3f}  F1 {f1:.3f}   ({ref})")
# The peer pairs carry a dev/test half: rules were developed looking at dev-half errors only.
halves = {}
for r in csv.DictReader(open(path, encoding="utf-8")):
    if not r.get("half"):
        continue
    truth = r["is_match"].strip().lower() == "true"
    pred = float(r["score"]) >= thr
    h = halves.setdefault(r["half"], [0, 0, 0, 0])
    h[0] += truth and pred; h[1] += (not truth) and pred; h[2] += truth and not pred; h[3] += (not truth) and not pred
for name in sorted(halves):
    tp_, fp_, fn_, tn_ = halves[name]
    p_ = tp_ / (tp_ + fp_) if tp_ + fp_ else 0.0
    r_ = tp_ / (tp_ + fn_) if tp_ + fn_ else 0.0
    f_ = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
    print(f"    {name:<5} half: n={tp_+fp_+fn_+tn_} TP {tp_} FP {fp_} FN {fn_} TN {tn_}  precision {p_:.3f}  recall {r_:.3f}  F1 {f_:.3f}")
if "-v" in sys.argv[5:] or __import__("os").environ.get("VERBOSE"):
    for m in misses: print("   miss:", m)
PY
}

by_class() { # $1 label, $2 scored csv with a `kind` column: P/R/F1 per class (negatives: precision = share rejected)
  python3 - "$1" "$2" "$threshold" <<'PY'
import csv, sys, collections
label, path, thr = sys.argv[1], sys.argv[2], float(sys.argv[3])
c = collections.defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
for r in csv.DictReader(open(path, encoding="utf-8")):
    truth = r["is_match"].strip().lower() == "true"
    pred = float(r["score"]) >= thr
    k = c[r.get("kind") or "?"]
    k[0] += truth and pred; k[1] += (not truth) and pred; k[2] += truth and not pred; k[3] += (not truth) and not pred
print(f"  {label}, per class:")
print(f"    {'class':<20} {'n':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
for name in sorted(c):
    tp, fp, fn, tn = c[name]
    p = tp / (tp + fp) if tp + fp else (1.0 if tn else 0.0)  # all-negative class: 1.0 when nothing fired
    rc = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * p * rc / (p + rc) if tp + fn and p + rc else float("nan")
    print(f"    {name:<20} {tp+fp+fn+tn:>4} {tp:>4} {fp:>4} {fn:>4} {tn:>4} {p:>9.3f} {rc:>7.3f} {f1:>6.3f}")
PY
}

# Deterministic dev/test split of the peer pairs by a hash of the pair (SHA-1 of
# "name1<US>name2", even first byte = dev): matcher rules are developed on dev-half errors only,
# and the test half shows whether they generalise.
python3 - "$peer" "$tmp/peer_orgs.csv" <<'PY'
import csv, hashlib, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as g:
    w = csv.writer(g)
    w.writerow(["name1", "name2", "is_match", "category", "half"])
    for r in csv.DictReader(f):
        if r["schema"] in ("Company", "Organization", "LegalEntity"):
            h = hashlib.sha1(f'{r["name1"]}\x1f{r["name2"]}'.encode("utf-8")).digest()[0]
            w.writerow([r["name1"], r["name2"], r["is_match"], r["category"], "dev" if h % 2 == 0 else "test"])
PY
# The bundled lists inform `compare` (aliases, Chinese names); products.csv is only needed to
# recognise the directory, so an empty one stands in if the detect vocabulary has not landed.
vocab="$tmp/vocab"; mkdir -p "$vocab"; cp "$here"/watchlists/*.csv "$vocab"/
[[ -f "$vocab/products.csv" ]] || : > "$vocab/products.csv"
export TENDERSCAN_DATA_DIR="$tmp/data"   # ignore any list saved by `watchlist update`
"$bin" -q --vocab "$vocab" watchlist compare --no-lists --pairs "$tmp/peer_orgs.csv" > "$tmp/peer_scored.csv"
"$bin" -q --vocab "$vocab" watchlist compare --pairs "$tmp/peer_orgs.csv" > "$tmp/peer_scored_lists.csv"
"$bin" -q --vocab "$vocab" watchlist compare --pairs "$here/tests/data/name_pairs.csv" > "$tmp/own_scored.csv"
"$bin" -q --vocab "$vocab" watchlist compare --no-lists --pairs "$here/tests/data/name_pairs.csv" > "$tmp/own_scored_nolists.csv"
report "name_bench organisations (strings only)" "$tmp/peer_scored.csv" "logic-v2: F1 0.865 frozen (259 cases) / 0.872 live (266 cases)"
report "name_bench organisations (with lists)" "$tmp/peer_scored_lists.csv" "same pairs, bundled lists loaded"
report "tests/data/name_pairs.csv (with lists)" "$tmp/own_scored.csv" "project pairs, zh/en incl. hard negatives; no peer figure"
report "tests/data/name_pairs.csv (strings only)" "$tmp/own_scored_nolists.csv" "same pairs without aliases / zh overlay"
by_class "tests/data/name_pairs.csv (with lists)" "$tmp/own_scored.csv"
"$bin" -q --vocab "$vocab" watchlist compare --pairs "$here/tests/data/name_pairs_heldout.csv" > "$tmp/heldout_scored.csv"
report "tests/data/name_pairs_heldout.csv (with lists)" "$tmp/heldout_scored.csv" "held-out: written before the matcher was run on it, never tuned against"
by_class "tests/data/name_pairs_heldout.csv (with lists)" "$tmp/heldout_scored.csv"
if [[ -n "${KEEP:-}" ]]; then mkdir -p "$KEEP" && cp "$tmp"/*.csv "$KEEP"/; fi
