//! tenderscan: read public procurement notices and flag who buys US cloud, controlled AI chips
//! or US AI services, and whether a listed entity is involved.
//!
//! The pipeline runs one way: fetch → decode → parse → detect → match → assess → report.
//! Everything after fetch is synchronous and pure, so an archived page re-scans identically.

pub mod assess;
pub mod cli;
pub mod cmd;
pub mod commoncrawl;
pub mod crawl;
pub mod decode;
pub mod detect;
pub mod exit;
pub mod fetch;
pub mod harness;
pub mod history;
pub mod input;
pub mod matcher;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod plural;
pub mod report;
pub mod review;
pub mod shard;
pub mod signal;
pub mod vocab_dir;
pub mod warc;
pub mod watchlist;
