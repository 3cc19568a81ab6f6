//! One module per subcommand.
pub mod crawl;
pub mod history;
pub mod rescreen;
pub mod review;
pub mod scan;
pub mod session;
pub mod watchlist;
