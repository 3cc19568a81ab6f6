"""Scan WARC files with tenderscan on Apache Spark, in the style of Common Crawl's cc-pyspark.

Input: a manifest, one WARC path per line (local paths, or paths every executor can read,
e.g. on a shared file system). Each partition's paths are handed to one `tenderscan scan
--format jsonl` process; the JSON Lines it prints are the job's output, one text part per
partition (`part-00000`, ...). Run with:

    spark-submit src/deploy/spark/tenderscan_job.py --tenderscan target/release/tenderscan \
        --partitions 64 manifest.txt out/

`history import out/part-*` then merges the parts into a history.
"""

import argparse
import os
import subprocess
import sys
import tempfile


def scan_partition(paths, tenderscan, extra):
    """Run one tenderscan process over a partition's WARC paths; yield its JSON lines."""
    paths = [p.strip() for p in paths if p.strip() and not p.lstrip().startswith("#")]
    if not paths:
        return
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as manifest:
        manifest.write("\n".join(paths) + "\n")
        name = manifest.name
    try:
        cmd = [tenderscan, "-q", "scan", "--all", "-f", "jsonl", "--manifest", name] + extra
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        # 0 = fine, 3 = some inputs failed (reported as records with "error"); anything else is
        # a broken run that Spark should retry.
        if proc.returncode not in (0, 3):
            raise RuntimeError(
                "tenderscan exited %d: %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace"))
            )
        for line in proc.stdout.decode("utf-8").splitlines():
            if line.strip():
                yield line
    finally:
        os.unlink(name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", help="file of WARC paths, one per line")
    parser.add_argument("output", help="output directory (JSON Lines parts)")
    parser.add_argument("--tenderscan", default="tenderscan", help="path of the binary on the executors")
    parser.add_argument("--partitions", type=int, default=0, help="number of partitions [default: Spark's]")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("extra", nargs="*", help="extra tenderscan scan options, after --")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession  # imported here so --help works without Spark

    builder = SparkSession.builder.appName("tenderscan")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    tenderscan = os.path.abspath(args.tenderscan) if os.path.exists(args.tenderscan) else args.tenderscan
    paths = sc.textFile(args.manifest, minPartitions=args.partitions or None)
    if args.partitions:
        paths = paths.repartition(args.partitions)
    extra = list(args.extra)
    records = paths.mapPartitions(lambda part: scan_partition(part, tenderscan, extra))
    records.saveAsTextFile(args.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
