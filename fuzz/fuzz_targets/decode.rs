//! Bytes → text: any bytes, with and without a declared charset.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tenderscan::harness::decode(data);
});
