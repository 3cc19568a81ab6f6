//! A watchlist file (CSL CSV/JSON, project CSV) from any bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tenderscan::harness::watchlist(data);
});
