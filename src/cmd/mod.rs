//! One module per subcommand.
pub mod crawl;
pub mod crawl_cc;
pub mod digest;
pub mod history;
pub mod history_import;
pub mod rescreen;
pub mod review;
pub mod scan;
pub mod scan_warc;
pub mod session;
pub mod shell;
pub mod watchlist;
pub mod watchlist_info;
