"""The one spreadsheet writer: formulas stay text in CSV and XLSX, numbers stay numbers."""

import pytest

from redchain.infra.spreadsheet import SheetFormat, csv_text, sheet_file, xlsx_bytes
from tests.formulas import FORMULAS, assert_inert_xlsx, csv_cells, xlsx_cells

TRIGGERS = (*FORMULAS, "\t=1+1", "\r=1+1", "  =1+1", " \t-1")


def test_csv_prefixes_every_formula_with_an_apostrophe() -> None:
    text = csv_text([("header",), *((payload,) for payload in TRIGGERS)])

    assert text.startswith("\ufeff")
    assert [row[0] for row in csv_cells(text)] == ["header", *("'" + payload for payload in TRIGGERS)]


@pytest.mark.parametrize("harmless", ["长沙某某科技有限公司", "a=b", "1-2", "'=already quoted", "", "100.00"])
def test_csv_leaves_other_text_alone(harmless: str) -> None:
    assert csv_cells(csv_text([(harmless,)])) == [[harmless]]


def test_csv_numbers_stay_numbers() -> None:
    assert csv_cells(csv_text([(-200, 0, 500_000, None)])) == [["-200", "0", "500000", ""]]


def test_xlsx_writes_formulas_as_string_cells_and_numbers_as_numbers() -> None:
    # XML reads a raw carriage return back as a line feed, so that one is compared apart.
    triggers = tuple(t for t in TRIGGERS if not t.startswith("\r"))
    content = xlsx_bytes("表", [(*triggers, "\r=1+1"), (-200, 500_000, None, "5000.00")])

    assert_inert_xlsx(content, triggers)
    assert xlsx_cells(content)[0][-1].data_type == "s"
    numbers = xlsx_cells(content)[1]
    assert [(cell.value, cell.data_type) for cell in numbers[:2]] == [(-200, "n"), (500_000, "n")]
    assert (numbers[3].value, numbers[3].data_type) == ("5000.00", "s")


def test_xlsx_replaces_characters_xml_cannot_carry() -> None:
    [[cell]] = xlsx_cells(xlsx_bytes("表", [("a\x00b\x1bc",)]))

    assert cell.value == "a\ufffdb\ufffdc"


@pytest.mark.parametrize(("fmt", "suffix", "media"), [("CSV", ".csv", "text/csv"), ("XLSX", ".xlsx", "spreadsheetml")])
def test_a_file_is_named_and_typed_by_its_format(fmt: str, suffix: str, media: str) -> None:
    file = sheet_file(SheetFormat(fmt), "batch", "表", [("a",)])

    assert file.filename == "batch" + suffix and media in file.media_type and file.content
