//! Compact, checked encodings of answers: share links and saved progress.
//!
//! A share link carries complete answers as `#levels-quiz=CODE`. CODE is base64url of
//! `[format][content version (LEB128)][answer count][answers, two per byte][CRC-16]`,
//! where each answer is its option index in four bits and the CRC covers the content
//! id and every byte before it. So a link survives a change of language (same ids,
//! same version) but not a change of questions, and a damaged link is never misread.

use std::fmt;

use crate::model::Content;
use crate::quiz::{Action, Screen};
use crate::score::Answers;

/// Version of the share-link layout.
const LINK_FORMAT: u8 = 1;

/// Why a share link cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Truncated, tampered with, or not a link of this quiz.
    Damaged,
    /// Made for another version of the quiz or of the link format.
    Outdated,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkError::Damaged => "the link is incomplete or was changed",
            LinkError::Outdated => "the link was made for another version of this quiz",
        })
    }
}

/// Encodes complete answers as a share code.
pub fn encode_link(content: &Content, answers: &Answers) -> String {
    let mut bytes = vec![LINK_FORMAT];
    push_leb128(&mut bytes, content.version);
    let chosen = answers.as_slice();
    bytes.push(chosen.len() as u8);
    for pair in chosen.chunks(2) {
        let high = pair[0] as u8 & 0x0f;
        let low = pair.get(1).map_or(0, |o| *o as u8 & 0x0f);
        bytes.push(high << 4 | low);
    }
    let crc = crc16(content.id.as_bytes(), &bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    base64url_encode(&bytes)
}

/// Decodes a share code into complete answers for `content`.
pub fn decode_link(content: &Content, code: &str) -> Result<Answers, LinkError> {
    let bytes = base64url_decode(code.trim()).ok_or(LinkError::Damaged)?;
    let (body, crc) = match bytes.len().checked_sub(2) {
        Some(at) if at >= 3 => bytes.split_at(at),
        _ => return Err(LinkError::Damaged),
    };
    if crc16(content.id.as_bytes(), body).to_be_bytes() != crc {
        return Err(LinkError::Damaged);
    }
    if body[0] != LINK_FORMAT {
        return Err(LinkError::Outdated);
    }
    let (version, rest) = read_leb128(&body[1..]).ok_or(LinkError::Damaged)?;
    if version != content.version {
        return Err(LinkError::Outdated);
    }
    let (&count, packed) = rest.split_first().ok_or(LinkError::Damaged)?;
    let count = usize::from(count);
    if count != content.questions.len() {
        return Err(LinkError::Outdated);
    }
    if packed.len() != count.div_ceil(2) {
        return Err(LinkError::Damaged);
    }
    let chosen: Vec<usize> = packed
        .iter()
        .flat_map(|b| [usize::from(b >> 4), usize::from(b & 0x0f)])
        .take(count)
        .collect();
    Answers::new(content, &chosen).ok_or(LinkError::Damaged)
}

/// Encodes a visitor's progress for storage: `1|<screen>|<answers>`, where the screen
/// is `i`, `q<n>`, `l` or `r`, and each answer is a digit or `-` when open.
pub fn encode_progress(screen: Screen, answers: &[Option<usize>]) -> String {
    let screen = match screen {
        Screen::Intro => "i".to_owned(),
        Screen::Question(q) => format!("q{q}"),
        Screen::Lead => "l".to_owned(),
        Screen::Result => "r".to_owned(),
    };
    let answers: String = answers
        .iter()
        .map(|a| match a {
            Some(o) if *o < 10 => char::from(b'0' + *o as u8),
            _ => '-',
        })
        .collect();
    format!("1|{screen}|{answers}")
}

/// Reads saved progress back as a restoring action; `None` for anything unreadable.
pub fn decode_progress(content: &Content, saved: &str) -> Option<Action> {
    let mut parts = saved.split('|');
    if parts.next()? != "1" {
        return None;
    }
    let screen = match parts.next()? {
        "i" => Screen::Intro,
        "l" => Screen::Lead,
        "r" => Screen::Result,
        q => Screen::Question(q.strip_prefix('q')?.parse().ok()?),
    };
    let answers: Vec<Option<usize>> = parts
        .next()?
        .chars()
        .map(|c| c.to_digit(10).map(|d| d as usize))
        .collect();
    if parts.next().is_some() || answers.len() != content.questions.len() {
        return None;
    }
    Some(Action::Restore { answers, screen })
}

pub(crate) fn push_leb128(bytes: &mut Vec<u8>, mut value: u32) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            bytes.push(low);
            return;
        }
        bytes.push(low | 0x80);
    }
}

pub(crate) fn read_leb128(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let mut value: u32 = 0;
    for (i, b) in bytes.iter().enumerate().take(5) {
        value |= u32::from(b & 0x7f).checked_shl(7 * i as u32)?;
        if b & 0x80 == 0 {
            return Some((value, &bytes[i + 1..]));
        }
    }
    None
}

/// CRC-16/CCITT-FALSE over `prefix` then `data`.
fn crc16(prefix: &[u8], data: &[u8]) -> u16 {
    let mut crc: u16 = 0xffff;
    for &byte in prefix.iter().chain(data) {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                crc << 1 ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 2);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 0x3f) as usize]));
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | d << (18 - 6 * i));
        let kept = chunk.len() - 1;
        // The bits past the last whole byte must be zero, as the encoder writes them:
        // otherwise two codes would read the same, and a change there would go unseen.
        if kept < 3 && n & (0xff_ffff >> (8 * kept)) != 0 {
            return None;
        }
        for i in 0..kept {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips() {
        for len in 0..20u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
        }
        assert_eq!(base64url_decode("a"), None);
        assert_eq!(base64url_decode("ab+c"), None);
    }

    #[test]
    fn leb128_round_trips() {
        for value in [0, 1, 127, 128, 300, u32::MAX] {
            let mut bytes = Vec::new();
            push_leb128(&mut bytes, value);
            assert_eq!(read_leb128(&bytes), Some((value, &[][..])));
        }
    }
}
