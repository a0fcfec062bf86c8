"""The holiday calendar through GraphQL: platform admins only; bad input as userErrors naming the field."""

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.services.permissions import Role
from tests.factories import create_park, create_platform_admin
from tests.graphql.client import error_codes, gql, login, member_token, user_errors

CALENDAR = """
query($year: Int!) {
  holidayCalendar(year: $year) {
    year covered source note revision days { date kind name } changes { action actorId after }
  }
}
"""
REPLACE = """
mutation($input: ReplaceHolidayCalendarYearInput!) {
  replaceHolidayCalendarYear(input: $input) {
    holidayCalendar { year covered source note days { date kind name } }
    userErrors { field code message }
  }
}
"""
SET_DAY = """
mutation($input: SetHolidayCalendarDayInput!) {
  setHolidayCalendarDay(input: $input) { day { date kind name } userErrors { field code } }
}
"""
REMOVE_DAY = """
mutation($input: RemoveHolidayCalendarDayInput!) {
  removeHolidayCalendarDay(input: $input) { day { date kind } userErrors { field code } }
}
"""
SCHEDULE = [
    {"date": "2096-01-01", "kind": "HOLIDAY", "name": "元旦"},
    {"date": "2096-02-04", "kind": "WORKDAY", "name": "调休上班"},
]


async def _platform_admin(client: AsyncTestClient[Any], db: Database) -> str:
    admin, _ = await create_platform_admin(db)
    return await login(client, admin.email)


async def test_a_platform_admin_reads_the_seeded_year(client: AsyncTestClient[Any], db: Database) -> None:
    token = await _platform_admin(client, db)
    body = await gql(client, CALENDAR, {"year": 2026}, token)
    year = body["data"]["holidayCalendar"]
    assert (year["covered"], year["source"]) == (True, "OFFICIAL")
    assert {"date": "2026-02-14", "kind": "WORKDAY", "name": "调休上班（2026-02-20 休息）"} in year["days"]
    assert year["changes"][-1]["action"] == "holiday_calendar.seed"
    assert (await gql(client, CALENDAR, {"year": 2099}, token))["data"]["holidayCalendar"]["covered"] is False


async def test_a_platform_admin_replaces_a_year_and_edits_a_day(client: AsyncTestClient[Any], db: Database) -> None:
    token = await _platform_admin(client, db)
    body = await gql(client, REPLACE, {"input": {"year": 2096, "days": SCHEDULE, "note": "国务院办公厅通知"}}, token)
    payload = body["data"]["replaceHolidayCalendarYear"]
    assert payload["userErrors"] == []
    assert payload["holidayCalendar"]["source"] == "OFFICIAL" and payload["holidayCalendar"]["days"] == SCHEDULE
    day = {"date": "2096-01-02", "kind": "HOLIDAY", "name": "元旦"}
    assert (await gql(client, SET_DAY, {"input": day}, token))["data"]["setHolidayCalendarDay"]["day"] == day
    removed = await gql(client, REMOVE_DAY, {"input": {"date": "2096-02-04"}}, token)
    assert removed["data"]["removeHolidayCalendarDay"]["day"] == {"date": "2096-02-04", "kind": "WORKDAY"}
    year = (await gql(client, CALENDAR, {"year": 2096}, token))["data"]["holidayCalendar"]
    assert [d["date"] for d in year["days"]] == ["2096-01-01", "2096-01-02"]
    assert [c["action"] for c in year["changes"]] == [
        "holiday_calendar.remove_day",
        "holiday_calendar.set_day",
        "holiday_calendar.replace_year",
    ]
    assert all(c["actorId"] for c in year["changes"])


@pytest.mark.parametrize(
    ("days", "field", "code"),
    [
        (
            [*SCHEDULE, {"date": "2097-01-01", "kind": "HOLIDAY", "name": "元旦"}],
            "input.days.2.date",
            "DATE_OUTSIDE_YEAR",
        ),
        ([*SCHEDULE, SCHEDULE[0]], "input.days.2.date", "DUPLICATE_DATE"),
        ([{**SCHEDULE[0], "kind": "HALF_DAY"}], "input.days.0.kind", "UNKNOWN_KIND"),
    ],
)
async def test_bad_input_is_a_user_error_naming_the_field(
    client: AsyncTestClient[Any], db: Database, days: list[dict[str, str]], field: str, code: str
) -> None:
    token = await _platform_admin(client, db)
    body = await gql(client, REPLACE, {"input": {"year": 2096, "days": days}}, token)
    payload = body["data"]["replaceHolidayCalendarYear"]
    assert payload["holidayCalendar"] is None
    assert user_errors(payload) == [(field, code)]


async def test_a_bad_kind_or_year_of_one_day(client: AsyncTestClient[Any], db: Database) -> None:
    token = await _platform_admin(client, db)
    bad_kind = await gql(client, SET_DAY, {"input": {"date": "2096-03-01", "kind": "x", "name": "假"}}, token)
    assert bad_kind["data"]["setHolidayCalendarDay"]["userErrors"] == [
        {"field": ["input", "kind"], "code": "UNKNOWN_KIND"}
    ]
    missing = await gql(client, REMOVE_DAY, {"input": {"date": "2096-03-01"}}, token)
    assert missing["data"]["removeHolidayCalendarDay"]["userErrors"] == [
        {"field": ["input", "date"], "code": "DAY_NOT_FOUND"}
    ]
    out_of_range = await gql(client, CALENDAR, {"year": 1800}, token)
    assert out_of_range["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "reason": "YEAR_OUT_OF_RANGE",
        "field": ["year"],
    }


@pytest.mark.parametrize("role", [Role.PARK_ADMIN, Role.AUDITOR, Role.CHAIN_STAFF])
async def test_everyone_else_is_forbidden(client: AsyncTestClient[Any], db: Database, role: Role) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, role)
    for document, variables in [
        (CALENDAR, {"year": 2026}),
        (REPLACE, {"input": {"year": 2096, "days": SCHEDULE}}),
        (SET_DAY, {"input": SCHEDULE[0]}),
        (REMOVE_DAY, {"input": {"date": "2026-01-01"}}),
    ]:
        body = await gql(client, document, variables, token)
        assert error_codes(body) == ["FORBIDDEN"], body
    assert error_codes(await gql(client, CALENDAR, {"year": 2026})) == ["UNAUTHENTICATED"]
