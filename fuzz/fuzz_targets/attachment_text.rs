//! Attachment text extraction (DOCX, XLSX, ZIP) from any bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tenderscan::harness::attachment_text(data);
});
