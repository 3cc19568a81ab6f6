//! Organisation names against watchlist entries.
use crate::model::{Hit, Notice, Role};
use crate::watchlist::Watchlist;

/// An index over a watchlist, ready to screen names.
pub struct Matcher {
    watchlist: Watchlist,
}

impl Matcher {
    /// Build the index.
    pub fn new(watchlist: Watchlist) -> Self {
        Matcher { watchlist }
    }

    /// Number of entries indexed.
    pub fn len(&self) -> usize {
        self.watchlist.entries.len()
    }

    /// True if no entries are loaded.
    pub fn is_empty(&self) -> bool {
        self.watchlist.entries.is_empty()
    }

    /// Hits for one name, best first.
    pub fn screen(&self, name: &str, role: Role) -> Vec<Hit> {
        let _ = (name, role);
        Vec::new()
    }

    /// Hits for the buyer, agency and suppliers of a notice.
    pub fn screen_notice(&self, notice: &Notice) -> Vec<Hit> {
        let mut hits = Vec::new();
        if let Some(b) = &notice.buyer {
            hits.extend(self.screen(b, Role::Buyer));
        }
        if let Some(a) = &notice.agency {
            hits.extend(self.screen(a, Role::Agency));
        }
        for s in &notice.suppliers {
            hits.extend(self.screen(s, Role::Supplier));
        }
        hits
    }
}
