//! A small RFC 4180 CSV reader: quoted fields, `""` escapes, CRLF or LF, with the line
//! number each record starts on.

/// More fields than any import has columns: the record is refused before it is collected.
const MAX_FIELDS: usize = 64;
/// Room each field starts with: most cells (a name, an email, a schedule) fit, so a
/// field is allocated once instead of regrown character by character.
const FIELD_ROOM: usize = 24;
/// Room for the fields of one record: the import's eight columns.
const COLUMNS_ROOM: usize = 8;

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
pub(crate) fn read(text: &str, max: usize) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() && records.len() <= max {
        let start = line;
        let mut fields = Vec::with_capacity(COLUMNS_ROOM);
        let mut field = String::with_capacity(FIELD_ROOM);
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
                    fields.push(std::mem::replace(&mut field, String::with_capacity(FIELD_ROOM)));
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn csv_stops_after_max_plus_one() {
        let text = "h\n".to_owned() + &"r\n".repeat(1000);
        assert_eq!(read(&text, 5).unwrap().len(), 6);
    }
}
