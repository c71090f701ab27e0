//! The word lists the code reads by name (`ENGINE_LISTS`) that no rule example exercises: each
//! test here fails when its list is emptied, so a list that stops deciding anything shows.
//! (A list renamed away is a load error: `rules::tests::a_misspelt_or_missing_word_list_is_a_load_error`.)

mod common;

use common::{class_of, county_report, report_text, the_quantity};
use policykg::extract::{Comparator, QuantityKind};

/// `owner_lead`: a body whose ending needs an owner (局, 办, 委) is owned by the nation when a
/// national lead word heads it (国家乡村振兴局); without the list it is no name.
#[test]
fn a_national_lead_word_owns_a_body() {
    let r = county_report(
        "治理经验获国家税务总局推广,成立国家乡村振兴局驻县工作组,在国家体育总局的支持下建成训练中心。",
    );
    assert_eq!(class_of(&r, "国家乡村振兴局"), Some("Organization"));
}

/// `cue.before.lt` and `cue.after.le`: a ceiling said before the number (低于) or after it
/// (以下) with no other cue word around.
#[test]
fn a_ceiling_before_or_after_the_number() {
    let r = county_report("城镇调查失业率低于5%,农村贫困发生率降至0.4%以下。");
    assert_eq!(the_quantity(&r, "5").mention.comparator, Comparator::Lt);
    assert_eq!(the_quantity(&r, "0.4").mention.comparator, Comparator::Le);
}

/// `cue.baseline_previous_year`: 同比 compares with the year before the report's.
#[test]
fn year_on_year_compares_with_the_year_before() {
    let r = county_report("全区地区生产总值同比增长6.5%。");
    assert_eq!(
        the_quantity(&r, "6.5").mention.baseline.as_deref(),
        Some("2020")
    );
}

/// `cue.target`: a goal set in the review part (力争) is a target, not a result.
#[test]
fn a_goal_outside_the_plan_part_is_a_target() {
    let r = report_text("各位代表:\n全县生产总值达到120亿元。力争社会消费品零售总额达到80亿元。\n");
    assert_eq!(
        the_quantity(&r, "120").mention.kind,
        QuantityKind::Achievement
    );
    assert_eq!(the_quantity(&r, "80").mention.kind, QuantityKind::Target);
}

/// Cue words match whole words: 为 inside 成为 is no cue, and 成为 is one of its own
/// (`cue.level`), so the indicator is what becomes, not the clause up to the number.
#[test]
fn a_cue_word_stands_whole() {
    let r = county_report("江北文旅综合体项目成为全县首个单体投资超过50亿元的项目。");
    let q = the_quantity(&r, "50");
    assert_eq!(q.mention.comparator, Comparator::Gt);
    assert_eq!(q.mention.indicator.as_deref(), Some("江北文旅综合体项目"));
}
