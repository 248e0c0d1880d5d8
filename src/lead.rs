//! The lead form's data and its checks.

/// What the visitor typed into the lead form; kept until they start over, so a
/// failed send never loses it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LeadDraft {
    /// Name.
    pub name: String,
    /// Email address.
    pub email: String,
    /// Whether they agreed to be contacted.
    pub consent: bool,
}

/// A lead as it is sent: what the visitor typed, their result, and the link that
/// reopens that result (so the coach sees what the visitor saw).
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    /// What the visitor typed.
    pub draft: LeadDraft,
    /// Their outcome.
    pub outcome: crate::shared::Shared<levels_engine::Outcome>,
    /// A URL of the page that opens their result.
    pub result_link: String,
}

/// A field that needs fixing before sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadProblem {
    /// The name is empty.
    Name,
    /// The email does not look like an address.
    Email,
    /// Consent is not given.
    Consent,
}

/// Where a sent lead stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LeadStatus {
    /// Not sent.
    #[default]
    Draft,
    /// On its way.
    Sending,
    /// Delivered (or only announced, without a `lead-action`).
    Sent,
    /// The `lead-action` could not be reached or refused it.
    Failed,
}

impl LeadDraft {
    /// The fields that need fixing, in form order.
    pub fn problems(&self) -> Vec<LeadProblem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(LeadProblem::Name);
        }
        if !looks_like_email(self.email.trim()) {
            problems.push(LeadProblem::Email);
        }
        if !self.consent {
            problems.push(LeadProblem::Consent);
        }
        problems
    }
}

/// One `@`, something before it, a dot in the domain with something on each side,
/// no spaces: enough to catch typos without rejecting real addresses.
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let domain_ok = domain.contains('.') && domain.split('.').all(|part| !part.is_empty());
    !local.is_empty()
        && domain_ok
        && email.len() <= 254
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == ',')
        && !domain.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for good in ["a@b.co", "first.last+tag@example.co.uk", "x@sub.domain.org"] {
            assert!(looks_like_email(good), "{good}");
        }
        for bad in [
            "", "a", "a@", "@b.co", "a@b", "a@b.", "a@.co", "a b@c.de", "a@b@c.de", "a@b..co",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn every_problem_is_listed() {
        assert_eq!(
            LeadDraft::default().problems(),
            [LeadProblem::Name, LeadProblem::Email, LeadProblem::Consent]
        );
        let ok = LeadDraft {
            name: "Ada".into(),
            email: "ada@example.com".into(),
            consent: true,
        };
        assert!(ok.problems().is_empty());
    }
}
