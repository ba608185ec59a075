//! The TypeScript types in pkg/index.d.ts are written by hand; these tests keep their
//! lists of stable names in step with the Rust core.

use std::collections::BTreeSet;

fn dts() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pkg/index.d.ts")).unwrap()
}

/// The `'a' | 'b'` members of `export type NAME =` in the .d.ts.
fn union(name: &str) -> BTreeSet<String> {
    let text = dts();
    let start = text.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("no type {name}"));
    let body = &text[start..];
    let body = &body[..body.find(';').unwrap()];
    body.split('\'').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn every_code_is_in_the_code_union() {
    // The codes: the English table's keys without a variant (`code.variant` are words).
    let rust: BTreeSet<String> = roster_rules::messages::ENGLISH
        .iter()
        .filter(|(key, _, _)| !key.contains('.'))
        .map(|(c, _, _)| (*c).to_owned())
        .collect();
    assert_eq!(union("Code"), rust);
}

#[test]
fn every_capability_is_in_the_capability_union() {
    let rust: BTreeSet<String> = roster_rules::Capability::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    assert_eq!(union("Capability"), rust);
}

#[test]
fn every_op_type_is_in_the_op_union() {
    let text = dts();
    let start = text.find("export type Op =").unwrap();
    let body = &text[start..text[start..].find(";\n\n").unwrap() + start];
    let ts: BTreeSet<&str> = body.split("type: '").skip(1).map(|s| &s[..s.find('\'').unwrap()]).collect();
    // Each op type decodes (with its keys missing, so the error is about keys, not the type).
    for t in &ts {
        let err = roster_rules::request::decode::<roster_rules::Op>(&format!(r#"{{"type":"{t}"}}"#));
        if let Err(o) = err {
            assert_ne!(o.violations[0].field_text().as_deref(), Some("type"), "{t} is not an op type");
        }
    }
    assert_eq!(ts.len(), 13);
}
