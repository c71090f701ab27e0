//! Reports arrive with headers of many shapes: typed by hand, scraped from a government site
//! (标题/发文单位/发文时间), with or without the line naming the congress. Each gives the
//! jurisdiction and the year the report is given.

mod common;

use common::report_text;

/// The jurisdiction's names, top down, and the report's year.
fn read(text: &str) -> (Vec<String>, Option<i32>) {
    let r = report_text(text);
    let scope = r.resolved.jurisdiction.scope();
    (
        scope.iter().map(|s| s.to_string()).collect(),
        r.doc.layout.meta.year,
    )
}

const BODY: &str =
    "各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n全市生产总值增长6%。\n";

#[test]
fn a_title_with_its_year_before_the_name() {
    let (scope, year) = read(&format!("2024年成都市政府工作报告\n{BODY}"));
    assert_eq!(scope, ["四川省", "成都市"]);
    assert_eq!(year, Some(2024));
}

#[test]
fn a_scraped_header_dates_a_report_whose_title_has_no_year() {
    // The first year of the body (2023年工作回顾) is the year reviewed, not the report's.
    let header = "标题:政府工作报告——在邯郸市第十六届人民代表大会第三次会议上\n发文单位:邯郸市人民政府\n发文时间:2024-01-20\n\n正文:\n";
    let (scope, year) = read(&format!("{header}{BODY}"));
    assert_eq!(scope, ["河北省", "邯郸市"]);
    assert_eq!(year, Some(2024));
}

#[test]
fn the_congress_line_names_a_district_under_its_city() {
    let text =
        format!("政府工作报告\n——2022年1月6日在余杭区第二届人民代表大会第一次会议上\n{BODY}");
    let (scope, year) = read(&text);
    assert_eq!(scope, ["浙江省", "杭州市", "余杭区"]);
    assert_eq!(year, Some(2022));
}
