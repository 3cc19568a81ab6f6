//! Crawling portals from their listing pages: sources and presets, listing extraction, the
//! frontier (dedupe, budget, `--since`, resumable state), and attachment text.
//!
//! The loop is deliberately sequential: portals are slow and rate-limit, the fetcher already keeps
//! one request in flight per host, and ordering notices before the next listing page keeps the
//! saved state small and the `--since` stop rule exact.
pub mod attachment;
pub mod frontier;
pub mod listing;
pub mod source;

use std::path::PathBuf;

use jiff::civil::Date;
use url::Url;

use crate::fetch::{Fetcher, UrlOrigin};
use crate::model::{Page, Record};
use crate::pipeline::{AttachmentText, Engine, failed_record};
use attachment::Limits;
use frontier::{Frontier, ListingTask, NoticeTask, OutOfScope, Refusal, Scope, State};
use listing::Rules;
use source::{Params, Source};

/// A checked crawl configuration.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The portal source.
    pub source: Source,
    /// Values for the URL template.
    pub params: Params,
    /// Notices the listing dates before this are not fetched; paging stops at such pages.
    pub since: Option<Date>,
    /// Notices the listing dates after this are not fetched.
    pub until: Option<Date>,
    /// Most listing + notice pages fetched in this run.
    pub max_pages: u32,
    /// Where the resumable state lives.
    pub state_path: PathBuf,
    /// Read attachments.
    pub attachments: bool,
    /// Attachment limits.
    pub limits: Limits,
}

impl Plan {
    /// The key of this crawl's state: the source, its keyword and start URLs (a state saved for
    /// another keyword or portal is not resumed).
    pub fn state_key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.source.name,
            self.params.kw.as_deref().unwrap_or(""),
            self.source.start_urls.join(" ")
        )
    }
}

/// How a crawl ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Listing pages fetched in this run.
    pub listing_pages: u32,
    /// Notices fetched in this run.
    pub notices: u32,
    /// Attachments fetched.
    pub attachments: u32,
    /// Links not followed because they lead off the allowed hosts.
    pub off_site: u32,
    /// Links refused because they point at another loopback/private address.
    pub refused: u32,
    /// Notices not fetched because the listing dates them outside `--since`/`--until`.
    pub out_of_dates: u32,
    /// True when everything was fetched; false when the budget or Ctrl-C stopped the crawl.
    pub complete: bool,
}

/// Crawl the plan's source with `fetcher`, scanning every notice with `engine` and handing each
/// record to `emit`. State is saved after every listing page and at the end.
pub async fn crawl(
    plan: &Plan,
    fetcher: &Fetcher,
    engine: &Engine,
    emit: &mut dyn FnMut(Record) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let rules = Rules::from_source(&plan.source)?;
    let first = plan.source.listing_url(0, &plan.params)?;
    let mut starts = plan.source.start_urls.clone();
    starts.extend(first.clone());
    let scope = Scope::new(
        &plan.source.allowed_hosts,
        &starts,
        &plan.source.attachment_hosts,
    );
    for (host, port) in scope.exact_origins() {
        fetcher.allow_origin(&host, port);
    }
    let key = plan.state_key();
    let resumed = State::load(&plan.state_path, &key)?;
    let fresh = resumed.is_none();
    let mut frontier = Frontier::new(
        resumed.unwrap_or_else(|| State {
            key,
            ..State::default()
        }),
        scope,
        plan.since,
        plan.until,
        plan.max_pages,
    );
    if fresh {
        for (i, url) in plan.source.start_urls.iter().enumerate() {
            frontier.push_listing(i as u32, url, false);
        }
        if plan.source.start_urls.is_empty()
            && let Some(url) = &first
        {
            frontier.push_listing(0, url, false);
        }
    } else {
        tracing::info!(
            "resuming from {}: {} and {} queued",
            plan.state_path.display(),
            crate::plural::count(
                frontier.state.listings.len(),
                "listing page",
                "listing pages"
            ),
            crate::plural::count(frontier.state.notices.len(), "notice", "notices")
        );
    }
    let mut out = Outcome::default();
    let mut budget_hit = false;
    loop {
        if crate::signal::interrupted() {
            break;
        }
        if let Some(task) = frontier.state.notices.pop_front() {
            if !frontier.spend() {
                frontier.state.notices.push_front(task);
                budget_hit = true;
                break;
            }
            out.notices += 1;
            let record = notice(plan, fetcher, engine, frontier.scope(), &task, &mut out).await;
            if let Some(record) = record {
                emit(record)?;
            }
        } else if let Some(task) = frontier.state.listings.pop_front() {
            if frontier.state.paging_done || frontier.state.listing_pages >= plan.source.page_limit
            {
                tracing::info!("listing page limit ({}) reached", plan.source.page_limit);
                frontier.state.paging_done = true;
                frontier.state.listings.clear();
                continue;
            }
            if !frontier.spend() {
                frontier.state.listings.push_front(task);
                budget_hit = true;
                break;
            }
            frontier.state.listing_pages += 1;
            out.listing_pages += 1;
            listing_page(plan, fetcher, &rules, &mut frontier, &task, &mut out, emit).await?;
            frontier.state.save(&plan.state_path)?;
        } else {
            out.complete = true;
            break;
        }
    }
    if out.complete {
        match std::fs::remove_file(&plan.state_path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(
                "could not remove finished crawl state {}: {e}",
                plan.state_path.display()
            ),
        }
    } else {
        frontier.state.save(&plan.state_path)?;
        let why = if budget_hit {
            format!("--max-pages {} reached", plan.max_pages)
        } else {
            "interrupted".to_string()
        };
        tracing::warn!(
            "{why}: {} and {} left; state saved to {} (run the same command again to continue)",
            crate::plural::count(
                frontier.state.listings.len(),
                "listing page",
                "listing pages"
            ),
            crate::plural::count(frontier.state.notices.len(), "notice", "notices"),
            plan.state_path.display()
        );
    }
    tracing::info!(
        "crawl: {}, {}, {} fetched; {} off-site links, {} refused, {} outside the dates",
        crate::plural::count(out.listing_pages as usize, "listing page", "listing pages"),
        crate::plural::count(out.notices as usize, "notice", "notices"),
        crate::plural::count(out.attachments as usize, "attachment", "attachments"),
        out.off_site,
        out.refused,
        out.out_of_dates
    );
    Ok(out)
}

/// Fetch and read one listing page, queueing its notices and (unless the stop rule says so) the
/// next listing page.
async fn listing_page(
    plan: &Plan,
    fetcher: &Fetcher,
    rules: &Rules,
    frontier: &mut Frontier,
    task: &ListingTask,
    out: &mut Outcome,
    emit: &mut dyn FnMut(Record) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let origin = if task.from_page {
        UrlOrigin::Page
    } else {
        UrlOrigin::User
    };
    let page = match fetcher.get(&task.url, origin).await {
        Ok(p) => p,
        Err(f) => {
            emit(failed_record(
                &f.url,
                &format!("listing page: {}", f.message),
            ))?;
            return Ok(());
        }
    };
    let base = page_url(&page, &task.url);
    let text = crate::decode::decode(&page.bytes, page.header_charset.as_deref()).text;
    let found = listing::extract(&text, &base, rules);
    if found.entries.is_empty() {
        // Past the last template page an empty list is normal; anywhere else the selector missed.
        if task.index == 0 || task.from_page {
            tracing::warn!(
                "{}: no notice links matched `{}` (the portal's layout may have changed)",
                task.url,
                rules.item_css()
            );
        } else {
            tracing::info!("{}: no notices listed; end of the listing", task.url);
        }
        return Ok(());
    }
    let dates: Vec<Option<Date>> = found.entries.iter().map(|e| e.date).collect();
    for entry in &found.entries {
        match frontier.offer_notice(&entry.url, &entry.title, entry.date) {
            Ok(()) => {}
            Err(Refusal::OutOfScope(OutOfScope::Internal)) => {
                out.refused += 1;
                tracing::warn!(
                    "refused {}: another loopback/private address than the portal's",
                    entry.url
                );
            }
            Err(Refusal::OutOfScope(OutOfScope::OffSite)) => {
                out.off_site += 1;
                tracing::debug!("not followed (off-site): {}", entry.url);
            }
            Err(Refusal::BeforeSince | Refusal::AfterUntil) => out.out_of_dates += 1,
            Err(Refusal::Duplicate | Refusal::BadUrl) => {}
        }
    }
    if frontier.all_before_since(&dates) {
        tracing::info!(
            "{}: every notice is older than --since; paging stops",
            task.url
        );
        frontier.state.paging_done = true;
        return Ok(());
    }
    let next_index = task.index.saturating_add(1);
    if plan.source.url_template.is_some() {
        if next_index as usize >= plan.source.start_urls.len()
            && let Some(url) = plan.source.listing_url(next_index, &plan.params)?
        {
            frontier.push_listing(next_index, &url, false);
        }
    } else if let Some(next) = &found.next {
        match Url::parse(next).map(|u| frontier.scope().check_page(&u)) {
            Ok(Ok(())) => {
                frontier.push_listing(next_index, next, true);
            }
            _ => tracing::info!("next-page link {next} leaves the allowed hosts; not followed"),
        }
    }
    Ok(())
}

fn page_url(page: &Page, requested: &str) -> Url {
    page.final_url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .or_else(|| Url::parse(requested).ok())
        .unwrap_or_else(|| {
            Url::parse("http://invalid.invalid/")
                .unwrap_or_else(|_| unreachable!("constant URL parses"))
        })
}

/// Fetch one notice and its attachments and scan them. None when the notice turns out to be
/// published before `--since` (the listing gave no date).
async fn notice(
    plan: &Plan,
    fetcher: &Fetcher,
    engine: &Engine,
    scope: &Scope,
    task: &NoticeTask,
    out: &mut Outcome,
) -> Option<Record> {
    let page = match fetcher.get(&task.url, UrlOrigin::Page).await {
        Ok(p) => p,
        Err(f) => return Some(failed_record(&f.url, &f.message)),
    };
    let mut texts = Vec::new();
    if plan.attachments {
        let base = page_url(&page, &task.url);
        let html = crate::decode::decode(&page.bytes, page.header_charset.as_deref()).text;
        let links = listing::attachment_links(&html, &base, &plan.source.attachment_extensions);
        if links.len() > plan.source.max_attachments {
            tracing::info!(
                "{}: {} attachments, reading the first {}",
                task.url,
                links.len(),
                plan.source.max_attachments
            );
        }
        for link in links.into_iter().take(plan.source.max_attachments) {
            texts.push(read_attachment(plan, fetcher, scope, link, out).await);
        }
    }
    let mut record = engine.scan_with_attachments(&page, &texts);
    if record.title.is_none() && !task.title.is_empty() {
        record.title = Some(task.title.clone());
    }
    if task.listed.is_none()
        && let (Some(since), Some(published)) = (
            plan.since,
            record
                .published
                .as_deref()
                .and_then(|p| p.parse::<Date>().ok()),
        )
        && published < since
    {
        tracing::debug!(
            "{}: published {published}, before --since; not reported",
            task.url
        );
        return None;
    }
    Some(record)
}

async fn read_attachment(
    plan: &Plan,
    fetcher: &Fetcher,
    scope: &Scope,
    link: listing::AttachmentLink,
    out: &mut Outcome,
) -> AttachmentText {
    let mut att = AttachmentText {
        name: link.name.clone(),
        url: link.url.clone(),
        text: None,
        skipped: None,
    };
    let parsed = Url::parse(&link.url);
    match parsed.as_ref().map(|u| scope.check_attachment(u)) {
        Ok(Ok(())) => {}
        Ok(Err(OutOfScope::Internal)) => {
            att.skipped =
                Some("refused: another loopback/private address than the portal's".into());
            return att;
        }
        _ => {
            att.skipped = Some("not fetched: host not in allowed_hosts/attachment_hosts".into());
            return att;
        }
    }
    if attachment::Kind::from_name(&link.name) == Some(attachment::Kind::Pdf)
        && !attachment::pdftotext_available(&plan.limits.pdftotext)
    {
        // Do not download what cannot be read.
        att.skipped = Some(attachment::Skip::NoPdfToText.to_string());
        return att;
    }
    out.attachments += 1;
    let page = match fetcher.get(&link.url, UrlOrigin::Page).await {
        Ok(p) => p,
        Err(f) => {
            att.skipped = Some(format!("fetch failed: {}", f.message));
            return att;
        }
    };
    match attachment::extract_text(&link.name, &page.bytes, &plan.limits) {
        Ok(text) => att.text = Some(text),
        Err(skip) => {
            tracing::warn!("{} ({}): skipped: {skip}", link.name, link.url);
            att.skipped = Some(skip.to_string());
        }
    }
    att
}
