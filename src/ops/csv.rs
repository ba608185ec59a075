//! A small RFC 4180 CSV reader: quoted fields, `""` escapes, CRLF or LF, with the line
//! number each record starts on.

/// Commas a record may hold (65 fields, more than any import has columns): at the next
/// one the record is refused before it is collected.
const MAX_FIELDS: usize = 64;

/// One record: the line it starts on (1-based) and its fields.
pub(crate) struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why a CSV text cannot be read; the line where it happened.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CsvError {
    pub line: usize,
    pub reason: &'static str,
}

/// Reads at most `max` records (blank lines skipped); one more is returned so the caller
/// can tell the file is too long without reading all of it.
///
/// Scans bytes: every delimiter is ASCII, so each field is one slice of `text` (copied
/// once, at its final size), or for a quoted field the slices between its `""` escapes.
pub(crate) fn read(text: &str, max: usize) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or_default();
    let mut records = Vec::new();
    // Room for a record's fields: as many as the record before had (the import's eight at first).
    let mut width = 8;
    let mut i = 0;
    let mut line = 1;
    while i < bytes.len() && records.len() <= max {
        let start = line;
        let mut fields = Vec::with_capacity(width);
        loop {
            let field = if at(i) == Some(b'"') {
                let mut field = String::new();
                let mut from = i + 1;
                i = from;
                loop {
                    match at(i) {
                        None => return Err(CsvError { line: start, reason: "unterminated_quote" }),
                        Some(b'"') => {
                            field.push_str(slice(from, i));
                            if at(i + 1) == Some(b'"') {
                                field.push('"');
                                i += 2;
                                from = i;
                            } else {
                                i += 1;
                                break;
                            }
                        }
                        Some(b'\n') => {
                            line += 1;
                            i += 1;
                        }
                        Some(_) => i += 1,
                    }
                }
                match at(i) {
                    None | Some(b',' | b'\n') => {}
                    Some(b'\r') if at(i + 1) == Some(b'\n') => {}
                    Some(_) => return Err(CsvError { line, reason: "stray_quote" }),
                }
                field
            } else {
                let from = i;
                loop {
                    match at(i) {
                        None | Some(b',' | b'\n') => break,
                        Some(b'\r') if at(i + 1) == Some(b'\n') => break,
                        Some(b'"') => return Err(CsvError { line, reason: "stray_quote" }),
                        Some(_) => i += 1,
                    }
                }
                slice(from, i).to_owned()
            };
            match at(i) {
                Some(b',') => {
                    if fields.len() >= MAX_FIELDS {
                        return Err(CsvError { line: start, reason: "wrong_field_count" });
                    }
                    fields.push(field);
                    i += 1;
                }
                end => {
                    fields.push(field);
                    // `\r\n` or `\n` ends the line; nothing left ends the text.
                    if end.is_some() {
                        i += if end == Some(b'\r') { 2 } else { 1 };
                        line += 1;
                    }
                    break;
                }
            }
        }
        width = fields.len();
        let blank = fields.len() == 1 && fields.first().is_some_and(|f| f.trim().is_empty());
        if !blank {
            records.push(Record { line: start, fields });
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reader as it was before it scanned bytes (one `char` at a time): the oracle
    /// the byte reader must agree with.
    fn char_read(text: &str, max: usize) -> Result<Vec<Record>, CsvError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut records = Vec::new();
        let mut chars = text.chars().peekable();
        let mut line = 1;
        while chars.peek().is_some() && records.len() <= max {
            let start = line;
            let mut fields = Vec::new();
            let mut field = String::new();
            let mut quoted = false;
            let mut was_quoted = false;
            loop {
                let Some(c) = chars.next() else {
                    if quoted {
                        return Err(CsvError { line: start, reason: "unterminated_quote" });
                    }
                    break;
                };
                if quoted {
                    match c {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => quoted = false,
                        '\n' => {
                            line += 1;
                            field.push('\n');
                        }
                        _ => field.push(c),
                    }
                    continue;
                }
                match c {
                    '"' if field.is_empty() && !was_quoted => {
                        quoted = true;
                        was_quoted = true;
                    }
                    '"' => return Err(CsvError { line, reason: "stray_quote" }),
                    ',' => {
                        if fields.len() >= MAX_FIELDS {
                            return Err(CsvError { line: start, reason: "wrong_field_count" });
                        }
                        fields.push(std::mem::take(&mut field));
                        was_quoted = false;
                    }
                    '\r' if chars.peek() == Some(&'\n') => {}
                    '\n' => {
                        line += 1;
                        break;
                    }
                    _ if was_quoted => return Err(CsvError { line, reason: "stray_quote" }),
                    _ => field.push(c),
                }
            }
            fields.push(field);
            let blank = fields.len() == 1 && fields.first().is_some_and(|f| f.trim().is_empty());
            if !blank {
                records.push(Record { line: start, fields });
            }
        }
        Ok(records)
    }

    proptest! {
        #[test]
        fn byte_reader_agrees_with_the_char_reader(
            text in proptest::collection::vec(prop::sample::select(
                vec!["a", "bc", ",", "\"", "\"\"", "\n", "\r", "\r\n", " ", "é", "\u{feff}", "🙂"]), 0..90)
                .prop_map(|parts| parts.concat()),
            max in 0usize..6,
        ) {
            let key = |r: Result<Vec<Record>, CsvError>| r.map(|v| v.into_iter().map(|r| (r.line, r.fields)).collect::<Vec<_>>());
            prop_assert_eq!(key(read(&text, max)), key(char_read(&text, max)));
        }
    }

    #[test]
    fn csv_quotes_commas_and_newlines() {
        let r = read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\r\nlast,1", 10).unwrap();
        assert_eq!(r.len(), 4);
        assert_eq!(r[1].fields, ["x, y", "say \"hi\""]);
        assert_eq!((r[2].line, r[2].fields[0].as_str()), (3, "multi\nline"));
        assert_eq!(r[3].line, 5);
    }

    #[test]
    fn csv_errors_name_the_line() {
        assert_eq!(read("a\n\"open", 10).err(), Some(CsvError { line: 2, reason: "unterminated_quote" }));
        assert_eq!(read("a\nx\"y", 10).err(), Some(CsvError { line: 2, reason: "stray_quote" }));
    }

    #[test]
    fn csv_field_limit() {
        for n in 62..67 {
            let text = format!("h\n{}\n\"q\"{}", ",".repeat(n), ",x".repeat(n));
            let key =
                |r: Result<Vec<Record>, CsvError>| r.map(|v| v.into_iter().map(|r| r.fields.len()).collect::<Vec<_>>());
            assert_eq!(key(read(&text, 10)), key(char_read(&text, 10)), "{n} commas");
            let over = n > MAX_FIELDS; // n commas: n + 1 fields
            assert_eq!(read(&text, 10).err(), over.then_some(CsvError { line: 2, reason: "wrong_field_count" }));
        }
    }

    #[test]
    fn csv_stops_after_max_plus_one() {
        let text = "h\n".to_owned() + &"r\n".repeat(1000);
        assert_eq!(read(&text, 5).unwrap().len(), 6);
    }
}
