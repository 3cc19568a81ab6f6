//! Crawling portals from listing pages (sources, presets, attachments).
