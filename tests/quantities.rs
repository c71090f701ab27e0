//! Quantities through the library on sentences written for these tests: each cue family, and
//! numbers that are not quantities.

mod common;

use common::Expect::{NoValues, Quantity, Values};
use common::Of::{Baseline, Below, Comparator, Indicator, Kind, Measure, TargetYear, Unit, Value};
use common::{Check, report_text, the_quantity};
use policykg::extract::Comparator::{Approx, Eq, Ge, Gt, Le};
use policykg::extract::Measure::{Growth, Increase, Level, Multiple, Rank, Share};
use policykg::extract::QuantityKind::{Achievement, Target};
use policykg::pipeline::Report;

/// A small report: a review part and a plan part around the given sentences.
fn report(review: &str, plan: &str) -> Report {
    report_text(&format!(
        "{OPENING}一、2018年工作回顾\n{review}\n二、2019年工作安排\n{plan}\n"
    ))
}

const OPENING: &str = "——2019年1月5日在某某县第五届人民代表大会第三次会议上\n各位代表:\n";

#[test]
fn comparators_from_cue_words() {
    let r = report(
        "全县生产总值突破120亿元,财政收入约15亿元,粮食产量达到50万吨以上,失业率控制在4%以内,居民收入增长6.5%左右。",
        "",
    );
    r.check(&[
        Quantity("120", &[Comparator(Gt)]),
        Quantity("15", &[Comparator(Approx)]),
        Quantity("50", &[Comparator(Ge), Unit("万吨")]),
        Quantity("4", &[Comparator(Le)]),
        Quantity("6.5", &[Comparator(Approx)]),
    ]);
}

#[test]
fn measures_and_baselines_from_cue_words() {
    let r = report(
        "规模以上工业增加值达到80亿元,较2015年增长42.5%,净增12亿元。服务业占生产总值比重达到45.2%。外贸出口是2015年的3.1倍。全县生产总值排名全市第二。",
        "",
    );
    r.check(&[
        Quantity("80", &[Measure(Level), Indicator("规模以上工业增加值")]),
        Quantity(
            "42.5",
            &[
                Measure(Growth),
                Baseline(Some("2015")),
                Indicator("规模以上工业增加值"),
            ],
        ),
        Quantity("12", &[Measure(Increase)]),
        Quantity("45.2", &[Measure(Share)]),
        Quantity("3.1", &[Measure(Multiple), Unit("倍")]),
        Quantity("二", &[Measure(Rank), Value(2.0)]),
    ]);
}

#[test]
fn targets_in_the_plan_part_with_their_year() {
    let r = report("全县生产总值增长7%。", "全县生产总值增长8%左右。");
    r.check(&[
        Quantity("7", &[Kind(Achievement), TargetYear(None)]),
        Quantity("8", &[Kind(Target), TargetYear(Some(2019))]),
    ]);
}

#[test]
fn chinese_numerals_and_approximate_counts() {
    let r = report(
        "建成十里滨江绿道,举办活动200余场,新增就业1.2万人,组建四个教育集团。",
        "",
    );
    r.check(&[
        Quantity("十", &[Value(10.0), Unit("里")]),
        Quantity("200", &[Comparator(Gt), Unit("场")]),
        Quantity("1.2", &[Unit("万人")]),
        Quantity("四", &[Indicator("教育集团")]),
    ]);
}

#[test]
fn numbers_that_are_not_quantities() {
    let r = report(
        "2018年以来,推行3456工作法,开通12345热线,落户东风路8号,引进世界500强企业,召开第十七届人民代表大会,树牢“四个意识”,新建停车场60个。",
        "",
    );
    // Only the count of car parks is a quantity.
    r.check(&[Values(&["60"])]);
}

#[test]
fn comparable_values_are_normalized() {
    let r = report("人均生产总值突破1.8万美元,实际利用内资100亿元。", "");
    let t = &r.triples;
    let normalized = |iri: &str| {
        t.iter()
            .find(|x| {
                x.subject.to_string() == format!("<{iri}>")
                    && x.predicate.as_str().ends_with("#normalizedValue")
            })
            .map(|x| x.object.to_string())
    };
    assert_eq!(
        normalized(&the_quantity(&r, "1.8").iri).unwrap(),
        r#""18000"^^<http://www.w3.org/2001/XMLSchema#decimal>"#
    );
    assert_eq!(
        normalized(&the_quantity(&r, "100").iri).unwrap(),
        r#""10000000000"^^<http://www.w3.org/2001/XMLSchema#decimal>"#
    );
}

#[test]
fn respectively_pairs_values_with_the_indicators_before_it() {
    let r = report(
        "实际利用内资突破50亿元,实际利用外资逼近3亿美元,分别是2015年的2.5倍和1.8倍。",
        "",
    );
    r.check(&[
        Quantity("2.5", &[Indicator("实际利用内资"), Baseline(Some("2015"))]),
        Quantity("1.8", &[Indicator("实际利用外资")]),
    ]);
}

#[test]
fn a_share_names_its_whole_and_a_glossary_makes_no_claims() {
    let r = report_text(&format!(
        "{OPENING}一、2018年工作回顾\n全县实现服务业增加值90亿元,占生产总值比重达到52.5%。\n名词解释\n1.三项机制:即3项制度、5个平台。\n"
    ));
    r.check(&[
        Quantity(
            "52.5",
            &[Measure(Share), Indicator("服务业增加值占生产总值比重")],
        ),
        // Nothing from the glossary.
        Values(&["90", "52.5"]),
    ]);
}

#[test]
fn an_indicator_between_cue_words() {
    let r = report("", "力争实现规上工业增加值突破200亿元。");
    r.check(&[Quantity(
        "200",
        &[Indicator("规上工业增加值"), Kind(Target), Comparator(Gt)],
    )]);
}

#[test]
fn the_longest_comparator_cue_wins() {
    let r = report(
        "",
        "培育科技型企业不少于120家,项目投资额不低于80亿元,能耗不超过3万吨。",
    );
    r.check(&[
        Quantity("120", &[Comparator(Ge)]),
        Quantity("80", &[Comparator(Ge)]),
        Quantity("3", &[Comparator(Le)]),
    ]);
}

#[test]
fn a_threshold_of_what_is_counted_is_no_quantity() {
    let r = report(
        "全县1000平方米以上商务楼宇达到40栋,投资额超5亿元的项目12个,开放占地6万平方米的滨河公园。",
        "",
    );
    r.check(&[
        NoValues(&["1000", "5"]),
        Quantity("40", &[Indicator("商务楼宇")]),
        // A number right before its noun with no other number in the clause stays.
        Quantity("6", &[Indicator("滨河公园")]),
    ]);
}

#[test]
fn what_a_verb_builds_follows_the_number() {
    let r = report(
        "建成1.5万平方米口袋公园,实施道路改造52条,实现18天本土病例清零,26天30例确诊病例全部出院。",
        "",
    );
    r.check(&[
        Quantity("1.5", &[Indicator("口袋公园")]),
        // 实施 says what was done, not what was added (新建 and 新增 do).
        Quantity("52", &[Measure(Level)]),
        Quantity("18", &[Indicator("本土病例清零")]),
        // Two numbers side by side: each is read.
        Quantity("30", &[Indicator("确诊病例全部出院"), Unit("例")]),
        Quantity("26", &[Unit("天")]),
    ]);
}

#[test]
fn a_share_or_a_time_measures_the_noun_after_it() {
    let r = report(
        "“一网通办”平台实现85%以上政务服务事项的网上办理,完成困扰群众8年之久的老街征收工作。",
        "",
    );
    r.check(&[
        Quantity("85", &[Indicator("政务服务事项的网上办理")]),
        Quantity("8", &[Indicator("老街征收工作")]),
    ]);
}

#[test]
fn brackets_stay_in_their_clause_and_the_next_number_ends_a_counted_noun() {
    let r = report(
        "人均收入突破5万元,排名全省县(市、区)第二;现有商业综合体、大型商场(超市)15个;迎接40多个国家30多个政党代表参观;12天20例确诊病例全部出院。",
        "",
    );
    let rank = r
        .resolved
        .quantities
        .iter()
        .find(|q| q.mention.measure == Rank)
        .expect("a rank");
    assert_eq!(rank.indicator.as_ref().unwrap().label, "人均收入");
    r.check(&[
        // The aside stays with its noun; 超 inside 超市 is no cue that would cut it.
        Quantity("15", &[Indicator("大型商场(超市)")]),
        Quantity("40", &[Indicator("国家")]),
        Quantity("12", &[Indicator("*确诊病例*")]),
    ]);
}

#[test]
fn qualifiers_cues_and_spans_of_years_are_no_indicators() {
    let r = report(
        "城镇新增就业12万人。争取新增上市企业10家左右。博士点由62个增加到96个。五年累计利用外资78亿美元。",
        "",
    );
    r.check(&[
        Quantity("12", &[Indicator("城镇新增就业")]),
        Quantity("10", &[Indicator("*上市企业*")]),
        Quantity("62", &[Indicator("博士点")]),
        Quantity("78", &[Indicator("利用外资")]),
    ]);
}

#[test]
fn the_value_a_change_starts_from_and_a_date_are_no_part_of_its_indicator() {
    let r = report(
        "农业产业化经营率由36.1%提高到48.5%。三大产业占农业的比重由2000年的60.6%提高到70%。",
        "",
    );
    r.check(&[
        Quantity("48.5", &[Indicator("农业产业化经营率")]),
        Quantity("36.1", &[Indicator("农业产业化经营率")]),
        Quantity("60.6", &[Indicator("*比重")]),
    ]);
}

#[test]
fn a_streak_measures_what_ran_on_not_the_word_for_it() {
    let r = report("粮食生产连续五年获得丰收。连续6年成功举办旅发大会。", "");
    r.check(&[
        Quantity("五", &[Indicator("粮食生产")]),
        Quantity("6", &[Indicator("*旅发大会*")]),
    ]);
}

#[test]
fn a_rank_in_a_scope_ends_its_clause() {
    let r = report(
        "全程接种率全市第一。被评为全市第一批示范县。打造全省第一个首店聚集区。",
        "",
    );
    r.check(&[Quantity("一", &[Measure(Rank), Indicator("全程接种率")])]);
}

#[test]
fn a_fall_is_a_negative_growth_and_its_bound_turns_over() {
    let r = report(
        "单位产值能耗下降5%以上,二氧化碳排放下降5.8%,药品平均降价58%。",
        "居民消费价格涨幅控制在3%左右。",
    );
    r.check(&[
        Quantity("5", &[Measure(Growth), Value(-5.0), Comparator(Le)]),
        Quantity("5.8", &[Measure(Growth), Value(-5.8), Comparator(Eq)]),
        Quantity("58", &[Measure(Growth), Value(-58.0), Comparator(Eq)]),
        // A word after the number says more than one before it: about 3%, not at most.
        Quantity("3", &[Measure(Growth), Value(3.0), Comparator(Approx)]),
    ]);
}

#[test]
fn a_verb_counts_for_every_item_of_its_list() {
    let r = report(
        "新增高新技术企业150家、科技型中小企业超600家。改造老旧小区300个。第6届旅发大会成功举办。",
        "",
    );
    r.check(&[
        Quantity("150", &[Measure(Increase)]),
        Quantity("600", &[Measure(Increase)]),
        Quantity("300", &[Measure(Level)]),
        // An edition (第6届) is no quantity.
        NoValues(&["6"]),
    ]);
}

#[test]
fn what_is_counted_is_a_noun_phrase_and_a_rank_drops_its_verb() {
    let r = report(
        "120栋安置房相继交付入住。政协提案500件全部办复。60项年度重点任务全部完成。企业数量总量居全国第七。湖区水质稳定达到Ⅲ类。",
        "",
    );
    r.check(&[
        Quantity("120", &[Indicator("安置房")]),
        Quantity("500", &[Indicator("政协提案")]),
        // 年 of 年度 is no word of its own: it stays.
        Quantity("60", &[Indicator("年度重点任务")]),
        Quantity("七", &[Indicator("企业数量总量")]),
        Quantity("Ⅲ", &[Value(3.0), Unit("类")]),
    ]);
}

#[test]
fn fractions_are_shares_and_doublings_multiples() {
    let r = report(
        "钢铁产能达到全国的1/5,服务业增加值占全县三分之一以上。",
        "力争全县生产总值比2018年翻一番,农民收入翻两番。",
    );
    r.check(&[
        Quantity("1/5", &[Measure(Share), Value(0.2), Unit("")]),
        Quantity("三分之一", &[Comparator(Ge)]),
        Quantity(
            "翻一番",
            &[Measure(Multiple), Kind(Target), Value(2.0), Unit("倍")],
        ),
        Quantity("翻两番", &[Value(4.0)]),
    ]);
    let third = the_quantity(&r, "三分之一");
    assert!((third.mention.value - 1.0 / 3.0).abs() < 1e-12);
}

#[test]
fn numbers_of_names_and_policy_documents_are_no_quantities() {
    let r = report(
        "“人才16条”反响热烈,全面落实稳就业12条政策,出台支持民营经济发展的25条措施,新开通公交线路12条。",
        "实现\"翻两番、三步走\"目标,开展“我为群众办实事”活动,新建道路8条。",
    );
    r.check(&[
        // The counts of real things in the same sentences are read.
        Quantity("8", &[Unit("条")]),
        Quantity("12", &[Unit("条")]),
        Values(&["12", "8"]),
    ]);
}

#[test]
fn people_in_ten_thousands_and_a_list_summed_up_by_its_count() {
    let r = report(
        "帮助749万群众解决诉求1005万件。",
        "推进基础设施、宜居环境等七大专项行动。",
    );
    r.check(&[
        Quantity("749", &[Unit("万人")]),
        Quantity("1005", &[Unit("万件")]),
        Quantity("七", &[Value(7.0), Unit("个"), Indicator("专项行动")]),
    ]);
}

#[test]
fn listed_values_share_their_verb_and_the_items_named_before_respectively() {
    let r = report(
        "城镇和农村居民人均可支配收入分别增长5.2%和7.1%。化学需氧量、二氧化硫、氨氮排放量分别削减2.2%、3.2%和1.5%。",
        "",
    );
    r.check(&[
        Quantity("7.1", &[Measure(Growth), Value(7.1)]),
        // Each falls.
        Quantity(
            "2.2",
            &[Measure(Growth), Below(0.0), Indicator("化学需氧量")],
        ),
        Quantity("3.2", &[Measure(Growth), Below(0.0), Indicator("二氧化硫")]),
        Quantity(
            "1.5",
            &[Measure(Growth), Below(0.0), Indicator("氨氮排放量")],
        ),
    ]);
}

#[test]
fn a_rate_before_the_value_a_change_starts_from_and_a_steady_level() {
    let r = report(
        "城乡低保标准从每人每月600元提高到680元,粮食播种面积稳定在1100万亩以上。",
        "",
    );
    r.check(&[
        Quantity("600", &[Indicator("城乡低保标准")]),
        Quantity("680", &[Indicator("城乡低保标准")]),
        Quantity("1100", &[Indicator("粮食播种面积"), Comparator(Ge)]),
    ]);
}
