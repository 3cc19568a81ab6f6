//! One page through decode → parse → detect → match → assess, into a `Record`.
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::detect::Detector;
use crate::matcher::{Matcher, Vocabulary};
use crate::model::{Attachment, Hit, ListVersion, Notice, Page, Record};
use crate::{assess, decode, parse, watchlist};

/// Everything needed to scan pages: the vocabulary and the watchlist index.
pub struct Engine {
    /// Product / provider vocabulary.
    pub detector: Detector,
    /// Watchlist index.
    pub matcher: Matcher,
    /// The list versions loaded, stamped on every record (`screened_against`).
    pub lists: Vec<ListVersion>,
    /// CPU budget of one input in decode/parse/detect/match (see [`Engine::with_page_timeout`]).
    pub page_timeout: Option<Duration>,
}

/// Default `--page-timeout`: a real notice scans in milliseconds; seconds mean a hostile page.
pub const DEFAULT_PAGE_TIMEOUT_SECS: f64 = 5.0;

/// The per-input budget flag shared by `scan` and `crawl`.
#[derive(Debug, Clone, clap::Args)]
pub struct BudgetOpts {
    /// Give up on one input after this many seconds in decode/parse/detect/match; its record
    /// carries the error "too complex: …" and the run goes on (0 = no limit).
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_PAGE_TIMEOUT_SECS)]
    pub page_timeout: f64,
}

impl BudgetOpts {
    /// The budget, `None` for no limit.
    pub fn timeout(&self) -> Option<Duration> {
        (self.page_timeout > 0.0)
            .then(|| Duration::try_from_secs_f64(self.page_timeout).ok())
            .flatten()
    }
}

/// Checks the per-input budget between stages.
///
/// Cooperative on purpose: a Rust thread cannot be killed, so a watchdog could only abandon a
/// runaway scan and leave it burning a worker. Every stage is linear in its (capped) input, so
/// the stage in progress finishes in bounded time; the deadline then stops the remaining ones.
struct Deadline {
    started: Instant,
    limit: Option<Duration>,
}

impl Deadline {
    fn check(&self, after: &str) -> Result<(), String> {
        match self.limit {
            Some(limit) if self.started.elapsed() > limit => Err(format!(
                "too complex: {after} took {:.1} s, more than --page-timeout {} s",
                self.started.elapsed().as_secs_f64(),
                limit.as_secs_f64()
            )),
            _ => Ok(()),
        }
    }
}

impl Engine {
    /// Load the vocabulary from `vocab_dir` and the watchlists (`paths`, or the defaults).
    pub fn load(vocab_dir: &Path, watchlists: &[PathBuf]) -> anyhow::Result<Engine> {
        let detector = Detector::load(vocab_dir)
            .with_context(|| format!("loading the vocabulary from {}", vocab_dir.display()))?;
        let list = watchlist::load_selected(watchlists, vocab_dir)?;
        let lists = list.versions.clone();
        // Legal forms and generic words come from the same directory, so an analyst's edit applies.
        let vocabulary = Vocabulary::load(vocab_dir)?;
        Ok(Engine {
            detector,
            matcher: Matcher::with_vocabulary(list, vocabulary),
            lists,
            page_timeout: Duration::try_from_secs_f64(DEFAULT_PAGE_TIMEOUT_SECS).ok(),
        })
    }

    /// Set the per-input budget (`None`: no limit).
    pub fn with_page_timeout(mut self, limit: Option<Duration>) -> Engine {
        self.page_timeout = limit;
        self
    }

    /// Scan one page. Pure: the same bytes always give the same record.
    pub fn scan(&self, page: &Page) -> Record {
        self.scan_with_attachments(page, &[])
    }

    /// Scan a page together with the text of its attachments; mentions found only in an
    /// attachment say so (`Mention::attachment`), and skipped attachments are listed.
    pub fn scan_with_attachments(&self, page: &Page, attachments: &[AttachmentText]) -> Record {
        match self.scan_within_budget(page, attachments) {
            Ok(record) => record,
            Err(error) => Record {
                final_url: page.final_url.clone(),
                fetched_at: page.fetched_at.clone(),
                sha256: sha256_hex(&page.bytes),
                ..failed_record(&page.source, &error)
            },
        }
    }

    fn scan_within_budget(
        &self,
        page: &Page,
        attachments: &[AttachmentText],
    ) -> Result<Record, String> {
        let deadline = Deadline {
            started: Instant::now(),
            limit: self.page_timeout,
        };
        let decoded = decode::decode(&page.bytes, page.header_charset.as_deref());
        deadline.check("decoding")?;
        let notice = parse::parse(&decoded.text);
        deadline.check("parsing")?;
        // A product word inside a party's name (北京智谱华章科技有限公司) is that party, not a product.
        let names: Vec<&str> = [&notice.buyer, &notice.agency]
            .into_iter()
            .flatten()
            .chain(notice.suppliers.iter().chain(&notice.candidates))
            .map(String::as_str)
            .collect();
        let mut mentions = self.detector.detect_with_names(&notice.text, &names);
        deadline.check("product detection")?;
        for att in attachments {
            let Some(text) = &att.text else { continue };
            for mut m in self.detector.detect_with_names(text, &names) {
                if !mentions.iter().any(|seen| seen.name == m.name) {
                    m.attachment = Some(format!("{} ({})", att.name, att.url));
                    mentions.push(m);
                }
            }
            deadline.check("attachment detection")?;
        }
        let mut hits = self.matcher.screen_notice(&notice);
        deadline.check("watchlist matching")?;
        self.stamp(&mut hits);
        let mut assessment = assess::assess(&mentions, &hits);
        assessment.reasons.extend(notice.notes.iter().cloned());
        Ok(Record {
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
            candidates: notice.candidates,
            mentions,
            hits,
            alert: assessment.alert,
            reasons: assessment.reasons,
            attachments: attachments
                .iter()
                .map(|a| Attachment {
                    name: a.name.clone(),
                    url: a.url.clone(),
                    status: if a.text.is_some() {
                        "scanned"
                    } else {
                        "skipped"
                    }
                    .to_string(),
                    reason: a.skipped.clone(),
                })
                .collect(),
            screened_against: self.lists.clone(),
            ..Record::default()
        })
    }

    /// Set each hit's `as_of` to the version of its list that is loaded.
    fn stamp(&self, hits: &mut [Hit]) {
        if hits.is_empty() {
            return;
        }
        let as_of = watchlist::version::as_of_by_list(&self.lists);
        for h in hits {
            if let Some(d) = as_of.get(&h.list) {
                h.as_of = d.clone();
            }
        }
    }

    /// Screen a stored record again against the loaded lists, without the page: the buyer,
    /// agency and suppliers are matched anew; hits in running text need the page text, which the
    /// history does not keep, so they are carried over from the stored record as they were.
    pub fn rescreen(&self, stored: &Record) -> Record {
        let notice = Notice {
            title: stored.title.clone(),
            notice_type: stored.notice_type,
            published: stored.published.clone(),
            project_id: stored.project_id.clone(),
            buyer: stored.buyer.clone(),
            agency: stored.agency.clone(),
            budget: stored.budget.clone(),
            award: stored.award.clone(),
            suppliers: stored.suppliers.clone(),
            ..Notice::default()
        };
        let mut hits = self.matcher.screen_notice(&notice);
        self.stamp(&mut hits);
        for old in stored
            .hits
            .iter()
            .filter(|h| h.role == crate::model::Role::Text)
        {
            if !hits
                .iter()
                .any(|h| h.list == old.list && h.list_id == old.list_id)
            {
                let mut carried = old.clone();
                carried.reviewed = None;
                hits.push(carried);
            }
        }
        let assessment = assess::assess(&stored.mentions, &hits);
        Record {
            hits,
            alert: assessment.alert,
            reasons: assessment.reasons,
            screened_against: self.lists.clone(),
            status: None,
            ..stored.clone()
        }
    }
}

/// The extracted text of one attachment (or why it was skipped).
#[derive(Debug, Clone, Default)]
pub struct AttachmentText {
    /// File name as linked.
    pub name: String,
    /// Absolute URL.
    pub url: String,
    /// Extracted text; `None` when skipped.
    pub text: Option<String>,
    /// Why it was skipped.
    pub skipped: Option<String>,
}

/// Lower-case hex sha256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A record for an input that produced no page.
pub fn failed_record(source: &str, error: &str) -> Record {
    Record {
        source: source.to_string(),
        error: Some(error.to_string()),
        ..Record::default()
    }
}
