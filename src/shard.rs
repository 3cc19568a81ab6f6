//! `--shard I/N`: a stable, deterministic 1/N of the inputs, chosen by a hash of each input.
use sha2::{Digest, Sha256};

/// Shard `index` of `count` (0-based, as Kubernetes' JOB_COMPLETION_INDEX and AWS Batch's
/// AWS_BATCH_JOB_ARRAY_INDEX are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, `0..count`.
    pub index: u64,
    /// Number of shards, at least 1.
    pub count: u64,
}

impl Shard {
    /// Parse `I/N` with `0 <= I < N`.
    pub fn parse(spec: &str) -> Result<Shard, String> {
        let (i, n) = spec
            .trim()
            .split_once('/')
            .ok_or_else(|| format!("{spec}: expected I/N, e.g. 0/4 (I counts from 0)"))?;
        let index: u64 = i
            .trim()
            .parse()
            .map_err(|_| format!("{spec}: I must be a whole number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("{spec}: N must be a whole number"))?;
        if count == 0 {
            return Err(format!("{spec}: N must be at least 1"));
        }
        if index >= count {
            return Err(format!(
                "{spec}: I must be below N (shards are 0..{}, counted from 0)",
                count - 1
            ));
        }
        Ok(Shard { index, count })
    }

    /// True if this shard takes the input: the first 8 bytes of sha256(input) modulo N, so the
    /// choice is the same on every machine and does not depend on the input's position.
    pub fn takes(&self, input: &str) -> bool {
        let digest = Sha256::digest(input.trim().as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first) % self.count == self.index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(Shard::parse("2/7"), Ok(Shard { index: 2, count: 7 }));
        assert_eq!(Shard::parse("0/1"), Ok(Shard { index: 0, count: 1 }));
        assert!(Shard::parse("3/2").is_err_and(|e| e.contains("below N")));
        assert!(Shard::parse("2/2").is_err());
        assert!(Shard::parse("0/0").is_err_and(|e| e.contains("at least 1")));
        assert!(Shard::parse("1").is_err());
        assert!(Shard::parse("-1/3").is_err());
    }

    #[test]
    fn every_input_in_exactly_one_shard_and_spread() {
        let inputs: Vec<String> = (0..700).map(|i| format!("http://x.cn/{i}.htm")).collect();
        let shards: Vec<Shard> = (0..7).map(|i| Shard { index: i, count: 7 }).collect();
        let mut sizes = [0usize; 7];
        for input in &inputs {
            let owners: Vec<_> = shards.iter().filter(|s| s.takes(input)).collect();
            assert_eq!(owners.len(), 1, "{input}");
            sizes[owners[0].index as usize] += 1;
        }
        // 100 expected per shard; a hash this size stays well within 50..150.
        assert!(sizes.iter().all(|&n| (50..150).contains(&n)), "{sizes:?}");
        // Known values (computed independently with Python's hashlib): the choice must not
        // change between versions or machines.
        assert!(Shard { index: 3, count: 7 }.takes("fixtures/trap_mri_tesla.html"));
        assert!(Shard { index: 6, count: 7 }.takes("http://www.ccgp.gov.cn/a.htm"));
    }
}
