"""The liaison contract through GraphQL: mutations, scoped connections, workload, errors."""

from typing import Any

from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from tests.factories import create_enterprise
from tests.graphql.client import error_codes, gql, login, user_errors
from tests.graphql.registry.support import counted_statements
from tests.services.liaison.world import Person, World, assign, build_world, days_ago

ASSIGN = """
mutation Assign($input: AssignLiaisonInput!) {
  assignLiaison(input: $input) {
    assignment { id kind status startsOn endsOn enterpriseId officer { id displayName } }
    userErrors { field code message }
  }
}
"""
END = """
mutation End($input: EndLiaisonAssignmentInput!) {
  endLiaisonAssignment(input: $input) {
    assignment { id status endsOn }
    userErrors { field code message }
  }
}
"""
LOG_VISIT = """
mutation Log($input: LogVisitInput!) {
  logVisit(input: $input) {
    visit { id visitedOn notes followUps enterpriseId officer { id } assignment { id } }
    userErrors { field code message }
  }
}
"""
ASSIGNMENTS = """
query Assignments($status: AssignmentStatus, $first: Int) {
  liaisonAssignments(status: $status, first: $first) {
    totalCount
    edges { node { id kind status officer { id displayName } enterprise { id name } } }
  }
}
"""
VISITS = """
query { visits(first: 50) { totalCount nodes { id notes assignment { id } officer { id } } } }
"""
PERMISSIONS = "query { me { permissions } }"
WORKLOAD = """
query { officerWorkload { officer { id } activeAssignments keyEnterprises visitsLast30Days visitsLast90Days
  lastVisitOn visitsThisMonth } }
"""
NODE = """
query Node($id: ID!) { node(id: $id) { id ... on LiaisonAssignment { status } } }
"""


async def _token(client: AsyncTestClient[Any], world: World, who: Person) -> str:
    return await login(client, who.user.email, park_id=encode_id("Park", world.park.id))


def _assign_input(world: World, enterprise_id: Any = None, officer: Person | None = None) -> dict[str, Any]:
    return {
        "input": {
            "enterpriseId": encode_id("Enterprise", enterprise_id or world.enterprise.id),
            "officerUserId": encode_id("User", (officer or world.officer).user.id),
            "kind": "LIAISON_OFFICER",
            "startsOn": days_ago(10).isoformat(),
        }
    }


async def test_assign_log_and_read_back(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    admin, officer = await _token(client, world, world.admin), await _token(client, world, world.officer)

    body = await gql(client, ASSIGN, _assign_input(world), token=admin)
    payload = body["data"]["assignLiaison"]
    assert payload["userErrors"] == []
    assignment = payload["assignment"]
    assert (assignment["status"], assignment["kind"], assignment["endsOn"]) == ("ACTIVE", "LIAISON_OFFICER", None)
    assert assignment["officer"]["id"] == encode_id("User", world.officer.user.id)

    body = await gql(
        client,
        LOG_VISIT,
        {
            "input": {
                "assignmentId": assignment["id"],
                "visitedOn": days_ago(1).isoformat(),
                "notes": "了解企业融资需求",
                "followUps": "对接园区金融服务中心",
            }
        },
        token=officer,
    )
    visit = body["data"]["logVisit"]
    assert visit["userErrors"] == []
    assert visit["visit"]["assignment"]["id"] == assignment["id"]
    assert visit["visit"]["enterpriseId"] == encode_id("Enterprise", world.enterprise.id)

    mine = (await gql(client, ASSIGNMENTS, {"status": "ACTIVE"}, token=officer))["data"]["liaisonAssignments"]
    assert mine["totalCount"] == 1
    assert (await gql(client, VISITS, token=officer))["data"]["visits"]["totalCount"] == 1
    workload = (await gql(client, WORKLOAD, token=admin))["data"]["officerWorkload"]
    busy = next(w for w in workload if w["officer"]["id"] == encode_id("User", world.officer.user.id))
    assert (busy["activeAssignments"], busy["keyEnterprises"], busy["visitsLast30Days"]) == (1, 1, 1)
    assert busy["lastVisitOn"] == days_ago(1).isoformat()
    assert busy["visitsThisMonth"] == (1 if days_ago(1).month == days_ago(0).month else 0)


async def test_ending_takes_the_enterprise_from_the_officer(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    admin, officer = await _token(client, world, world.admin), await _token(client, world, world.officer)
    assignment = await assign(db, world, starts_on=days_ago(20))
    global_id = encode_id("LiaisonAssignment", assignment.id)

    body = await gql(client, END, {"input": {"id": global_id, "endsOn": days_ago(1).isoformat()}}, token=admin)
    assert body["data"]["endLiaisonAssignment"]["assignment"]["status"] == "ENDED"

    body = await gql(
        client,
        LOG_VISIT,
        {"input": {"assignmentId": global_id, "visitedOn": days_ago(2).isoformat(), "notes": "补记"}},
        token=officer,
    )
    assert [e["code"] for e in body["data"]["logVisit"]["userErrors"]] == ["ASSIGNMENT_NOT_ACTIVE"]
    active = (await gql(client, ASSIGNMENTS, {"status": "ACTIVE"}, token=officer))["data"]["liaisonAssignments"]
    assert active["totalCount"] == 0
    # The officer keeps its history, but the enterprise is no longer in its scope.
    ended = (await gql(client, ASSIGNMENTS, {"status": "ENDED"}, token=officer))["data"]["liaisonAssignments"]
    assert [edge["node"]["enterprise"] for edge in ended["edges"]] == [None]
    as_admin = (await gql(client, ASSIGNMENTS, {"status": "ENDED"}, token=admin))["data"]["liaisonAssignments"]
    assert as_admin["edges"][0]["node"]["enterprise"]["id"] == encode_id("Enterprise", world.enterprise.id)
    again = await gql(client, END, {"input": {"id": global_id}}, token=admin)
    assert [e["code"] for e in again["data"]["endLiaisonAssignment"]["userErrors"]] == ["ALREADY_ENDED"]


async def test_refusals(client: AsyncTestClient[Any], db: Database) -> None:
    world, elsewhere = await build_world(db), await build_world(db)
    assignment = await assign(db, world)
    global_id = encode_id("LiaisonAssignment", assignment.id)
    visit_input = {"input": {"assignmentId": global_id, "visitedOn": days_ago(1).isoformat(), "notes": "走访"}}

    for name in ("auditor", "finance", "officer", "contact"):
        token = await _token(client, world, world.everyone()[name])
        body = await gql(client, ASSIGN, _assign_input(world), token=token)
        assert error_codes(body) == ["FORBIDDEN"], name
        body = await gql(client, END, {"input": {"id": global_id}}, token=token)
        assert error_codes(body) == ["FORBIDDEN"], name
    for name in ("admin", "staff", "auditor"):
        body = await gql(client, LOG_VISIT, visit_input, token=await _token(client, world, world.everyone()[name]))
        assert error_codes(body) == ["FORBIDDEN"], name

    other_officer = await _token(client, world, world.other_officer)
    body = await gql(client, LOG_VISIT, visit_input, token=other_officer)
    assert user_errors(body["data"]["logVisit"]) == [("input.assignmentId", "NOT_FOUND")]
    assert error_codes(await gql(client, NODE, {"id": global_id}, token=other_officer)) == ["NOT_FOUND"]

    staff = await _token(client, world, world.staff)
    body = await gql(client, ASSIGN, _assign_input(world, enterprise_id=world.other_enterprise.id), token=staff)
    assert user_errors(body["data"]["assignLiaison"]) == [("input.enterpriseId", "NOT_FOUND")]
    assert body["data"]["assignLiaison"]["assignment"] is None

    admin = await _token(client, world, world.admin)
    body = await gql(client, ASSIGN, _assign_input(world, enterprise_id=elsewhere.enterprise.id), token=admin)
    assert [e["code"] for e in body["data"]["assignLiaison"]["userErrors"]] == ["NOT_FOUND"]
    body = await gql(client, ASSIGN, _assign_input(world, officer=elsewhere.officer), token=admin)
    assert [e["code"] for e in body["data"]["assignLiaison"]["userErrors"]] == ["OFFICER_NOT_ELIGIBLE"]
    foreign = encode_id("LiaisonAssignment", (await assign(db, elsewhere)).id)
    assert error_codes(await gql(client, NODE, {"id": foreign}, token=admin)) == ["NOT_FOUND"]
    body = await gql(client, END, {"input": {"id": foreign}}, token=admin)
    assert [e["code"] for e in body["data"]["endLiaisonAssignment"]["userErrors"]] == ["NOT_FOUND"]

    body = await gql(client, END, {"input": {"id": encode_id("Enterprise", world.enterprise.id)}}, token=admin)
    assert user_errors(body["data"]["endLiaisonAssignment"]) == [("input.id", "INVALID")]
    assert error_codes(await gql(client, ASSIGN, _assign_input(world))) == ["UNAUTHENTICATED"]
    finance = await _token(client, world, world.finance)
    assert error_codes(await gql(client, WORKLOAD, token=finance)) == ["FORBIDDEN"]


async def test_messages_follow_the_callers_language(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    admin = await _token(client, world, world.admin)
    await assign(db, world, starts_on=days_ago(30))
    zh = await gql(client, ASSIGN, _assign_input(world), token=admin)
    en = await gql(client, ASSIGN, _assign_input(world), token=admin, headers={"Accept-Language": "en"})
    zh_error, en_error = zh["data"]["assignLiaison"]["userErrors"][0], en["data"]["assignLiaison"]["userErrors"][0]
    assert zh_error["code"] == en_error["code"] == "DUPLICATE_ASSIGNMENT"
    assert zh_error["message"] != en_error["message"]


async def test_lists_cost_a_constant_number_of_statements(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    admin = await _token(client, world, world.admin)

    async def statements_for_list() -> int:
        with counted_statements() as statements:
            body = await gql(client, ASSIGNMENTS, {"first": 100}, token=admin)
        assert "errors" not in body
        return len(statements)

    await assign(db, world)
    few = await statements_for_list()
    for _ in range(12):
        await assign(
            db,
            world,
            enterprise=await create_enterprise(db, world.park, chain_id=world.chain.id),
            officer=world.other_officer,
        )
    assert few > 0
    assert await statements_for_list() == few


async def test_only_officers_carry_the_visit_permission(client: AsyncTestClient[Any], db: Database) -> None:
    world = await build_world(db)
    officer, admin = await _token(client, world, world.officer), await _token(client, world, world.admin)

    assert "LIAISON_VISIT" in (await gql(client, PERMISSIONS, token=officer))["data"]["me"]["permissions"]
    assert "LIAISON_VISIT" not in (await gql(client, PERMISSIONS, token=admin))["data"]["me"]["permissions"]
