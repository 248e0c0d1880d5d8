//! Packed content: every bundle language round-trips, and damaged bytes never panic.
//! Bytes that still unpack must be safe for the rest of the engine: scoring any
//! answers and running the quiz's share codes on them cannot panic either.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use levels_engine::{
    decode_link, encode_link, load_str, pack, score, unpack, Answers, Content, DEFAULT_CONTENT,
    PACK_HEADER,
};
use proptest::prelude::*;

static CONTENT: LazyLock<Content> = LazyLock::new(|| load_str(DEFAULT_CONTENT).unwrap());
static PACKED: LazyLock<Vec<u8>> = LazyLock::new(|| pack(&CONTENT));

#[test]
fn every_content_file_round_trips() {
    for entry in std::fs::read_dir("../../content").unwrap() {
        let path = entry.unwrap().path();
        let content = load_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(unpack(&pack(&content)).as_ref(), Some(&content), "{path:?}");
    }
}

/// Whatever unpacks can be scored and shared.
fn exercise(content: &Content) {
    let first: Vec<usize> = content.questions.iter().map(|_| 0).collect();
    let last: Vec<usize> = content
        .questions
        .iter()
        .map(|q| q.options.len() - 1)
        .collect();
    for chosen in [first, last] {
        if let Some(answers) = Answers::new(content, &chosen) {
            let outcome = score(content, &answers);
            let _ = outcome.report(content);
            let code = encode_link(content, &answers);
            assert_eq!(
                decode_link(content, &code).unwrap().as_slice(),
                answers.as_slice()
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn changed_bytes_never_panic(changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let mut bytes = PACKED.clone();
        for (at, value) in changes {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Some(content) = unpack(&bytes) {
            exercise(&content);
        }
    }

    #[test]
    fn random_bytes_never_panic(mut bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if bytes.len() >= PACK_HEADER.len() {
            bytes[..PACK_HEADER.len()].copy_from_slice(&PACK_HEADER);
        }
        if let Some(content) = unpack(&bytes) {
            exercise(&content);
        }
    }
}
