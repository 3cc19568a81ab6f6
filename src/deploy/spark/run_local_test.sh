#!/usr/bin/env bash
# Spark local-mode check: the PySpark job over a generated WARC corpus must give exactly the
# records of one `tenderscan scan` process over the same files. Skips (exit 0) when pyspark
# or Java is missing. Usage: src/deploy/spark/run_local_test.sh [path/to/tenderscan]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="${1:-$root/target/debug/tenderscan}"
if ! python3 -c 'import pyspark' 2>/dev/null; then
  echo "spark check: skipped (pip install pyspark to run it)"; exit 0
fi
if ! command -v java >/dev/null 2>&1; then
  echo "spark check: skipped (no Java; apt-get install default-jre-headless)"; exit 0
fi
[ -x "$bin" ] || { echo "spark check: no tenderscan binary at $bin (cargo build first)" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 "$here/make_corpus.py" "$root/fixtures" "$work/corpus" --files "${FILES:-8}" --copies "${COPIES:-4}"
start=$(date +%s%N)
python3 "$here/tenderscan_job.py" --master 'local[2]' --partitions 4 --tenderscan "$bin" \
  "$work/corpus/manifest.txt" "$work/out" 2> "$work/spark.log" || { tail -30 "$work/spark.log" >&2; exit 1; }
spark_ms=$(( ($(date +%s%N) - start) / 1000000 ))
start=$(date +%s%N)
"$bin" -q scan --all -f jsonl --manifest "$work/corpus/manifest.txt" > "$work/single.jsonl" || [ $? -eq 3 ]
single_ms=$(( ($(date +%s%N) - start) / 1000000 ))
cat "$work"/out/part-* | sort > "$work/spark.sorted"
sort "$work/single.jsonl" > "$work/single.sorted"
n=$(wc -l < "$work/single.sorted")
if ! cmp -s "$work/spark.sorted" "$work/single.sorted"; then
  echo "spark check: FAILED: Spark gave $(wc -l < "$work/spark.sorted") records, one process $n" >&2
  diff "$work/spark.sorted" "$work/single.sorted" | head -5 >&2
  exit 1
fi
[ "$n" -gt 0 ] || { echo "spark check: FAILED: no records" >&2; exit 1; }
echo "spark check: local[2] gave $n records in $spark_ms ms, identical to one process ($single_ms ms)"
echo "spark: 1 passed, 0 failed"
