//! One module per subcommand.
pub mod crawl;
pub mod digest;
pub mod history;
pub mod scan;
pub mod session;
pub mod shell;
pub mod watchlist;
pub mod watchlist_info;
