//! Bounded property test (issue 9 point 7) over the fuzz targets' entry points
//! (`tenderscan::harness`): arbitrary and tag-soup inputs never panic, each call stays within a
//! generous time bound, and the CSV has one row per record. A few thousand cases, well under 60 s.
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use tenderscan::harness;
use tenderscan::pipeline::Engine;

/// Far above what any of these small inputs needs, far below a stall.
const BOUND: Duration = Duration::from_secs(3);

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| harness::engine(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("engine"))
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    assert!(t.elapsed() < BOUND, "{what} took {:?}", t.elapsed());
    out
}

/// Pieces of tender pages and of hostile input, glued in any order.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"<div>".to_vec()),
        Just(b"</div>".to_vec()),
        Just(
            b"<table><tr><th>\xe4\xb8\xad\xe6\xa0\x87\xe4\xbe\x9b\xe5\xba\x94\xe5\x95\x86</th><td>"
                .to_vec()
        ),
        Just(b"</td></tr></table>".to_vec()),
        Just(b"<math><mi>".to_vec()),
        Just(b"<script>x<!--c-->".to_vec()),
        Just(b"<title>".to_vec()),
        Just(b"<meta charset=gbk>".to_vec()),
        Just("采购人：某大学".as_bytes().to_vec()),
        Just("中标供应商：英伟达、阿里云计算有限公司".as_bytes().to_vec()),
        Just("预算金额：1,234.5万元".as_bytes().to_vec()),
        Just("NVIDIA A100 GPU 华为技术有限公司".as_bytes().to_vec()),
        Just(b"\0\x01\x1b\r\n\t".to_vec()),
        Just(b"\xff\xfe\xc4\xe3\xba\xc3".to_vec()),
        Just(b"&nbsp;&#x4e2d;&amp;".to_vec()),
        Just(b"PK\x03\x04".to_vec()),
        Just(b"name,source,entity_number\r\n\"a,b\",Entity List,1\r\n".to_vec()),
        prop::collection::vec(any::<u8>(), 0..64),
        "[\\PC]{0,16}".prop_map(String::into_bytes),
    ]
}

fn soup() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(token(), 0..60).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn scan_and_decode_never_panic_and_csv_rows_equal_records(a in soup(), b in prop::collection::vec(any::<u8>(), 0..512)) {
        timed("decode", || harness::decode(&a));
        // The engine is built once, outside the timed call: its load is not a page's scan.
        let engine = engine();
        let (records, rows) = timed("scan", || harness::scan_to_csv(engine, &[&a, &b]));
        prop_assert_eq!(records, 2);
        prop_assert_eq!(rows, records);
    }

    #[test]
    fn listing_and_attachment_extraction_never_panic(a in soup()) {
        timed("listing", || harness::listing(&a));
        timed("attachment", || harness::attachment_text(&a));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn watchlist_load_never_panics(a in soup()) {
        timed("watchlist", || harness::watchlist(&a));
    }
}
