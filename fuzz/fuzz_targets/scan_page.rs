//! One page through decode → parse → detect → match → assess, then the CSV writer.
#![no_main]
use std::sync::OnceLock;

use tenderscan::pipeline::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        tenderscan::harness::engine(&root).expect("bundled watchlists load")
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (records, rows) = tenderscan::harness::scan_to_csv(engine(), &[data]);
    assert_eq!(records, rows, "one CSV row per record");
});
