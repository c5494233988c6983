from __future__ import annotations

import json
import subprocess
import sys
from enum import Enum

import pytest

import opengov
from golden import GOLDEN, UPDATE, check_golden
from opengov._model import FrozenModel
from opengov.cli import main
from opengov.errors import UnknownCodeError
from opengov.legacy import LegacyOutcome
from opengov.vocabulary import (
    VOCABULARIES,
    basis_of,
    export_vocabulary,
    json_schemas,
    labels_of,
    lookup,
    public_models,
)


def _members() -> list[Enum]:
    return [m for enum_type in VOCABULARIES for m in enum_type]


def test_every_vocabulary_item_has_a_basis_and_labels() -> None:
    for m in _members():
        assert basis_of(m), m
        zh, en = labels_of(m)
        assert zh.strip(), m
        assert en.strip(), m


_VOCABULARY_MODULES = {
    "opengov.citations",
    "opengov.editions",
    "opengov.categories",
    "opengov.applicants",
    "opengov.channels",
    "opengov.exemptions",
    "opengov.replies",
    "opengov.outcomes",
    "opengov.legacy",
    "opengov.disclosure",
    "opengov.catalogue",
    "opengov.applications",
}


def test_every_public_enum_of_the_vocabulary_modules_is_exported_as_vocabulary() -> None:
    exported = {
        obj
        for name in opengov.__all__
        if isinstance(obj := getattr(opengov, name), type) and issubclass(obj, Enum)
    }
    assert set(VOCABULARIES) <= exported
    # the application's states and statuses are vocabulary too: a case system in
    # another language shows them with their labels and articles
    modules = {e for e in exported if e.__module__ in _VOCABULARY_MODULES}
    assert modules == set(VOCABULARIES)


def test_codes_are_stable_snake_case_or_instrument_codes() -> None:
    for enum_type in VOCABULARIES:
        values = [m.value for m in enum_type]
        assert len(values) == len(set(values)), enum_type
        for v in values:
            assert isinstance(v, str)
            assert v == v.lower(), v
            assert v.replace("_", "").replace("-", "").isalnum(), v


@pytest.mark.parametrize("enum_type", VOCABULARIES, ids=lambda e: e.__name__)
def test_lookup_round_trips_every_code(enum_type: type[Enum]) -> None:
    for m in enum_type:
        assert lookup(enum_type, m.value) is m
        assert lookup(enum_type, m) is m


@pytest.mark.parametrize("enum_type", VOCABULARIES, ids=lambda e: e.__name__)
@pytest.mark.parametrize(
    "bad", [None, "", "STATE_SECRET", "nope", b"state_secret", 2019, "２０１９"]
)
def test_lookup_refuses_junk_with_the_known_codes(enum_type: type[Enum], bad: object) -> None:
    with pytest.raises(UnknownCodeError, match=r"^unknown \w+ code") as info:
        lookup(enum_type, bad)
    assert isinstance(info.value, LookupError)
    first = next(iter(enum_type))
    assert repr(first.value) in str(info.value)


@pytest.mark.parametrize("bad", [None, "", "2018", b"2019", 2019, "２０１９", object()])
def test_legacy_conversions_refuse_junk_formats(bad: object) -> None:
    for m in (LegacyOutcome.AGREED, LegacyOutcome.TOLD_TO_AMEND):
        with pytest.raises(UnknownCodeError, match="unknown ReportFormat code"):
            m.assume_report_row(bad)  # type: ignore[arg-type]
        with pytest.raises(UnknownCodeError, match="unknown ReportFormat code"):
            m.to_report_row(bad)  # type: ignore[arg-type]


def test_lookup_refuses_a_member_of_another_vocabulary() -> None:
    # OutcomeGroup.DISCLOSED and ReplyType.DISCLOSED share the code "disclosed".
    with pytest.raises(UnknownCodeError, match="OutcomeGroup"):
        lookup(opengov.ReplyType, opengov.OutcomeGroup.DISCLOSED)


def test_export_is_json_and_complete() -> None:
    data = export_vocabulary()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert list(data["vocabularies"]) == [e.__name__ for e in VOCABULARIES]
    for enum_type in VOCABULARIES:
        members = data["vocabularies"][enum_type.__name__]["members"]
        assert [m["code"] for m in members] == [m.value for m in enum_type]
        for m in members:
            assert m["basis"], m
            for c in m["basis"]:
                assert opengov.Citation.parse(c["citation"]).to_zh() == c["zh"]


def test_export_extras() -> None:
    v = export_vocabulary()["vocabularies"]
    third_party = v["ExemptionGround"]["members"][3]
    assert third_party["overrides"] == ["third_party_consent", "public_interest"]
    assert third_party["report_row"] == "withheld_third_party"
    not_corrected = next(m for m in v["ReplyType"]["members"] if m["code"] == "not_corrected")
    assert not_corrected["report_rows"] == {"2019": "other", "2021": "other_not_corrected"}
    withheld = next(m for m in v["ReplyType"]["members"] if m["code"] == "withheld")
    assert withheld["report_rows"] == {"2019": None, "2021": None}
    other = next(m for m in v["OutcomeRow"]["members"] if m["code"] == "other")
    assert other["formats"] == ["2019"]
    amend = next(m for m in v["LegacyOutcome"]["members"] if m["code"] == "told_to_amend")
    assert amend["lossless"] is False
    assert amend["note"]
    land = next(m for m in v["LocalProactiveItem"]["members"] if m["code"] == "land_expropriation")
    assert land["levels"] == ["city_county", "township"]


def test_export_of_the_disclosure_and_flag_vocabularies() -> None:
    v = export_vocabulary()["vocabularies"]
    # A 规章 and a 规范性文件 fall under Art. 20(1) by their nature; other information
    # under the item its decision names.
    kinds = {m["code"]: m for m in v["DocumentKind"]["members"]}
    assert kinds["rule"]["label_zh"] == "规章"
    assert kinds["normative_document"]["proactive_item"] == "rules_and_normative_documents"
    assert kinds["normative_document"]["basis"][0]["citation"] == "ogi-2019:20(1)"
    assert kinds["other"]["proactive_item"] is None
    decisions = {m["code"]: m for m in v["DecisionKind"]["members"]}
    # 部分公开 publishes the redacted version and withholds the parts cut
    assert (decisions["partial"]["publishes"], decisions["partial"]["withholds"]) == (True, True)
    assert (decisions["on_request"]["publishes"], decisions["on_request"]["withholds"]) == (
        False,
        False,
    )
    assert decisions["partial"]["note"]  # Art. 37 applied by analogy: an interpretation
    assert decisions["withheld"]["label_zh"] == "不予公开"
    review = {m["code"]: m for m in v["ReviewOutcome"]["members"]}
    assert [c["citation"] for c in review["uncertain"]["basis"]] == [
        "ogi-2019:17.2",
        "ogi-2019:17.3",
    ]
    targets = {m["code"]: m["label_zh"] for m in v["ReferralTarget"]["members"]}
    # Art. 17 para. 3: 报请有关主管部门或者保密行政管理部门确定
    assert targets == {
        "competent_department": "有关主管部门",
        "secrecy_administration": "保密行政管理部门",
    }
    assert [m["code"] for m in v["PeriodSource"]["members"]] == ["law", "local_rule"]
    assert [m["code"] for m in v["UsccCheck"]["members"]] == ["valid", "not_performed", "no_uscc"]
    flags = {m["code"]: m for m in v["ApplicationFlag"]["members"]}
    assert flags["late_reply"]["label_zh"] == "逾期答复"
    assert flags["late_correction_notice"]["basis"][0]["citation"] == "ogi-2019:30"
    assert {"correction_delivery_assumed", "late_correction", "late_fee_notice"} <= set(flags)


def test_export_of_the_application_vocabularies() -> None:
    v = export_vocabulary()["vocabularies"]
    parties = {m["code"]: m for m in v["ConsultedParty"]["members"]}
    # Art. 32: 书面征求第三方的意见; Art. 34: 共同制作 … 征求相关行政机关的意见;
    # Art. 33 para. 3: 征求第三方和其他机关意见所需时间不计算在前款规定的期限内
    assert parties["third_party"]["label_zh"] == "第三方"
    assert [c["citation"] for c in parties["third_party"]["basis"]] == ["ogi-2019:32"]
    assert [c["citation"] for c in parties["agency"]["basis"]] == ["ogi-2019:34"]
    assert [c["citation"] for c in parties["other_agency"]["basis"]] == ["ogi-2019:33.3"]
    assert parties["other_agency"]["basis"][0]["zh"] == (
        "《中华人民共和国政府信息公开条例》第三十三条第三款"
    )
    states = {m["code"]: m for m in v["ApplicationState"]["members"]}
    assert list(states) == [
        "open",
        "awaiting_correction",
        "consulting",
        "awaiting_payment",
        "replied",
        "closed",
    ]
    cited = {code: [c["citation"] for c in m["basis"]] for code, m in states.items()}
    assert cited == {
        "open": ["ogi-2019:33.2"],  # 20 working days to reply
        "awaiting_correction": ["ogi-2019:30"],  # 补正
        "consulting": ["ogi-2019:32", "ogi-2019:34", "ogi-2019:33.3"],
        "awaiting_payment": ["ogi-2019:42", "fee-measures-2020"],  # 信息处理费
        "replied": ["ogi-2019:36"],  # the reply types
        "closed": ["ogi-2019:30", "fee-measures-2020"],  # 视为放弃申请
    }
    assert (states["awaiting_correction"]["label_zh"], states["replied"]["label_zh"]) == (
        "等待补正",
        "已答复",
    )
    assert states["closed"]["note"]  # withdrawal: no article, an interpretation
    assert states["open"]["note"] is None
    statuses = {m["code"]: m for m in v["StatusKind"]["members"]}
    assert statuses["paused_for_consultation"]["label_zh"] == "征求意见中（期限中止计算）"
    # the pause itself first (Art. 33 para. 3), then who is consulted
    assert [c["citation"] for c in statuses["paused_for_consultation"]["basis"]] == [
        "ogi-2019:33.3",
        "ogi-2019:32",
        "ogi-2019:34",
    ]
    assert [c["citation"] for c in statuses["overdue"]["basis"]] == ["ogi-2019:33.2"]
    assert statuses["overdue"]["label_en"] == "overdue"


def test_export_is_a_fresh_copy() -> None:
    first = export_vocabulary()
    first["vocabularies"].clear()
    assert export_vocabulary()["vocabularies"]


def test_public_models_cover_every_exported_model() -> None:
    models = set(public_models())
    for name in opengov.__all__:
        obj = getattr(opengov, name)
        if isinstance(obj, type) and issubclass(obj, FrozenModel):
            assert obj in models, name
    assert {m.__name__ for m in models} >= {"Citation", "EditionRules", "Reply"}


def test_json_schemas_are_pinned() -> None:
    schemas = json_schemas()
    for name, schema in schemas.items():
        check_golden(f"schemas/{name}.json", schema)
    pinned = {p.stem for p in (GOLDEN / "schemas").glob("*.json")}
    stale = pinned - set(schemas)
    if stale and UPDATE:
        for name in stale:
            (GOLDEN / "schemas" / f"{name}.json").unlink()
    elif stale:
        pytest.fail(
            f"golden schemas for models that are no longer public: {sorted(stale)}; run the "
            "tests with OPENGOV_UPDATE_GOLDEN=1 to remove them"
        )


def test_vocabulary_dump_is_pinned() -> None:
    data = export_vocabulary()
    del data["opengov_version"]
    check_golden("vocabulary.json", data)


def test_cli_json_matches_the_export(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vocab", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == export_vocabulary()


def test_cli_table_and_selection(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vocab", "ExemptionGround"]) == 0
    out = capsys.readouterr().out
    assert "state_secret" in out
    assert "依法确定为国家秘密的政府信息" in out
    assert "ReplyType" not in out


def test_cli_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vocab", "--schema", "Reply"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"Reply"}


def test_cli_unknown_vocabulary_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["vocab", "Nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unknown_code" in err
    assert "ExemptionGround" in err


def test_console_entry_point_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "opengov", "vocab", "--json", "ReportFormat"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert list(json.loads(out.stdout)["vocabularies"]) == ["ReportFormat"]
