#!/usr/bin/env bash
# List loading at scale (issue 14 point 7): writes a synthetic project-format list of N rows
# (default 1,000,000; company-like Latin names with aliases, one in five with a Chinese name) and
# a 20,000-character name, then times `watchlist lookup --watchlist` with /usr/bin/time: wall
# time and peak memory (max RSS) of loading the list and building the matcher.
# Usage: benches/list_load.sh [rows] [path/to/tenderscan]   (default binary: target/release)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-1000000}"
bin="${2:-}"
if [[ -z "$bin" ]]; then
  (cd "$here" && cargo build --release --quiet)
  bin="${CARGO_TARGET_DIR:-$here/target}/release/tenderscan"
fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 - "$rows" "$tmp/list.csv" <<'PY'
import csv, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
r = random.Random(14)
syl = "hua xin tong da zhong ke feng rui jing yuan hai long tian cheng bo kai ming sheng wei xiang yun jia lian chuang".split()
han = "华新通达中科丰锐京源海龙天成博凯明盛威翔云嘉联创"
kinds = ["Technology Co., Ltd.", "Electronics Co., Ltd.", "Research Institute", "Trading Limited", "Information Industry Co., Ltd."]
places = ["Beijing", "Shanghai", "Shenzhen", "Chengdu", "Hong Kong", "Xi'an"]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["name", "aliases", "list", "country", "reference", "listed_on", "source", "notes"])
    for i in range(n):
        brand = "".join(r.choice(syl) for _ in range(r.randint(2, 3))).capitalize()
        name = f"{r.choice(places)} {brand} {r.choice(kinds)}"
        aliases = [f"{brand} {r.choice(kinds)}", f"{brand.upper()}{i % 97}"]
        if i % 5 == 0:
            aliases.append("".join(r.choice(han) for _ in range(4)) + "科技有限公司")
        w.writerow([name, "; ".join(aliases), "Synthetic list", "CN", f"{i} FR {i}", "2024-01-01", "synthetic", ""])
    w.writerow(["华" * 20000, "", "Synthetic list", "CN", "long", "2024-01-01", "synthetic", "a 20,000-character name"])
PY
echo "$(wc -l < "$tmp/list.csv") lines, $(du -m "$tmp/list.csv" | cut -f1) MB"
export TENDERSCAN_DATA_DIR="$tmp/data"
/usr/bin/time -f "load + index: %e s wall, %M KiB max RSS" \
  "$bin" -q watchlist lookup --watchlist "$tmp/list.csv" "Shenzhen Huaxin Technology Co., Ltd." > /dev/null
