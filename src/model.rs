//! The typed hand-offs between pipeline stages and the output record (the output contract).
//!
//! `Page` (fetch) → `Decoded` (decode) → `Notice` (parse) → `Vec<Mention>` (detect)
//! → `Vec<Hit>` (match) → `Assessment` (assess) → `Record` (report).

use serde::{Deserialize, Serialize};

/// Raw bytes of one input, as fetched or read, plus where they came from.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The URL or path as the user gave it.
    pub source: String,
    /// URL after redirects (None for local files).
    pub final_url: Option<String>,
    /// RFC 3339 fetch time (None for local files).
    pub fetched_at: Option<String>,
    /// HTTP status, if fetched.
    pub status: Option<u16>,
    /// The `charset` parameter of the HTTP Content-Type header, if any.
    pub header_charset: Option<String>,
    /// The raw bytes.
    pub bytes: Vec<u8>,
}

/// A page decoded to UTF-8 text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded document (usually HTML).
    pub text: String,
    /// WHATWG label (lower case) of the encoding the bytes were decoded from (`utf-8`, `gbk`, `gb18030`).
    pub encoding: String,
    /// True if some byte sequences were invalid and replaced with U+FFFD.
    pub had_errors: bool,
}

/// The kind of notice, from the title, breadcrumb or body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NoticeType {
    /// 招标 / 磋商 / 谈判 / 询价 / 采购公告.
    Tender,
    /// 中标 / 成交 / 结果公告.
    Award,
    /// 采购意向.
    Intent,
    /// 更正 / 变更 / 澄清公告.
    Correction,
    /// 终止 / 废标 / 流标公告.
    Termination,
    /// 单一来源 公示.
    SingleSource,
    /// 中标候选人公示 / 成交候选人公示: candidates named, no winner yet.
    Candidates,
    /// A news article about a purchase (trade press), not a notice itself.
    News,
    /// Anything else.
    #[default]
    Other,
}

impl NoticeType {
    /// The contract string (`tender`, `award`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeType::Tender => "tender",
            NoticeType::Award => "award",
            NoticeType::Intent => "intent",
            NoticeType::Correction => "correction",
            NoticeType::Termination => "termination",
            NoticeType::SingleSource => "single_source",
            NoticeType::Candidates => "candidates",
            NoticeType::News => "news",
            NoticeType::Other => "other",
        }
    }
}

/// An amount of money in units of the currency (万元 and 亿元 already multiplied out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// Amount in units (e.g. 6687900.0 for "￥668.79 万元").
    pub amount: f64,
    /// ISO 4217 code (`CNY`, `USD`, `HKD`, `EUR`).
    pub currency: String,
}

/// Fields parsed from one notice, plus its visible text for detection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notice {
    /// Notice title.
    pub title: Option<String>,
    /// Kind of notice.
    pub notice_type: NoticeType,
    /// Publication date as `YYYY-MM-DD`.
    pub published: Option<String>,
    /// 项目编号 / 招标编号 …
    pub project_id: Option<String>,
    /// 采购人 / 采购单位 / 招标人 …
    pub buyer: Option<String>,
    /// 采购代理机构 / 代理机构 …
    pub agency: Option<String>,
    /// 预算金额 / 最高限价 …
    pub budget: Option<Money>,
    /// 中标（成交）金额 / 总中标金额 (sum over lots when several are given).
    pub award: Option<Money>,
    /// Winners / named suppliers, in page order, de-duplicated.
    pub suppliers: Vec<String>,
    /// Candidates (中标候选人 / 成交候选人), in page order, de-duplicated; never winners.
    pub candidates: Vec<String>,
    /// How fields were read when that matters to a reader ("budget corrected from … to …",
    /// "buyer inferred from the title"); passed on to the record's `reasons`.
    pub notes: Vec<String>,
    /// Visible text of the page, one block per line (scripts and styles removed).
    pub text: String,
}

/// What a mention is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A cloud provider or its China operator.
    Cloud,
    /// An AI accelerator, GPU, or an instance family / system that implies one.
    Chip,
    /// An AI model or AI platform service.
    AiService,
}

impl Category {
    /// The contract string.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Cloud => "cloud",
            Category::Chip => "chip",
            Category::AiService => "ai_service",
        }
    }
}

/// Where a product or provider comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// United States.
    Us,
    /// China (domestic to the notices scanned).
    Domestic,
    /// Anywhere else.
    Other,
}

impl Origin {
    /// The contract string.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Us => "us",
            Origin::Domestic => "domestic",
            Origin::Other => "other",
        }
    }
}

/// One recognised cloud / chip / AI-service mention in a notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Cloud, chip or AI service.
    pub category: Category,
    /// Canonical product or provider name (from `watchlists/products.csv`).
    pub name: String,
    /// Origin of the product.
    pub origin: Origin,
    /// Export-controlled for China per the product list.
    pub controlled: bool,
    /// The text as it appears on the page.
    pub text: String,
    /// A snippet around the mention.
    pub context: String,
    /// Set when the mention was found in an attachment: `name (url)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<String>,
}

/// The role an organisation name plays in a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 采购人.
    Buyer,
    /// 采购代理机构.
    Agency,
    /// Winner / supplier.
    Supplier,
    /// Found in running text.
    Text,
}

impl Role {
    /// The contract string.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Buyer => "buyer",
            Role::Agency => "agency",
            Role::Supplier => "supplier",
            Role::Text => "text",
        }
    }
}

/// How a name matched a watchlist entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Identical to the listed name.
    Exact,
    /// Identical to a listed alias (incl. the Chinese-name overlay).
    Alias,
    /// Equal after normalisation (case, punctuation, legal forms, script).
    Normalized,
    /// Similar by token scoring.
    Fuzzy,
    /// Matched through pinyin romanisation of a Chinese name.
    Pinyin,
    /// A sub-unit, campus or hospital of a listed entity.
    Affiliate,
}

impl Method {
    /// The contract string.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Alias => "alias",
            Method::Normalized => "normalized",
            Method::Fuzzy => "fuzzy",
            Method::Pinyin => "pinyin",
            Method::Affiliate => "affiliate",
        }
    }
}

/// An organisation in a notice matched against a watchlist entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The name as it appears on the page.
    pub name: String,
    /// Where in the notice the name appeared.
    pub role: Role,
    /// The entry's primary listed name.
    pub listed_name: String,
    /// The list (e.g. `Entity List (EL) - Bureau of Industry and Security`).
    pub list: String,
    /// The entry's id in its list.
    pub list_id: String,
    /// How it matched.
    pub method: Method,
    /// Match confidence 0..1.
    pub score: f64,
    /// The listed name or alias the match was made against.
    #[serde(default)]
    pub matched_alias: String,
    /// Federal Register citation(s) of the listing.
    #[serde(default)]
    pub citation: String,
    /// The `as_of` date of the list version the hit was made against (see `ListVersion`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub as_of: String,
    /// An analyst's verdict on this hit, from `--reviewed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Verdict>,
    /// What the list is for: export control, or information only (DoD 1260H / 1286).
    #[serde(default)]
    pub list_kind: ListKind,
}

impl Hit {
    /// The hit's list in a few words for cells and digests: the abbreviation in the list name's
    /// first parentheses (`EL`, `MEU`), else the name before ` - ` (`DoD Section 1286 List`),
    /// else the whole name. Two hits on one entity from two lists then read differently.
    pub fn list_short(&self) -> &str {
        let list = self.list.trim();
        list.split_once('(')
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(abbr, _)| abbr.trim())
            .filter(|abbr| !abbr.is_empty())
            .or_else(|| list.split_once(" - ").map(|(head, _)| head.trim()))
            .unwrap_or(list)
    }
}

/// An analyst's verdict on a hit (`--reviewed` file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Not the listed entity: the hit stays in the record but no longer raises the alert.
    FalsePositive,
    /// Checked and confirmed: the reasons say so.
    Confirmed,
}

impl Verdict {
    /// The contract string.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::FalsePositive => "false_positive",
            Verdict::Confirmed => "confirmed",
        }
    }
}

/// What a watchlist is for; the alert rule weighs hits by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// Restricts exports (Entity List, MEU list, and by default any list a user loads).
    #[default]
    ExportControl,
    /// Names organisations without restricting exports (DoD Section 1260H and 1286 lists).
    Informational,
}

impl ListKind {
    /// The contract string.
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::ExportControl => "export_control",
            ListKind::Informational => "informational",
        }
    }

    /// Parse the contract string (`export_control` / `informational`, also with `-` or spaces).
    pub fn parse(s: &str) -> Option<Self> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "export_control" => Some(ListKind::ExportControl),
            "informational" => Some(ListKind::Informational),
            _ => None,
        }
    }

    /// The kind of a list known by its CSL `source` name: DoD's 1260H and 1286 lists inform,
    /// everything else (EL, MEU, OFAC, …) restricts.
    pub fn of_list_name(list: &str) -> Self {
        let l = list.to_ascii_lowercase();
        if l.contains("1260h") || l.contains("1286") {
            ListKind::Informational
        } else {
            ListKind::ExportControl
        }
    }
}

/// One version of one list a notice was screened against.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListVersion {
    /// The list name, as in `Hit::list`.
    pub list: String,
    /// `export_control` or `informational`.
    pub kind: ListKind,
    /// The date the list version stands for (`YYYY-MM-DD`; see README "List versions").
    pub as_of: String,
    /// sha256 (hex) of the file the list was loaded from.
    pub sha256: String,
}

/// Alert level, ordered `None < Low < Medium < High`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Alert {
    /// Nothing US-origin or controlled.
    #[default]
    None,
    /// One signal alone.
    Low,
    /// Two product signals together, or an affiliate with a controlled chip.
    Medium,
    /// A listed entity together with a US cloud, controlled chip or US AI service.
    High,
}

impl Alert {
    /// The contract string.
    pub fn as_str(self) -> &'static str {
        match self {
            Alert::None => "none",
            Alert::Low => "low",
            Alert::Medium => "medium",
            Alert::High => "high",
        }
    }
}

/// Alert level and the plain-language reasons for it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The level.
    pub alert: Alert,
    /// Why, in plain words.
    pub reasons: Vec<String>,
}

/// One output record: one notice (or one failed input), per the DESIGN.md contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The URL or path as given.
    pub source: String,
    /// After redirects.
    pub final_url: Option<String>,
    /// RFC 3339 fetch time.
    pub fetched_at: Option<String>,
    /// sha256 of the raw bytes (hex).
    pub sha256: String,
    /// Encoding the text was decoded from.
    pub encoding: String,
    /// `tender`, `award`, …
    pub notice_type: NoticeType,
    /// Title.
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// 项目编号.
    pub project_id: Option<String>,
    /// 采购人.
    pub buyer: Option<String>,
    /// 代理机构.
    pub agency: Option<String>,
    /// Budget.
    pub budget: Option<Money>,
    /// Award amount.
    pub award: Option<Money>,
    /// Winners / suppliers.
    pub suppliers: Vec<String>,
    /// Candidates named on a 候选人公示 or in news (not winners).
    #[serde(default)]
    pub candidates: Vec<String>,
    /// Cloud / chip / AI-service mentions.
    pub mentions: Vec<Mention>,
    /// Watchlist hits.
    pub hits: Vec<Hit>,
    /// `high`, `medium`, `low`, `none`.
    pub alert: Alert,
    /// Why that level.
    pub reasons: Vec<String>,
    /// Set when the input could not be read, fetched or was blocked; fields are then empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// With `--history`: `new` or `updated` (what changed is in `reasons`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Attachments read (or skipped, with the reason) while crawling.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// The list versions the notice was screened against (empty for a failed input).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub screened_against: Vec<ListVersion>,
}

/// An attachment of a notice and what became of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    /// File name as linked.
    pub name: String,
    /// Absolute URL.
    pub url: String,
    /// `scanned` or `skipped`.
    pub status: String,
    /// Why it was skipped, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Record {
    /// True if the record has anything worth reporting without `--all`.
    pub fn has_findings(&self) -> bool {
        self.error.is_some()
            || !self.mentions.is_empty()
            || !self.hits.is_empty()
            || self.alert > Alert::None
    }
}

/// Counts for one run, for the stderr summary and the history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// Inputs scanned successfully.
    pub scanned: usize,
    /// Inputs that failed (unreadable, fetch error, blocked).
    pub failed: usize,
    /// Notices not seen before (with `--history`).
    pub new: usize,
    /// Notices whose content changed since last seen (with `--history`).
    pub updated: usize,
    /// Records written to the report.
    pub reported: usize,
    /// Reported notices per alert level: none, low, medium, high.
    pub by_level: [usize; 4],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_name_their_list_in_a_few_words() {
        let short = |list: &str| {
            Hit {
                name: String::new(),
                role: Role::Buyer,
                listed_name: String::new(),
                list: list.into(),
                list_id: String::new(),
                method: Method::Alias,
                score: 1.0,
                matched_alias: String::new(),
                citation: String::new(),
                as_of: String::new(),
                reviewed: None,
                list_kind: ListKind::default(),
            }
            .list_short()
            .to_owned()
        };
        assert_eq!(
            short("Entity List (EL) - Bureau of Industry and Security"),
            "EL"
        );
        assert_eq!(
            short("Military End User (MEU) List - Bureau of Industry and Security"),
            "MEU"
        );
        assert_eq!(
            short("DoD Section 1286 List - Department of Defense"),
            "DoD Section 1286 List"
        );
        assert_eq!(short("My suppliers"), "My suppliers");
        assert_eq!(short("Odd () list"), "Odd () list");
    }
}
