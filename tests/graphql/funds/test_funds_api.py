"""The funds workflow through GraphQL: the contract, the refusals, masking, exports and reports."""

import base64
import csv
import io
from typing import Any

from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.funds.models import FundApplication
from tests.graphql.client import error_codes, gql, login, user_errors
from tests.graphql.registry.support import counted_statements
from tests.services.funds.support import FundsPark, Person, advance, approved, draft, eligible_organization, funds_park

APPLICATION_FIELDS = """
  id status amountFen entitledFen organizationId lastReason
  organization { id name kind memberCount } chain { id name }
  payee { accountName bank accountNumberMasked }
  documents { name url sizeBytes sha256 }
  program { id kind budget { budgetFen reservedFen availableFen } }
  payment { status idempotencyKey attempts }
"""
DRAFT = f"""
mutation Draft($input: DraftFundApplicationInput!) {{
  draftFundApplication(input: $input) {{
    fundApplication {{ {APPLICATION_FIELDS} }}
    userErrors {{ field code message }}
  }}
}}
"""
SUBMIT = """
mutation Submit($id: ID!) {
  submitFundApplication(input: {id: $id}) { fundApplication { id status } userErrors { field code message } }
}
"""
REVIEW = """
mutation Review($input: ReviewFundApplicationInput!) {
  reviewFundApplication(input: $input) { fundApplication { id status lastReason } userErrors { field code message } }
}
"""
CREATE_BATCH = """
mutation Batch($input: CreatePaymentBatchInput!) {
  createPaymentBatch(input: $input) {
    paymentBatch { id status applicationCount totalFen progress { scheduled paying paid } }
    userErrors { field code message }
  }
}
"""
EXECUTE = """
mutation Execute($id: ID!) {
  executePaymentBatch(input: {id: $id}) {
    paymentBatch { id status executedAt progress { scheduled paying paid }
                   applications(first: 10) { totalCount nodes { status payment { status idempotencyKey } } } }
    userErrors { field code message }
  }
}
"""
CREATE_PROGRAM = """
mutation Program($input: CreateFundProgramInput!) {
  createFundProgram(input: $input) {
    fundProgram { id kind fiscalYear budgetFen amountRule budget { availableFen } }
    userErrors { field code message }
  }
}
"""
APPLICATIONS = f"""
query Applications($status: FundApplicationStatus) {{
  fundApplications(first: 50, status: $status) {{ totalCount nodes {{ {APPLICATION_FIELDS} batch {{ id }} }} }}
}}
"""
EXPORT = """
query Export($id: ID!, $format: ExportFormat!) {
  paymentBatchExport(id: $id, format: $format) { filename mediaType contentBase64 }
}
"""
REPORT = """
query Report { fundLedgerReport { programId chainId month kind amountFen entries } }
"""
LEDGER = """
query Ledger($programId: ID) { fundLedger(first: 20, programId: $programId) { totalCount nodes { kind amountFen } } }
"""


async def token(client: AsyncTestClient[Any], fp: FundsPark, who: Person) -> str:
    return await login(client, who.user.email, park_id=encode_id("Park", fp.park.id))


async def tokens(client: AsyncTestClient[Any], fp: FundsPark, *people: Person) -> list[str]:
    return [await token(client, fp, who) for who in people]


def draft_input(fp: FundsPark, organization_id: Any = None, **overrides: Any) -> dict[str, Any]:
    return {
        "programId": encode_id("FundProgram", fp.program_id),
        "organizationId": encode_id("PartyOrganization", organization_id or fp.organization.id),
        "payee": {
            "accountName": "长沙某某科技有限公司",
            "bank": "中国银行长沙分行",
            "accountNumber": "6222 0202 0011 2233",
        },
        "documents": [{"name": "成立批复.pdf", "url": "https://files.example.cn/a.pdf", "sizeBytes": 1024}],
        **overrides,
    }


def gid(application: FundApplication) -> str:
    return str(encode_id("FundApplication", application.id))


async def test_draft_to_execution_through_the_api(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db)
    contact, staff, admin, finance = await tokens(client, fp, fp.contact, fp.staff, fp.admin, fp.finance)

    drafted = await gql(client, DRAFT, {"input": draft_input(fp)}, token=contact)
    application = drafted["data"]["draftFundApplication"]["fundApplication"]
    assert drafted["data"]["draftFundApplication"]["userErrors"] == []
    assert (application["status"], application["amountFen"]) == ("DRAFT", 500_000)
    assert application["payee"]["accountNumberMasked"] == "**** **** **** 2233"
    assert "6222020200112233" not in str(drafted) and "0011 2233" not in str(drafted)
    assert application["documents"][0]["name"] == "成立批复.pdf"
    assert application["organization"]["name"] == fp.organization.name and application["chain"]["id"]

    await gql(client, SUBMIT, {"id": application["id"]}, token=contact)
    chain = await gql(
        client, REVIEW, {"input": {"id": application["id"], "stage": "CHAIN", "decision": "APPROVE"}}, token=staff
    )
    assert chain["data"]["reviewFundApplication"]["fundApplication"]["status"] == "CHAIN_APPROVED"
    park = await gql(
        client, REVIEW, {"input": {"id": application["id"], "stage": "PARK", "decision": "APPROVE"}}, token=admin
    )
    assert park["data"]["reviewFundApplication"]["fundApplication"]["status"] == "PARK_APPROVED"

    batch = await gql(
        client, CREATE_BATCH, {"input": {"name": "第一批", "applicationIds": [application["id"]]}}, token=finance
    )
    created = batch["data"]["createPaymentBatch"]["paymentBatch"]
    assert (created["status"], created["totalFen"], created["progress"]["scheduled"]) == ("DRAFT", 500_000, 1)
    executed = await gql(client, EXECUTE, {"id": created["id"]}, token=finance)
    result = executed["data"]["executePaymentBatch"]["paymentBatch"]
    assert (result["status"], result["progress"]["paying"]) == ("EXECUTED", 1)
    node = result["applications"]["nodes"][0]
    assert node["status"] == "PAYING" and node["payment"]["status"] == "PENDING"

    listed = await gql(client, APPLICATIONS, {"status": "PAYING"}, token=contact)
    assert listed["data"]["fundApplications"]["totalCount"] == 1
    assert listed["data"]["fundApplications"]["nodes"][0]["program"]["budget"]["reservedFen"] == 500_000
    ledger = await gql(client, LEDGER, {"programId": encode_id("FundProgram", fp.program_id)}, token=finance)
    assert [n["kind"] for n in ledger["data"]["fundLedger"]["nodes"]] == ["RESERVE"]


async def test_programs_through_the_api(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db)
    admin = await token(client, fp, fp.admin)
    rule = {"minFen": 100_000, "maxFen": 300_000, "defaultFen": 200_000}

    body = await gql(
        client,
        CREATE_PROGRAM,
        {
            "input": {
                "kind": "SECRETARY_ALLOWANCE",
                "fiscalYear": 2026,
                "name": "书记津贴",
                "budgetFen": 5_000_000_000,
                "amountRule": rule,
            }
        },
        token=admin,
    )

    program = body["data"]["createFundProgram"]["fundProgram"]
    assert program["budgetFen"] == 5_000_000_000  # beyond a 32-bit Int
    assert program["amountRule"]["defaultFen"] == 200_000 and program["budget"]["availableFen"] == 5_000_000_000
    bad = await gql(
        client,
        CREATE_PROGRAM,
        {
            "input": {
                "kind": "DUES_REBATE",
                "fiscalYear": 2026,
                "name": "x",
                "budgetFen": 1,
                "amountRule": {"minFen": 5},
            }
        },
        token=admin,
    )
    assert [e["code"] for e in bad["data"]["createFundProgram"]["userErrors"]] == ["INVALID_AMOUNT_RULE"]
    not_money = await gql(
        client,
        CREATE_PROGRAM,
        {"input": {"kind": "DUES_REBATE", "fiscalYear": 2026, "name": "x", "budgetFen": 1.5}},
        token=admin,
    )
    assert error_codes(not_money) == ["BAD_USER_INPUT"]


async def test_rule_failures_are_user_errors(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db, budget_fen=500_000)
    contact, staff, admin = await tokens(client, fp, fp.contact, fp.staff, fp.admin)
    first = await draft(db, fp)

    again = await gql(client, DRAFT, {"input": draft_input(fp)}, token=contact)
    assert [e["code"] for e in again["data"]["draftFundApplication"]["userErrors"]] == ["ALREADY_APPLIED"]
    illegal = await gql(
        client, REVIEW, {"input": {"id": gid(first), "stage": "CHAIN", "decision": "APPROVE"}}, token=staff
    )
    assert [e["code"] for e in illegal["data"]["reviewFundApplication"]["userErrors"]] == ["ILLEGAL_TRANSITION"]
    await advance(db, fp, first, "SUBMITTED")
    no_reason = await gql(
        client, REVIEW, {"input": {"id": gid(first), "stage": "CHAIN", "decision": "REJECT"}}, token=staff
    )
    assert [e["code"] for e in no_reason["data"]["reviewFundApplication"]["userErrors"]] == ["REASON_REQUIRED"]
    # The budget holds one: the second park approval is refused.
    second_org = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise])
    one = await advance(db, fp, await draft(db, fp, second_org), "CHAIN_APPROVED")
    third_org = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise])
    two = await advance(db, fp, await draft(db, fp, third_org), "CHAIN_APPROVED")
    ok = await gql(client, REVIEW, {"input": {"id": gid(one), "stage": "PARK", "decision": "APPROVE"}}, token=admin)
    assert ok["data"]["reviewFundApplication"]["userErrors"] == []
    over = await gql(client, REVIEW, {"input": {"id": gid(two), "stage": "PARK", "decision": "APPROVE"}}, token=admin)
    assert [e["code"] for e in over["data"]["reviewFundApplication"]["userErrors"]] == ["BUDGET_EXCEEDED"]


async def test_segregation_of_duties_is_a_user_error(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db)
    staff = await token(client, fp, fp.staff)
    own = await draft(db, fp, by=fp.staff)
    await gql(client, SUBMIT, {"id": gid(own)}, token=staff)

    body = await gql(client, REVIEW, {"input": {"id": gid(own), "stage": "CHAIN", "decision": "APPROVE"}}, token=staff)

    assert [e["code"] for e in body["data"]["reviewFundApplication"]["userErrors"]] == ["SEGREGATION_OF_DUTIES"]


async def test_roles_are_refused(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db)
    application = await approved(db, fp)
    contact, staff, admin, finance, auditor, liaison = await tokens(
        client, fp, fp.contact, fp.staff, fp.admin, fp.finance, fp.auditor, fp.other_officer
    )
    program_input = {"kind": "DUES_REBATE", "fiscalYear": 2026, "name": "x", "budgetFen": 1}
    refusals = [
        (CREATE_PROGRAM, {"input": program_input}, (contact, staff, finance, auditor, liaison)),
        (DRAFT, {"input": draft_input(fp)}, (finance, auditor, liaison)),
        (
            REVIEW,
            {"input": {"id": gid(application), "stage": "PARK", "decision": "APPROVE"}},
            (finance, auditor, liaison),
        ),
        (
            CREATE_BATCH,
            {"input": {"name": "x", "applicationIds": [gid(application)]}},
            (contact, staff, admin, auditor),
        ),
        (EXPORT, {"id": encode_id("PaymentBatch", fp.program_id), "format": "CSV"}, (contact, staff, liaison)),
        (LEDGER, {}, (contact, staff, liaison)),
        (APPLICATIONS, {}, (liaison,)),
    ]
    for document, variables, refused_tokens in refusals:
        for refused in refused_tokens:
            body = await gql(client, document, variables, token=refused)
            assert error_codes(body) == ["FORBIDDEN"], (document[:40], body)
    assert error_codes(await gql(client, APPLICATIONS, {})) == ["UNAUTHENTICATED"]


async def test_scopes_and_other_parks(client: AsyncTestClient[Any], db: Database) -> None:
    fp, other = await funds_park(db), await funds_park(db)
    theirs = await draft(db, other)
    mine = await draft(db, fp)
    contact, admin = await token(client, fp, fp.contact), await token(client, fp, fp.admin)
    other_contact = await token(client, other, other.contact)

    node = await gql(client, "query N($id: ID!) { node(id: $id) { id } }", {"id": gid(theirs)}, token=admin)
    assert error_codes(node) == ["NOT_FOUND"]
    submit = await gql(client, SUBMIT, {"id": gid(theirs)}, token=contact)
    assert [e["code"] for e in submit["data"]["submitFundApplication"]["userErrors"]] == ["NOT_FOUND"]
    foreign_org = await gql(client, DRAFT, {"input": draft_input(fp, other.organization.id)}, token=contact)
    assert [e["code"] for e in foreign_org["data"]["draftFundApplication"]["userErrors"]] == ["NOT_FOUND"]
    listed = await gql(client, APPLICATIONS, {}, token=other_contact)
    assert [n["id"] for n in listed["data"]["fundApplications"]["nodes"]] == [gid(theirs)]
    assert gid(mine) not in str(listed)
    wrong_type = await gql(client, SUBMIT, {"id": encode_id("FundProgram", fp.program_id)}, token=contact)
    assert user_errors(wrong_type["data"]["submitFundApplication"]) == [("input.id", "INVALID")]


async def test_english_messages(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db)
    await draft(db, fp)
    contact = await token(client, fp, fp.contact)

    body = await gql(client, DRAFT, {"input": draft_input(fp)}, token=contact, headers={"Accept-Language": "en"})

    error = body["data"]["draftFundApplication"]["userErrors"][0]
    assert error["code"] == "ALREADY_APPLIED" and error["message"].startswith("This organisation")


async def test_batch_export_and_report(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db)
    application = await approved(db, fp)
    finance, auditor = await token(client, fp, fp.finance), await token(client, fp, fp.auditor)
    batch = await gql(
        client, CREATE_BATCH, {"input": {"name": "第一批", "applicationIds": [gid(application)]}}, token=finance
    )
    batch_id = batch["data"]["createPaymentBatch"]["paymentBatch"]["id"]

    exported = await gql(client, EXPORT, {"id": batch_id, "format": "CSV"}, token=auditor)
    file = exported["data"]["paymentBatchExport"]
    rows = list(csv.reader(io.StringIO(base64.b64decode(file["contentBase64"]).decode("utf-8-sig"))))
    assert file["filename"].endswith(".csv") and len(rows) == 2 and rows[1][6] == "500000"
    xlsx = await gql(client, EXPORT, {"id": batch_id, "format": "XLSX"}, token=finance)
    assert base64.b64decode(xlsx["data"]["paymentBatchExport"]["contentBase64"])[:2] == b"PK"
    missing = await gql(
        client, EXPORT, {"id": encode_id("PaymentBatch", fp.program_id), "format": "CSV"}, token=finance
    )
    assert error_codes(missing) == ["NOT_FOUND"]

    report = await gql(client, REPORT, token=auditor)
    lines = report["data"]["fundLedgerReport"]
    assert [(line["kind"], line["amountFen"], line["entries"]) for line in lines] == [("RESERVE", 500_000, 1)]
    assert lines[0]["chainId"] == encode_id("IndustryChain", fp.chain.id)


async def test_application_list_costs_a_constant_number_of_statements(
    client: AsyncTestClient[Any], db: Database
) -> None:
    fp = await funds_park(db)
    admin = await token(client, fp, fp.admin)
    await approved(db, fp)

    async def statements_for_list() -> int:
        with counted_statements() as statements:
            body = await gql(client, APPLICATIONS, {}, token=admin)
        assert "errors" not in body
        return len(statements)

    few = await statements_for_list()
    for _ in range(4):
        await approved(db, fp)
    assert await statements_for_list() == few
