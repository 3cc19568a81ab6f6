//! Listing-page extraction with every bundled preset, and attachment links.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tenderscan::harness::listing(data);
});
