"""Write a WARC corpus from the fixtures: FILES .warc.gz files, each with request + response
records (one gzip member per record, as Common Crawl writes them), and a manifest of them.

    python3 src/deploy/spark/make_corpus.py fixtures/ corpus/ --files 8 --copies 4
"""

import argparse
import gzip
import hashlib
import os
import uuid


def record(kind, uri, block, date="2024-03-01T12:00:00Z"):
    head = (
        "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: %s\r\n"
        "WARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=%s\r\nContent-Length: %d\r\n\r\n"
        % (kind, uuid.uuid4(), date, uri, kind, len(block))
    )
    return gzip.compress(head.encode() + block + b"\r\n\r\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("fixtures")
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--copies", type=int, default=4, help="copies of each fixture (different URLs)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pages = sorted(
        f for f in os.listdir(args.fixtures) if f.endswith((".html", ".htm", ".txt"))
    )
    files = [open(os.path.join(args.out, "corpus-%05d.warc.gz" % i), "wb") for i in range(args.files)]
    n = 0
    for copy in range(args.copies):
        for name in pages:
            body = open(os.path.join(args.fixtures, name), "rb").read()
            uri = "http://www.ccgp.gov.cn/cggg/%d/%s" % (copy, name)
            kind = "text/plain" if name.endswith(".txt") else "text/html"
            http = b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (
                kind.encode(), len(body))
            # Spread by hash, so every file holds a mix.
            f = files[int(hashlib.sha256(uri.encode()).hexdigest(), 16) % args.files]
            f.write(record("request", uri, b"GET /cggg/%d/%s HTTP/1.1\r\nHost: www.ccgp.gov.cn\r\n\r\n" % (copy, name.encode())))
            f.write(record("response", uri, http + body))
            n += 1
    for f in files:
        f.close()
    with open(os.path.join(args.out, "manifest.txt"), "w") as m:
        for f in files:
            m.write(os.path.abspath(f.name) + "\n")
    print("%d pages in %d WARC files under %s" % (n, args.files, args.out))


if __name__ == "__main__":
    main()
