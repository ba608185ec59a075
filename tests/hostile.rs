//! Hostile input through the library API (RULES §8): 10 MB strings, 100,000-row CSVs,
//! deeply nested JSON, NUL bytes, bidi overrides, zero-width characters, numbers where
//! strings belong and the other way round. Each is a clear violation or a `bad_request`
//! naming the path, never a panic, and a password never comes back in any output.
//!
//! Invalid UTF-8 cannot reach the library (it takes `&str`); the CLI reads bytes, so
//! tests/cli_hostile.rs covers it there.

use roster_rules::request::{apply_json, check_json, decode, decode_at};
use roster_rules::schedule::{Reason, ScheduleErrorKind};
use roster_rules::{parse_schedule, Account, Engine, Op, Outcome, Policy, Request};
use serde_json::{json, Value};

const MB10: usize = 10 * 1024 * 1024;
/// The password every request below carries where a password goes.
const PASSWORD: &str = "Tr0ub4dor-kesTrel9";

fn sample() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample-account.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn huge() -> String {
    "7".repeat(MB10)
}

/// Stands for the 10 MB string in a request built with `json!`: [`text`] puts it in
/// the JSON text afterwards (serde_json escaping 10 MB in a debug build takes seconds).
const H: &str = "@@HUGE@@";

/// The JSON text of `request`, with every [`H`] replaced by the 10 MB string.
fn text(request: &Value) -> String {
    request.to_string().replace(H, &huge())
}

/// A valid add of Gita Nair by the admin u2, with a web login and `PASSWORD`.
fn gita() -> Value {
    json!({ "name": "Gita Nair", "email": "gita@acme.in", "mobile": "98000 00007", "extension": "16",
            "departments": ["sales"], "webLogin": { "loginId": "gita.nair", "password": PASSWORD } })
}

fn add(user: Value) -> String {
    // Only the host chooses ids: a user with one is added by `$system`.
    let actor = if user.get("id").is_some() { "$system" } else { "u2" };
    text(&json!({ "account": sample(), "op": { "type": "addUser", "actor": actor, "user": user } }))
}

/// `check` and `apply` of one request: the Outcome as JSON (checked to be the same
/// both ways), and the account after `apply`, as JSON text.
fn run(request: &str) -> (Value, String) {
    let checked = check_json(request);
    let (applied, account) = apply_json(request);
    assert!(applied == checked, "check and apply disagree");
    let account = account.map(|a| serde_json::to_string(&a).unwrap()).unwrap_or_default();
    (serde_json::from_str(&checked.to_json()).unwrap(), account)
}

/// The (code, field) of every error-severity violation.
fn errors(outcome: &Value) -> Vec<(String, String)> {
    outcome["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["severity"] == "error")
        .map(|v| (v["code"].as_str().unwrap().to_owned(), v["field"].as_str().unwrap_or("").to_owned()))
        .collect()
}

#[track_caller]
fn assert_errors(outcome: &Value, expected: &[(&str, &str)]) {
    let expected: Vec<(String, String)> = expected.iter().map(|(c, f)| ((*c).to_owned(), (*f).to_owned())).collect();
    assert_eq!(errors(outcome), expected, "{}", shorten(&outcome.to_string()));
    assert_eq!(outcome["ok"], false);
}

#[track_caller]
fn assert_bad_request(outcome: &Value, path: &str) {
    assert_errors(outcome, &[("bad_request", path)]);
    assert_eq!(outcome["violations"][0]["params"]["path"], path);
    assert_eq!(outcome["violations"].as_array().unwrap().len(), 1);
}

fn shorten(s: &str) -> String {
    s.chars().take(2000).collect()
}

#[track_caller]
fn assert_no_password(text: &str, password: &str) {
    assert!(!text.contains(password), "password {password:?} echoed in {}", shorten(text));
}

/// The 80-character cut every echo of user input in `params` gets.
fn cut(s: &str) -> String {
    format!("{}…", s.chars().take(80).collect::<String>())
}

#[test]
fn ten_megabyte_string_in_each_field_of_an_add_is_that_field_s_violation() {
    let h = huge();
    // (where the huge value goes, the violation and its field, whether the normalised
    // `user` keeps the value and so the Outcome is as large as the input)
    let cases: Vec<(&str, Value, &str, &str, bool)> = vec![
        ("id", json!(H), "value_invalid", "id", false),
        ("name", json!(H), "name_invalid", "name", false),
        ("email", json!(H), "email_invalid", "email", false),
        ("mobile", json!(H), "mobile_invalid", "mobile", false),
        ("altMobile", json!(H), "mobile_invalid", "altMobile", false),
        ("extension", json!(H), "extension_invalid", "extension", false),
        ("role", json!(H), "role_unknown", "role", false),
        ("schedule", json!(H), "schedule_invalid", "schedule", false),
        ("timeZone", json!(H), "time_zone_invalid", "timeZone", false),
        ("departments", json!(["sales", H]), "department_unknown", "departments[1]", false),
        ("webLogin", json!({ "loginId": H, "password": PASSWORD }), "login_id_invalid", "webLogin.loginId", true),
        (
            "webLogin",
            json!({ "loginId": "gita.nair", "allowedIps": [H], "password": PASSWORD }),
            "ip_invalid",
            "webLogin.allowedIps[0]",
            true,
        ),
        ("webLogin", json!({ "loginId": "gita.nair", "password": H }), "password_weak", "webLogin.password", false),
        ("allowedCallerIds", json!([H]), "caller_id_unknown", "allowedCallerIds[0]", true),
        ("reportUsers", json!([H]), "user_unknown", "reportUsers[0]", true),
    ];
    let users_before = sample()["users"].as_array().unwrap().len();
    for (key, value, code, field, echoed) in cases {
        let mut user = gita();
        user[key] = value;
        let (outcome, account) = run(&add(user));
        assert_errors(&outcome, &[(code, field)]);
        let text = outcome.to_string();
        assert_no_password(&text, PASSWORD);
        assert_no_password(&account, PASSWORD);
        if !echoed {
            assert!(text.len() < 4096, "{field}: {} bytes of Outcome", text.len());
        }
        // Rejected: the account is as it was.
        let account: Value = serde_json::from_str(&account).unwrap();
        assert_eq!(account["users"].as_array().unwrap().len(), users_before, "{field}");
        // Echoes of the value in params are cut.
        let params = &outcome["violations"][0]["params"];
        match code {
            "extension_invalid" => assert_eq!(params["extension"], cut(&h)),
            "role_unknown" => assert_eq!(params["role"], cut(&h)),
            "value_invalid" => assert_eq!(params["value"], cut(&h)),
            "department_unknown" => assert_eq!(params["department"], cut(&h)),
            "name_invalid" => assert_eq!(params, &json!({ "reason": "too_long", "offset": 100 })),
            "schedule_invalid" => assert_eq!(params, &json!({ "offset": 1024, "reason": "too_long", "near": null })),
            "email_invalid" | "mobile_invalid" | "password_weak" => assert_eq!(params["reason"], "too_long"),
            _ => {}
        }
    }
}

#[test]
fn ten_megabyte_strings_in_an_edit_and_in_other_ops() {
    let h = huge();
    let patch = json!({ "name": H, "email": H, "altMobile": H, "extension": H, "role": H, "schedule": H,
                        "timeZone": H, "webLogin": { "password": H } });
    let req =
        json!({ "account": sample(), "op": { "type": "editUser", "actor": "u1", "target": "u4", "patch": patch } });
    let (outcome, _) = run(&text(&req));
    assert_errors(
        &outcome,
        &[
            ("name_invalid", "name"),
            ("email_invalid", "email"),
            ("mobile_invalid", "altMobile"),
            ("extension_invalid", "extension"),
            ("role_unknown", "role"),
            ("schedule_invalid", "schedule"),
            ("time_zone_invalid", "timeZone"),
            // u4 has no web login yet: a password alone needs a login id.
            ("login_id_invalid", "webLogin.loginId"),
            ("password_weak", "webLogin.password"),
        ],
    );
    assert!(outcome.to_string().len() < 16 * 1024);

    let op = |op: Value| text(&json!({ "account": sample(), "op": op }));
    let (o, _) = run(&op(json!({ "type": "deleteUser", "actor": H, "target": "u6" })));
    assert_errors(&o, &[("user_unknown", "actor")]);
    assert_eq!(o["violations"][0]["params"]["id"], cut(&h));
    let (o, _) = run(&op(json!({ "type": "deleteUser", "actor": "u1", "target": H })));
    assert_errors(&o, &[("user_unknown", "target")]);
    let (o, _) = run(&op(json!({ "type": "reachable", "target": "u4", "at": H })));
    assert_bad_request(&o, "op.at");
    let (o, _) = run(&op(json!({ "type": "passwordReset", "fromEmail": H, "target": "u4" })));
    assert_errors(&o, &[("reset_unregistered_email", "fromEmail")]);
    let (o, _) = run(&op(json!({ "type": "replaceUser", "actor": "u1", "target": "u4", "mobile": H })));
    assert_errors(&o, &[("mobile_invalid", "mobile")]);
    let (o, _) = run(&op(json!({ "type": "editableFields", "actor": H, "target": H })));
    assert_errors(&o, &[("user_unknown", "actor")]);
    let (o, _) = run(&op(json!({ "type": "seatRequest", "count": H })));
    assert_errors(&o, &[("count_required", "count")]);
}

#[test]
fn ten_megabyte_schedule_is_too_long_at_character_1024() {
    let h = huge();
    let err = parse_schedule(&h).unwrap_err();
    assert_eq!((err.kind, err.offset), (ScheduleErrorKind::Invalid(Reason::TooLong), 1024));
    // Multi-byte characters: the cap counts characters.
    let err = parse_schedule(&"–".repeat(MB10 / 3)).unwrap_err();
    assert_eq!((err.kind, err.offset), (ScheduleErrorKind::Invalid(Reason::TooLong), 1024));

    let (o, _) = run(&text(&json!({ "account": sample(), "op": { "type": "parseSchedule", "text": H } })));
    assert_errors(&o, &[("schedule_invalid", "text")]);
    assert_eq!(o["violations"][0]["params"], json!({ "offset": 1024, "reason": "too_long", "near": null }));
    assert_eq!(o["schedule"], Value::Null);

    // Stored in the account, a 10 MB schedule and name are what the audit reports.
    let mut account = sample();
    account["users"][3]["schedule"] = json!(H);
    account["users"][5]["name"] = json!(H);
    let (o, _) = run(&text(&json!({ "account": account, "op": { "type": "audit" } })));
    assert_errors(&o, &[("schedule_invalid", "schedule"), ("name_invalid", "name")]);
    assert_eq!(o["violations"][0]["userId"], "u4");
    assert_eq!(o["violations"][1]["userId"], "u6");
}

fn csv_rows(n: usize) -> String {
    let mut csv = String::from("name,email,mobile,extension,role,pro,schedule,departments\n");
    for i in 0..n {
        csv.push_str(&format!("User {i},user{i}@acme.in,+1212{:07},{},agent,no,24/7,sales\n", i, 1000 + i));
    }
    csv
}

#[test]
fn hundred_thousand_row_csv_is_too_many_rows() {
    let csv = csv_rows(100_000);
    let (o, account) =
        run(&json!({ "account": sample(), "op": { "type": "importUsers", "actor": "u1", "csv": csv } }).to_string());
    assert_errors(&o, &[("too_many_rows", "")]);
    assert_eq!(o["violations"][0]["params"], json!({ "max": 5000 }));
    assert_eq!(o["violations"][0].get("row"), None);
    assert_eq!(serde_json::from_str::<Value>(&account).unwrap()["users"].as_array().unwrap().len(), 6);

    // A line of 100,000 commas is refused at its line, before it is collected.
    let commas = format!("name,email,mobile,extension\n{}\n", ",".repeat(100_000));
    let (o, _) =
        run(&json!({ "account": sample(), "op": { "type": "importUsers", "actor": "u1", "csv": commas } }).to_string());
    assert_errors(&o, &[("csv_invalid", "")]);
    assert_eq!(
        (o["violations"][0]["row"].as_u64(), &o["violations"][0]["params"]["reason"]),
        (Some(2), &json!("wrong_field_count"))
    );

    // 10 MB in one cell.
    let cell = format!("name,email,mobile,extension\n{H},a@acme.in,9800000077,77\n");
    let (o, _) =
        run(&text(&json!({ "account": sample(), "op": { "type": "importUsers", "actor": "u1", "csv": cell } })));
    assert_errors(&o, &[("name_invalid", "name")]);
    assert_eq!(o["violations"][0]["row"], 2);
}

#[test]
fn hundred_thousand_row_csv_under_a_raised_cap_is_checked_row_by_row() {
    // The host raised the cap: every row is checked, all or nothing. Row 100,001 (the
    // last, line 100,002) reuses the first row's email.
    let mut csv = csv_rows(100_000);
    csv.push_str("Late Comer,USER0@acme.in,+12129999999,999999,agent,no,24/7,sales\n");
    let mut account = sample();
    account["plan"] = json!("enterprise");
    account["extensionRange"] = json!({ "from": 10, "to": 999_999 });
    let req = json!({ "account": account, "policy": { "maxImportRows": 200_000 },
                      "op": { "type": "importUsers", "actor": "u1", "csv": csv } });
    let req: Request = decode(&req.to_string()).unwrap();
    let mut engine = req.engine();
    let outcome = engine.apply(&req.op);
    assert_eq!(outcome.codes(), ["email_taken"]);
    assert_eq!(outcome.violations[0].row, Some(100_002));
    assert_eq!(engine.account().users.len(), 6, "all or nothing");
}

#[test]
fn deeply_nested_json_is_a_bad_request() {
    let deep = "[".repeat(100_000);
    let o = check_json(&deep);
    assert!(o.is_bad_request() && o.violations.len() == 1, "{}", o.to_json());
    let o = check_json(&"{\"a\":".repeat(100_000));
    assert_eq!(o.codes(), ["bad_request"]);
    // The unknown key is refused where it is, before its value is read.
    assert_eq!(o.violations[0].field_text().as_deref(), Some("a"));

    let account = sample().to_string();
    // Where a string goes: named at that field.
    let name = format!(r#"{{"account":{account},"op":{{"type":"addUser","actor":"u2","user":{{"name":{deep}"#);
    let o: Value = serde_json::from_str(&check_json(&name).to_json()).unwrap();
    assert_bad_request(&o, "op.user.name");
    // Where any JSON goes (a seat count): serde_json's depth limit, inside the value.
    let count = format!(r#"{{"account":{account},"op":{{"type":"seatRequest","count":{deep}"#);
    let o = check_json(&count);
    assert_eq!(o.codes(), ["bad_request"]);
    assert!(o.violations[0].field_text().as_deref().unwrap().starts_with("op.count"), "{}", o.to_json());
    // Nested within the limit and closed, a count that is not a number.
    let nested = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let o = check_json(&format!(r#"{{"account":{account},"op":{{"type":"seatRequest","count":{nested}}}}}"#));
    assert_eq!(o.codes(), ["count_required"]);
    // As the wasm constructor reads an account.
    let err = decode_at::<Account>(&format!(r#"{{"plan":"nano","users":{deep}"#), "account").unwrap_err();
    assert!(err.violations[0].field_text().as_deref().unwrap().starts_with("account.users"), "{}", err.to_json());
    // `plans` maps plan names to user counts: a plan called "plans" whose count is a map.
    let err = decode_at::<Policy>(&"{\"plans\":".repeat(100_000), "policy").unwrap_err();
    assert_eq!(err.violations[0].field_text().as_deref(), Some("policy.plans.plans"), "{}", err.to_json());
}

#[test]
fn nul_bidi_and_zero_width_characters_are_violations_where_they_are() {
    // (key, value, code, field, params that must be there)
    let cases: Vec<(&str, Value, &str, &str, Value)> = vec![
        ("name", json!("Gita\u{0}Nair"), "name_invalid", "name", json!({ "reason": "control_character", "offset": 4 })),
        (
            "name",
            json!("Gita\u{202E}Nair"),
            "name_invalid",
            "name",
            json!({ "reason": "invisible_character", "offset": 4 }),
        ),
        (
            "name",
            json!("\u{2067}Gita"),
            "name_invalid",
            "name",
            json!({ "reason": "invisible_character", "offset": 0 }),
        ),
        (
            "name",
            json!("Gi\u{200B}ta"),
            "name_invalid",
            "name",
            json!({ "reason": "invisible_character", "offset": 2 }),
        ),
        (
            "name",
            json!("Gita\u{FEFF}Nair"),
            "name_invalid",
            "name",
            json!({ "reason": "invisible_character", "offset": 4 }),
        ),
        ("name", json!("Gita\u{200D}"), "name_invalid", "name", json!({ "reason": "misplaced_joiner", "offset": 4 })),
        ("email", json!("gi\u{0}ta@acme.in"), "email_invalid", "email", json!({ "reason": "bad_local_part" })),
        ("email", json!("gita@acme.in\u{202E}"), "email_invalid", "email", json!({ "reason": "not_ascii" })),
        ("email", json!("gi\u{200B}ta@acme.in"), "email_invalid", "email", json!({ "reason": "not_ascii" })),
        ("extension", json!("1\u{0}6"), "extension_invalid", "extension", json!({ "extension": "1\u{0}6" })),
        ("extension", json!("\u{202E}16"), "extension_invalid", "extension", json!({ "extension": "\u{202E}16" })),
        ("extension", json!("16\u{200B}"), "extension_invalid", "extension", json!({ "extension": "16\u{200B}" })),
        ("mobile", json!("98000\u{0}00007"), "mobile_invalid", "mobile", json!({ "reason": "bad_character" })),
        ("mobile", json!("\u{202D}98000 00007"), "mobile_invalid", "mobile", json!({ "reason": "bad_character" })),
        ("schedule", json!("Mo-Fr\u{202E} 09:00-18:00"), "schedule_invalid", "schedule", json!({ "offset": 5 })),
        ("schedule", json!("Mo-Fr 09:00-18:00\u{0}"), "schedule_invalid", "schedule", json!({ "offset": 17 })),
        (
            "timeZone",
            json!("Asia/Kolkata\u{0}"),
            "time_zone_invalid",
            "timeZone",
            json!({ "timeZone": "Asia/Kolkata\u{0}" }),
        ),
        ("departments", json!(["sales\u{200B}"]), "department_unknown", "departments[0]", json!({})),
        ("id", json!("u\u{0}9"), "value_invalid", "id", json!({ "value": "u\u{0}9" })),
        ("id", json!("$system"), "value_invalid", "id", json!({ "value": "$system" })),
    ];
    for (key, value, code, field, params) in cases {
        let mut user = gita();
        user[key] = value;
        let (o, account) = run(&add(user));
        assert_errors(&o, &[(code, field)]);
        for (k, v) in params.as_object().unwrap() {
            assert_eq!(&o["violations"][0]["params"][k], v, "{field}: {k}");
        }
        assert_no_password(&o.to_string(), PASSWORD);
        assert_no_password(&account, PASSWORD);
    }
    let mut user = gita();
    user["webLogin"]["loginId"] = json!("gita\u{200B}nair");
    assert_errors(&run(&add(user)).0, &[("login_id_invalid", "webLogin.loginId")]);

    // ZWJ between two letters is how Indic scripts are written: allowed, kept as typed.
    let mut user = gita();
    user["name"] = json!("क्\u{200D}षमा");
    let (o, account) = run(&add(user));
    assert_eq!(o["ok"], true, "{o}");
    assert_eq!(o["user"]["name"], "क्\u{200D}षमा");
    assert!(account.contains("क्\u{200D}षमा"));
    assert_no_password(&account, PASSWORD);
}

#[test]
fn passwords_with_nul_and_bidi_characters_are_checked_and_never_echoed() {
    for pw in ["pa\u{0}ss\u{202E}word99", "\u{202E}Zw\u{200B}9-secret-xyz", "short\u{0}1"] {
        let mut user = gita();
        user["webLogin"]["password"] = json!(pw);
        let (o, account) = run(&add(user));
        assert_no_password(&o.to_string(), pw);
        assert_no_password(&account, pw);
        if pw.starts_with("short") {
            assert_errors(&o, &[("password_weak", "webLogin.password")]);
        } else {
            assert_eq!(o["ok"], true, "{o}");
            assert!(o["effects"].as_array().unwrap().contains(&json!("password_changed")));
        }
    }
    // Applied: the stored account holds no password.
    let (o, account) = run(&add(gita()));
    assert_eq!(o["ok"], true);
    assert!(account.contains("gita.nair"));
    assert_no_password(&account, PASSWORD);
}

#[test]
fn wrong_json_types_are_bad_requests_at_their_path() {
    let op = |user: Value| json!({ "type": "addUser", "actor": "u2", "user": user });
    let with = |key: &str, v: Value| {
        let mut u = gita();
        u[key] = v;
        u
    };
    let mut login_pw_number = gita();
    login_pw_number["webLogin"]["password"] = json!(31_415_926_535_u64);
    let mut login_pw_list = gita();
    login_pw_list["webLogin"]["password"] = json!([PASSWORD]);
    let mut login_blocked = gita();
    login_blocked["webLogin"]["blocked"] = json!("no");
    // (request, path)
    let mut cases: Vec<(Value, &str)> = vec![
        (op(with("name", json!(5))), "op.user.name"),
        (op(with("email", json!(true))), "op.user.email"),
        (op(with("mobile", json!(9_800_000_007_u64))), "op.user.mobile"),
        (op(with("extension", json!(16))), "op.user.extension"),
        (op(with("extension", json!(16.5))), "op.user.extension"),
        (op(with("pro", json!("true"))), "op.user.pro"),
        (op(with("pro", json!(PASSWORD))), "op.user.pro"),
        (op(with("departments", json!("sales"))), "op.user.departments"),
        (op(with("departments", json!([1]))), "op.user.departments[0]"),
        (op(with("schedule", json!({ "Mo": "9-5" }))), "op.user.schedule"),
        (op(with("webLogin", json!(PASSWORD))), "op.user.webLogin"),
        (op(login_pw_number), "op.user.webLogin.password"),
        (op(login_pw_list), "op.user.webLogin.password"),
        (op(login_blocked), "op.user.webLogin.blocked"),
        // A misplaced key is named (key names are not user data); its value is not echoed.
        (op(with("password", json!(PASSWORD))), "op.user.password"),
        (json!({ "type": "reachable", "target": "u4", "at": 1_700_000_000 }), "op.at"),
        (json!({ "type": "deleteUser", "actor": "u1", "target": 6 }), "op.target"),
        (json!({ "type": "deleteUser", "actor": null, "target": "u6" }), "op.actor"),
        (json!({ "type": "importUsers", "actor": "u1", "csv": 5 }), "op.csv"),
        (json!({ "type": "parseSchedule", "text": ["Mo"] }), "op.text"),
        (json!({ "type": 5 }), "op.type"),
        (json!("audit"), "op"),
        (json!(["audit"]), "op"),
    ]
    .into_iter()
    .map(|(op, path)| (json!({ "account": sample(), "op": op }), path))
    .collect();
    let account_with = |f: &dyn Fn(&mut Value)| {
        let mut a = sample();
        f(&mut a);
        json!({ "account": a, "op": { "type": "audit" } })
    };
    cases.extend([
        (account_with(&|a| a["proSeats"] = json!("3")), "account.proSeats"),
        (account_with(&|a| a["proSeats"] = json!(-1)), "account.proSeats"),
        (account_with(&|a| a["proSeats"] = json!(1e300)), "account.proSeats"),
        (account_with(&|a| a["plan"] = json!(10)), "account.plan"),
        (account_with(&|a| a["extensionRange"]["from"] = json!("10")), "account.extensionRange.from"),
        (account_with(&|a| a["users"][2]["extension"] = json!(12)), "account.users[2].extension"),
        (account_with(&|a| a["users"][0]["pro"] = json!("yes")), "account.users[0].pro"),
        (account_with(&|a| a["users"] = json!({ "u1": {} })), "account.users"),
        (account_with(&|a| a["timeZone"] = json!(5.5)), "account.timeZone"),
        (json!({ "account": sample(), "externalEmails": [5], "op": { "type": "audit" } }), "externalEmails[0]"),
        (
            json!({ "account": sample(), "policy": { "maxImportRows": "5" }, "op": { "type": "audit" } }),
            "policy.maxImportRows",
        ),
        (
            json!({ "account": sample(), "policy": { "plans": { "swift": "ten" } }, "op": { "type": "audit" } }),
            "policy.plans.swift",
        ),
        (json!({ "account": "acme", "op": { "type": "audit" } }), "account"),
        (json!(42), ""),
        (json!(null), ""),
    ]);
    for (req, path) in cases {
        let text = req.to_string();
        let o: Value = serde_json::from_str(&check_json(&text).to_json()).unwrap();
        if path.is_empty() {
            assert_eq!(errors(&o), [("bad_request".to_owned(), String::new())], "{text:.300}");
        } else {
            assert_bad_request(&o, path);
        }
        // A password in the wrong place is not echoed by the decoding error either.
        assert_no_password(&o.to_string(), PASSWORD);
        assert_no_password(&o.to_string(), "31415926535");
    }
    // An array is not a request. (serde reads structs from arrays too, positionally,
    // so the error is named inside it.)
    let o = check_json(&json!(["not", "an", "object"]).to_string());
    assert_eq!(o.codes(), ["bad_request"]);
    // A seat count is any JSON: the wrong kinds are `count_required`, not a bad request.
    for count in [json!("3"), json!(-3), json!(2.5), json!(null), json!([3]), json!({ "n": 3 }), json!(true)] {
        let o =
            check_json(&json!({ "account": sample(), "op": { "type": "seatRequest", "count": count } }).to_string());
        assert_eq!(o.codes(), ["count_required"], "{count}");
    }
}

#[test]
fn typed_engine_api_gives_the_same_answers_as_the_json_one() {
    let h = huge();
    let account: Account = serde_json::from_value(sample()).unwrap();
    let mut engine = Engine::new(Policy::default(), account);
    let mut user = gita();
    user["name"] = json!(format!("{h}\u{202E}"));
    user["email"] = json!(h);
    let op: Op = serde_json::from_value(json!({ "type": "addUser", "actor": "u2", "user": user })).unwrap();
    let outcome: Outcome = engine.apply(&op);
    assert_eq!(outcome.codes(), ["name_invalid", "email_invalid"]);
    let mut same = gita();
    same["name"] = json!(format!("{H}\u{202E}"));
    same["email"] = json!(H);
    assert!(outcome == check_json(&add(same)), "the typed and the JSON API disagree");
    assert_no_password(&outcome.to_json(), PASSWORD);
    assert_eq!(engine.account().users.len(), 6);

    // As-you-type: the same codes, and a password typed into the form never echoed.
    assert_eq!(engine.check_field("name", &json!(h), None).codes(), ["name_invalid"]);
    assert_eq!(engine.check_field("extension", &json!("1\u{0}6"), None).codes(), ["extension_invalid"]);
    assert_eq!(engine.check_field("email", &json!(12), None).codes(), ["bad_request"]);
    assert_eq!(engine.check_field("webLogin.password", &json!(7), None).codes(), ["bad_request"]);
    let o = engine.check_field("webLogin.password", &json!(h), Some("u4"));
    assert_eq!(o.codes(), ["password_weak"]);
    for pw in [PASSWORD, "x\u{0}y\u{202E}", "Gita\u{200B}Nair1234"] {
        for (field, value) in [("webLogin.password", json!(pw)), ("webLogin", json!({ "password": pw }))] {
            assert_no_password(&engine.check_field(field, &value, None).to_json(), pw);
            assert_no_password(&engine.check_field(field, &value, Some("u4")).to_json(), pw);
        }
    }
}
