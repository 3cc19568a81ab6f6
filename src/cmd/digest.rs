//! The `--fail-on` digest: a few lines on stderr when the threshold is met, so that cron (which
//! mails only what a job prints) mails the alerts even with `-q`.
use crate::model::{Alert, Record};

/// Most notices listed one per line; the rest are counted.
pub const MAX_LINES: usize = 50;

/// Notices at or above a level, collected while a run reports them.
#[derive(Debug)]
pub struct Digest {
    level: Alert,
    lines: Vec<(Alert, String)>,
    more: usize,
}

impl Digest {
    /// Collect notices at or above `level`.
    pub fn new(level: Alert) -> Digest {
        Digest {
            level,
            lines: Vec::new(),
            more: 0,
        }
    }

    /// Note one reported record (failed inputs are not alerts).
    pub fn note(&mut self, record: &Record) {
        if record.error.is_some() || record.alert < self.level || record.alert == Alert::None {
            return;
        }
        if self.lines.len() < MAX_LINES {
            self.lines.push((record.alert, line(record)));
        } else {
            self.more += 1;
        }
    }

    /// The digest text, or `None` when no notice reached the level. `by_level` counts reported
    /// notices per alert (`[none, low, medium, high]`).
    pub fn render(&self, by_level: &[usize; 4]) -> Option<String> {
        let total = self.lines.len() + self.more;
        if total == 0 {
            return None;
        }
        let mut out = format!(
            "tenderscan: {total} {} at or above {} (high {}, medium {}, low {})\n",
            if total == 1 { "notice" } else { "notices" },
            self.level.as_str(),
            by_level[3],
            by_level[2],
            by_level[1]
        );
        // Worst first, then in report order.
        let mut lines: Vec<&(Alert, String)> = self.lines.iter().collect();
        lines.sort_by_key(|(alert, _)| std::cmp::Reverse(*alert));
        for (_, text) in lines {
            out.push_str(text);
            out.push('\n');
        }
        if self.more > 0 {
            out.push_str(&format!("… and {} more (see the report)\n", self.more));
        }
        Some(out)
    }
}

/// `alert | published | buyer | title | listed names | source` on one line.
fn line(r: &Record) -> String {
    // One entry per entity and list, the list named: the same entity on two lists is not a
    // duplicate.
    let mut listed: Vec<String> = Vec::new();
    for h in &r.hits {
        let entry = format!("{} [{}]", h.listed_name, h.list_short());
        if !listed.contains(&entry) {
            listed.push(entry);
        }
    }
    let field = |s: &Option<String>| one_line(s.as_deref().unwrap_or("-"));
    format!(
        "{:<6} | {} | {} | {} | {} | {}",
        r.alert.as_str(),
        field(&r.published),
        field(&r.buyer),
        field(&r.title),
        if listed.is_empty() {
            "-".to_owned()
        } else {
            one_line(&listed.join("; "))
        },
        one_line(&r.source)
    )
}

/// Page text may hold newlines or terminal escapes: keep a digest line one plain line.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Hit, Method, Role};

    fn record(alert: Alert, title: &str) -> Record {
        Record {
            alert,
            title: Some(title.into()),
            buyer: Some("四川大学".into()),
            published: Some("2025-06-27".into()),
            source: "fixtures/a.html".into(),
            ..Record::default()
        }
    }

    #[test]
    fn lists_notices_at_or_above_the_level_worst_first() {
        let mut d = Digest::new(Alert::Medium);
        d.note(&record(Alert::Low, "low one"));
        d.note(&record(Alert::Medium, "medium\none"));
        let mut high = record(Alert::High, "high one");
        high.hits.push(Hit {
            name: "四川大学".into(),
            role: Role::Buyer,
            listed_name: "Sichuan University".into(),
            list: "Entity List".into(),
            list_id: String::new(),
            method: Method::Alias,
            score: 1.0,
            matched_alias: String::new(),
            citation: String::new(),
            as_of: String::new(),
            reviewed: None,
            list_kind: Default::default(),
        });
        d.note(&high);
        let text = d.render(&[0, 1, 1, 1]).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "tenderscan: 2 notices at or above medium (high 1, medium 1, low 1)",
                "high   | 2025-06-27 | 四川大学 | high one | Sichuan University [Entity List] | fixtures/a.html",
                "medium | 2025-06-27 | 四川大学 | medium one | - | fixtures/a.html",
            ]
        );
    }

    #[test]
    fn nothing_at_the_level_renders_nothing() {
        let mut d = Digest::new(Alert::High);
        d.note(&record(Alert::Medium, "m"));
        assert_eq!(d.render(&[0, 0, 1, 0]), None);
    }
}
