"""The one partial-update rule, for every update mutation: a field left out keeps its value, null clears a
field that may be empty, null for a field that may not is a REQUIRED userError that changes nothing."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from tests.factories import build_cast, create_organization, create_party_member
from tests.graphql.client import gql, login
from tests.graphql.registry.support import token
from tests.services.funds.support import draft, funds_park

# (token, global ID of the object the mutation updates)
Subject = tuple[str, str]


@dataclass(frozen=True)
class Update:
    mutation: str
    selection: str  # the payload's object and the fields read back
    nullable: str  # a field null clears ...
    cleared: Any  # ... to this
    required: str | None  # a field null may not clear
    other: tuple[str, Any]  # a field changed while the nullable one is left out
    subject: Callable[[AsyncTestClient[Any], Database], Awaitable[Subject]]

    def document(self) -> str:
        input_type = self.mutation[0].upper() + self.mutation[1:] + "Input"
        return (
            f"mutation M($input: {input_type}!) {{ {self.mutation}(input: $input) "
            f"{{ {self.selection} userErrors {{ field code }} }} }}"
        )

    async def run(self, client: AsyncTestClient[Any], subject: Subject, **fields: Any) -> dict[str, Any]:
        auth, object_id = subject
        body = await gql(client, self.document(), {"input": {"id": object_id, **fields}}, token=auth)
        assert "errors" not in body, body
        payload: dict[str, Any] = body["data"][self.mutation]
        return payload

    def read(self, payload: dict[str, Any], field: str) -> Any:
        return payload[self.selection.split()[0]][field]


async def _chain(client: AsyncTestClient[Any], db: Database) -> Subject:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)
    chain_id = str(encode_id("IndustryChain", cast.chain.id))
    described = await UPDATES["updateIndustryChain"].run(client, (admin, chain_id), description="新材料产业链党委")
    assert described["userErrors"] == []
    return admin, chain_id


async def _enterprise(client: AsyncTestClient[Any], db: Database) -> Subject:
    cast = await build_cast(db)  # its enterprise has a contact name and phone
    return await token(client, db, cast, cast.admin), str(encode_id("Enterprise", cast.enterprise.id))


async def _enterprise_contact(client: AsyncTestClient[Any], db: Database) -> Subject:
    cast = await build_cast(db)
    return await token(client, db, cast, cast.contact), str(encode_id("Enterprise", cast.enterprise.id))


async def _organization(client: AsyncTestClient[Any], db: Database) -> Subject:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    return await token(client, db, cast, cast.admin), str(encode_id("PartyOrganization", org.id))


async def _member(client: AsyncTestClient[Any], db: Database) -> Subject:
    cast = await build_cast(db)
    member = await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id, joined_on=date(2020, 7, 1))
    return await token(client, db, cast, cast.admin), str(encode_id("PartyMember", member.id))


async def _program(client: AsyncTestClient[Any], db: Database) -> Subject:
    fp = await funds_park(db)
    admin = await login(client, fp.admin.user.email, park_id=encode_id("Park", fp.park.id))
    program_id = str(encode_id("FundProgram", fp.program_id))
    own_rule = {"minFen": 100, "maxFen": 600_000, "defaultFen": 600_000}
    changed = await UPDATES["changeFundProgram"].run(client, (admin, program_id), amountRule=own_rule)
    assert changed["userErrors"] == []
    return admin, program_id


async def _application(client: AsyncTestClient[Any], db: Database) -> Subject:
    fp = await funds_park(db)
    application = await draft(db, fp, amount_fen=100_000)  # less than it is entitled to
    contact = await login(client, fp.contact.user.email, park_id=encode_id("Park", fp.park.id))
    return contact, str(encode_id("FundApplication", application.id))


UPDATES = {
    update.mutation: update
    for update in (
        Update(
            "updateIndustryChain",
            "industryChain { name description sortOrder }",
            nullable="description",
            cleared=None,
            required="name",
            other=("sortOrder", 7),
            subject=_chain,
        ),
        Update(
            "updateEnterprise",
            "enterprise { name contactName employeeCount }",
            nullable="contactName",
            cleared=None,
            required="employeeCount",
            other=("name", "新名称有限公司"),
            subject=_enterprise,
        ),
        Update(
            "updateEnterpriseContact",
            "enterprise { contactName contactPhone }",
            nullable="contactPhone",
            cleared=None,
            required=None,  # both fields may be cleared
            other=("contactName", "王芳"),
            subject=_enterprise_contact,
        ),
        Update(
            "updatePartyOrganization",
            "partyOrganization { name kind chain { id } }",
            nullable="chain",
            cleared=None,
            required="kind",
            other=("name", "新名称党支部"),
            subject=_organization,
        ),
        Update(
            "updateMember",
            "member { name joinedOn isFloating }",
            nullable="joinedOn",
            cleared=None,
            required="isFloating",
            other=("name", "王五"),
            subject=_member,
        ),
        Update(
            "changeFundProgram",
            "fundProgram { budgetFen amountRule }",
            nullable="amountRule",
            cleared="DEFAULT",  # the start-up fund's own rule
            required="budgetFen",
            other=("budgetFen", 200_000_000),
            subject=_program,
        ),
        Update(
            "updateFundApplication",
            "fundApplication { amountFen entitledFen documents { name } payee { accountName } }",
            nullable="amountFen",
            cleared="ENTITLED",  # what the program's rule entitles it to, as when drafted
            required="payee",
            other=("documents", [{"name": "成立批复.pdf", "url": "https://files.example.cn/a.pdf"}]),
            subject=_application,
        ),
    )
}
# The input field behind a payload field, where the two differ.
INPUT_FIELD = {("updatePartyOrganization", "chain"): "chainId"}
parametrized = pytest.mark.parametrize("update", list(UPDATES.values()), ids=list(UPDATES))


def input_field(update: Update, field: str) -> str:
    return INPUT_FIELD.get((update.mutation, field), field)


@parametrized
async def test_a_field_left_out_keeps_its_value(client: AsyncTestClient[Any], db: Database, update: Update) -> None:
    subject = await update.subject(client, db)
    before = update.read(await update.run(client, subject), update.nullable)
    field, value = update.other

    payload = await update.run(client, subject, **{field: value})

    assert payload["userErrors"] == []
    assert before is not None and update.read(payload, update.nullable) == before
    if field != "documents":
        assert update.read(payload, field) == value


@parametrized
async def test_null_clears_a_field_that_may_be_empty(
    client: AsyncTestClient[Any], db: Database, update: Update
) -> None:
    subject = await update.subject(client, db)
    before = await update.run(client, subject)

    payload = await update.run(client, subject, **{input_field(update, update.nullable): None})

    assert payload["userErrors"] == []
    cleared = update.read(payload, update.nullable)
    if update.cleared == "DEFAULT":
        assert cleared != update.read(before, update.nullable) and cleared["defaultFen"] == 500_000
    elif update.cleared == "ENTITLED":
        assert cleared == update.read(payload, "entitledFen") != update.read(before, update.nullable)
    else:
        assert cleared is update.cleared


@pytest.mark.parametrize("update", [u for u in UPDATES.values() if u.required], ids=lambda u: u.mutation)
async def test_null_for_a_field_that_may_not_be_empty_is_refused(
    client: AsyncTestClient[Any], db: Database, update: Update
) -> None:
    subject = await update.subject(client, db)
    before = await update.run(client, subject)
    field, value = update.other
    assert update.required
    changes = {update.required: None} if field == update.required else {update.required: None, field: value}

    refused = await update.run(client, subject, **changes)

    assert refused["userErrors"] == [{"field": ["input", update.required], "code": "REQUIRED"}]
    assert await update.run(client, subject) == before  # nothing half-written
