//! Open Contracting Data Standard 1.1 output: one release per notice, in a release package
//! (`-f ocds`) or one release per line (`-f ocds-jsonl`). Mapping table: README "OCDS output".
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::model::{NoticeType, Record};

/// The ocid prefix used when none is given: deliberately not of the registered `ocds-xxxxxx`
/// form, so that nobody mistakes it for a prefix assigned by the Open Contracting Partnership.
pub const DEFAULT_OCID_PREFIX: &str = "tenderscan-unregistered";

/// The OCDS schema version the output follows (`major.minor`, as the package's `version`).
pub const OCDS_VERSION: &str = "1.1";

/// Name of the extension object each release carries with the screening findings.
pub const EXTENSION_KEY: &str = "tenderscan";

/// Check an ocid prefix: ASCII letters, digits and inner hyphens only (the ocid is used in URIs
/// and file names), and a registered-looking `ocds-` prefix must be `ocds-` + 6 of `[a-z0-9]`.
/// One trailing hyphen is accepted and dropped.
pub fn parse_ocid_prefix(raw: &str) -> Result<String, String> {
    let prefix = raw.strip_suffix('-').unwrap_or(raw);
    if prefix.is_empty() {
        return Err("the ocid prefix is empty".into());
    }
    if let Some(bad) = prefix
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
    {
        return Err(format!(
            "`{raw}`: the ocid prefix may hold only ASCII letters, digits and hyphens, not {bad:?}"
        ));
    }
    if prefix.starts_with('-') || prefix.contains("--") {
        return Err(format!(
            "`{raw}`: the ocid prefix may not start with or repeat a hyphen"
        ));
    }
    if let Some(code) = prefix.strip_prefix("ocds-") {
        let ok = code.len() == 6
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !ok {
            return Err(format!(
                "`{raw}`: a registered ocid prefix is `ocds-` followed by 6 lower-case letters or digits"
            ));
        }
    }
    Ok(prefix.to_string())
}

/// The ocid of a notice: prefix, hyphen, project number (or the page's sha256 when none).
pub fn ocid(prefix: &str, record: &Record) -> String {
    let id = record
        .project_id
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .unwrap_or(&record.sha256);
    format!("{prefix}-{id}")
}

/// The release tag of a notice type (closed `releaseTag` codelist).
pub fn tag(t: NoticeType) -> &'static str {
    match t {
        NoticeType::Intent => "planning",
        NoticeType::Tender
        | NoticeType::SingleSource
        | NoticeType::Candidates
        | NoticeType::News
        | NoticeType::Other => "tender",
        NoticeType::Correction => "tenderAmendment",
        NoticeType::Termination => "tenderCancellation",
        NoticeType::Award => "award",
    }
}

/// `YYYY-MM-DD` → midnight UTC; an RFC 3339 time is kept as is.
fn date_time(d: &str) -> Option<String> {
    if d.len() == 10 && d.parse::<jiff::civil::Date>().is_ok() {
        Some(format!("{d}T00:00:00Z"))
    } else if d.parse::<jiff::Timestamp>().is_ok() {
        Some(d.to_string())
    } else {
        None
    }
}

/// A stable party id: the same organisation name always gets the same id.
fn party_id(name: &str) -> String {
    format!("org-{}", hex::encode(&Sha256::digest(name.as_bytes())[..6]))
}

fn org_ref(name: &str) -> Value {
    json!({ "id": party_id(name), "name": name })
}

fn value(m: &crate::model::Money) -> Value {
    json!({ "amount": m.amount, "currency": m.currency })
}

/// Parties with their roles, one entry per distinct name, in first-seen order (indexed by name,
/// so a 100,000-row supplier table stays linear).
#[derive(Default)]
struct Parties {
    list: Vec<(String, Vec<&'static str>)>,
    index: std::collections::HashMap<String, usize>,
}

impl Parties {
    fn add(&mut self, name: &str, role: &'static str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        match self.index.get(name) {
            Some(&i) => {
                let roles = &mut self.list[i].1;
                if !roles.contains(&role) {
                    roles.push(role);
                }
            }
            None => {
                self.index.insert(name.to_string(), self.list.len());
                self.list.push((name.to_string(), vec![role]));
            }
        }
    }

    fn into_json(self) -> Value {
        Value::Array(
            self.list
                .into_iter()
                .map(|(name, roles)| json!({ "id": party_id(&name), "name": name, "roles": roles }))
                .collect(),
        )
    }
}

/// One OCDS release for a notice. `fallback_date` (RFC 3339) is used when the notice has no
/// publication date and no fetch time.
pub fn release(record: &Record, prefix: &str, fallback_date: &str) -> Value {
    let ocid = ocid(prefix, record);
    let date = record
        .published
        .as_deref()
        .and_then(date_time)
        .or_else(|| record.fetched_at.as_deref().and_then(date_time))
        .unwrap_or_else(|| fallback_date.to_string());
    let mut parties = Parties::default();
    if let Some(b) = &record.buyer {
        parties.add(b, "buyer");
    }
    if let Some(a) = &record.agency {
        parties.add(a, "procuringEntity");
    }
    for s in &record.suppliers {
        parties.add(s, "supplier");
    }
    // Candidates (中标候选人) bid but have not won: OCDS role `tenderer`, listed in tender.tenderers.
    for c in &record.candidates {
        parties.add(c, "tenderer");
    }

    let mut tender = Map::new();
    tender.insert("id".into(), json!(format!("{ocid}-tender")));
    if let Some(t) = &record.title {
        tender.insert("title".into(), json!(t));
    }
    if let Some(b) = &record.budget {
        tender.insert("value".into(), value(b));
    }
    if let Some(a) = record.agency.as_deref().filter(|a| !a.trim().is_empty()) {
        tender.insert("procuringEntity".into(), org_ref(a.trim()));
    }
    let tenderers: Vec<Value> = record
        .candidates
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(org_ref)
        .collect();
    if !tenderers.is_empty() {
        tender.insert("numberOfTenderers".into(), json!(tenderers.len()));
        tender.insert("tenderers".into(), Value::Array(tenderers));
    }
    match record.notice_type {
        NoticeType::SingleSource => {
            tender.insert("procurementMethod".into(), json!("limited"));
        }
        NoticeType::Termination => {
            tender.insert("status".into(), json!("cancelled"));
        }
        _ => {}
    }
    let url = record
        .final_url
        .clone()
        .unwrap_or_else(|| record.source.clone());
    let mut document = Map::new();
    document.insert("id".into(), json!(record.sha256));
    document.insert(
        "documentType".into(),
        json!(if record.notice_type == NoticeType::Award {
            "awardNotice"
        } else {
            "tenderNotice"
        }),
    );
    if let Some(t) = &record.title {
        document.insert("title".into(), json!(t));
    }
    // `url` is format "uri" in the schema: a local path is not one, so it goes in the description.
    if url::Url::parse(&url).is_ok() {
        document.insert("url".into(), json!(url));
    } else {
        document.insert("description".into(), json!(format!("saved page: {url}")));
    }
    if let Some(d) = record.published.as_deref().and_then(date_time) {
        document.insert("datePublished".into(), json!(d));
    }
    document.insert("format".into(), json!("text/html"));
    tender.insert("documents".into(), json!([Value::Object(document)]));

    let mut release = Map::new();
    release.insert("ocid".into(), json!(ocid));
    release.insert("id".into(), json!(format!("{ocid}-{}", record.sha256)));
    release.insert("date".into(), json!(date));
    release.insert("tag".into(), json!([tag(record.notice_type)]));
    release.insert("initiationType".into(), json!("tender"));
    if let Some(b) = record.buyer.as_deref().filter(|b| !b.trim().is_empty()) {
        release.insert("buyer".into(), org_ref(b.trim()));
    }
    release.insert("parties".into(), parties.into_json());
    release.insert("tender".into(), Value::Object(tender));
    if record.notice_type == NoticeType::Award || record.award.is_some() {
        let mut award = Map::new();
        award.insert("id".into(), json!(format!("{ocid}-award")));
        if let Some(a) = &record.award {
            award.insert("value".into(), value(a));
        }
        let suppliers: Vec<Value> = record
            .suppliers
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(org_ref)
            .collect();
        if !suppliers.is_empty() {
            award.insert("suppliers".into(), Value::Array(suppliers));
        }
        if record.notice_type == NoticeType::Termination {
            award.insert("status".into(), json!("cancelled"));
        }
        release.insert("awards".into(), json!([Value::Object(award)]));
    }
    release.insert(EXTENSION_KEY.into(), extension(record));
    Value::Object(release)
}

/// The screening findings, which have no place in core OCDS (README "OCDS output").
fn extension(record: &Record) -> Value {
    json!({
        "alert": record.alert.as_str(),
        "reasons": record.reasons,
        "mentions": record.mentions,
        "hits": record.hits,
        "screenedAgainst": record.screened_against,
        "noticeType": record.notice_type.as_str(),
        "source": record.source,
        "sha256": record.sha256,
        "encoding": record.encoding,
        "status": record.status,
    })
}

/// The package metadata written before the releases: everything but `releases`.
pub fn package_head(prefix: &str, published: &str) -> Value {
    json!({
        "uri": format!("urn:tenderscan:{prefix}:{}", published.replace(':', "")),
        "version": OCDS_VERSION,
        "publishedDate": published,
        "publisher": { "name": "tenderscan" },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;

    fn record() -> Record {
        Record {
            source: "http://www.ccgp.gov.cn/a.htm".into(),
            sha256: "ab".repeat(32),
            notice_type: NoticeType::Award,
            title: Some("GPU服务器采购中标公告".into()),
            published: Some("2024-01-05".into()),
            project_id: Some("SCZB-2024-001".into()),
            buyer: Some("四川大学".into()),
            agency: Some("四川某招标代理有限公司".into()),
            award: Some(Money {
                amount: 398000.0,
                currency: "CNY".into(),
            }),
            suppliers: vec!["北京某科技有限公司".into(), "四川大学".into()],
            ..Record::default()
        }
    }

    #[test]
    fn prefixes_the_standard_forbids_are_refused() {
        assert_eq!(parse_ocid_prefix("ocds-213czf").unwrap(), "ocds-213czf");
        assert_eq!(parse_ocid_prefix("ocds-213czf-").unwrap(), "ocds-213czf");
        assert_eq!(parse_ocid_prefix("my-org").unwrap(), "my-org");
        assert!(parse_ocid_prefix("ocds-213CZF").is_err());
        assert!(parse_ocid_prefix("ocds-21").is_err());
        assert!(parse_ocid_prefix("my org").is_err());
        assert!(parse_ocid_prefix("采购").is_err());
        assert!(parse_ocid_prefix("a/b").is_err());
        assert!(parse_ocid_prefix("").is_err());
        assert!(parse_ocid_prefix("-x").is_err());
    }

    #[test]
    fn ocid_uses_project_number_else_sha256() {
        let mut r = record();
        assert_eq!(ocid("ocds-213czf", &r), "ocds-213czf-SCZB-2024-001");
        r.project_id = None;
        assert_eq!(ocid("p", &r), format!("p-{}", "ab".repeat(32)));
    }

    #[test]
    fn a_party_in_two_roles_is_one_party() {
        let r = release(&record(), "p", "2026-01-01T00:00:00Z");
        let parties = r["parties"].as_array().unwrap();
        assert_eq!(parties.len(), 3);
        assert_eq!(parties[0]["name"], "四川大学");
        assert_eq!(parties[0]["roles"], json!(["buyer", "supplier"]));
        assert_eq!(parties[1]["roles"], json!(["procuringEntity"]));
        assert_eq!(r["tag"], json!(["award"]));
        assert_eq!(r["date"], "2024-01-05T00:00:00Z");
        assert_eq!(r["awards"][0]["value"]["amount"], json!(398000.0));
        assert_eq!(r["awards"][0]["suppliers"][0]["id"], parties[2]["id"]);
        assert_eq!(r["buyer"]["id"], parties[0]["id"]);
        assert_eq!(
            r["tender"]["documents"][0]["documentType"],
            json!("awardNotice")
        );
    }

    #[test]
    fn tags_follow_the_notice_type() {
        assert_eq!(tag(NoticeType::Correction), "tenderAmendment");
        assert_eq!(tag(NoticeType::Termination), "tenderCancellation");
        assert_eq!(tag(NoticeType::Intent), "planning");
    }
}
