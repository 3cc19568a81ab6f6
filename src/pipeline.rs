//! One page through decode → parse → detect → match → assess, into a `Record`.
use std::path::{Path, PathBuf};

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::detect::Detector;
use crate::matcher::Matcher;
use crate::model::{Page, Record};
use crate::{assess, decode, parse, watchlist};

/// Everything needed to scan pages: the vocabulary and the watchlist index.
pub struct Engine {
    /// Product / provider vocabulary.
    pub detector: Detector,
    /// Watchlist index.
    pub matcher: Matcher,
}

impl Engine {
    /// Load the vocabulary from `vocab_dir` and the watchlists (`paths`, or the defaults).
    pub fn load(vocab_dir: &Path, watchlists: &[PathBuf]) -> anyhow::Result<Engine> {
        let detector = Detector::load(vocab_dir)
            .with_context(|| format!("loading the vocabulary from {}", vocab_dir.display()))?;
        let list = watchlist::load_selected(watchlists, vocab_dir)?;
        Ok(Engine { detector, matcher: Matcher::new(list) })
    }

    /// Scan one page. Pure: the same bytes always give the same record.
    pub fn scan(&self, page: &Page) -> Record {
        let decoded = decode::decode(&page.bytes, page.header_charset.as_deref());
        let notice = parse::parse(&decoded.text);
        let mentions = self.detector.detect(&notice.text);
        let hits = self.matcher.screen_notice(&notice);
        let assessment = assess::assess(&mentions, &hits);
        Record {
            source: page.source.clone(),
            final_url: page.final_url.clone(),
            fetched_at: page.fetched_at.clone(),
            sha256: sha256_hex(&page.bytes),
            encoding: decoded.encoding,
            notice_type: notice.notice_type,
            title: notice.title,
            published: notice.published,
            project_id: notice.project_id,
            buyer: notice.buyer,
            agency: notice.agency,
            budget: notice.budget,
            award: notice.award,
            suppliers: notice.suppliers,
            mentions,
            hits,
            alert: assessment.alert,
            reasons: assessment.reasons,
            ..Record::default()
        }
    }
}

/// Lower-case hex sha256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A record for an input that produced no page.
pub fn failed_record(source: &str, error: &str) -> Record {
    Record { source: source.to_string(), error: Some(error.to_string()), ..Record::default() }
}
