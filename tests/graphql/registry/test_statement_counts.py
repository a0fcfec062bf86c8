"""Every list costs the same number of SQL statements whatever its length: relations go through DataLoaders."""

from datetime import date
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment
from redchain.services.permissions import Role
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.models import (
    Enterprise,
    FormationMode,
    MemberStatus,
    MemberTransfer,
    OrganizationEnterprise,
    OrganizationKind,
    OrganizationStatus,
    PartyMember,
    PartyOrganization,
)
from tests.factories import create_chain, create_member, create_park
from tests.graphql.client import gql, login
from tests.graphql.registry.support import counted_statements

ENTERPRISES = """
query Enterprises($first: Int!) {
  enterprises(first: $first) {
    totalCount
    nodes {
      id name creditCode contactPhone isCovered memberCount
      chain { id name secretary { displayName } }
      organizations { id name status secretary { name phone } parent { name } }
      liaisonOfficers { id displayName }
    }
  }
}
"""
ORGANIZATIONS = """
query Organizations($first: Int!) {
  partyOrganizations(first: $first) {
    totalCount
    nodes { id name kind memberCount chain { name } parent { name } secretary { name } enterprises { name } }
  }
}
"""
MEMBERS = """
query Members($first: Int!) {
  members(first: $first) {
    totalCount
    nodes {
      id name idCardMasked phone
      organization { name chain { name } }
      enterprise { name liaisonOfficers { displayName } }
      transfers { transferredOn fromOrganization { name } toOrganization { name } }
    }
  }
}
"""


async def _park_of(db: Database, size: int) -> str:
    """A park with `size` enterprises, each with an organisation under a committee, a member who moved
    there, and a liaison officer; returns its admin's email."""
    park = await create_park(db)
    chain = await create_chain(db, park)
    officer, _ = await create_member(db, park, Role.LIAISON_OFFICER)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    async with db.transaction(park.id) as session:
        committee = PartyOrganization(
            tenant_id=park.id,
            name="新材料产业链党委",
            kind=OrganizationKind.PARTY_COMMITTEE,
            formation_mode=FormationMode.STANDALONE,
            chain_id=chain.id,
        )
        session.add(committee)
        await session.flush()
        for i in range(size):
            enterprise = Enterprise(
                tenant_id=park.id,
                credit_code=make_credit_code(i),
                name=f"企业{i:03d}",
                chain_id=chain.id,
                contact_phone="13800000000",
            )
            org = PartyOrganization(
                tenant_id=park.id,
                name=f"企业{i:03d}党支部",
                kind=OrganizationKind.BRANCH,
                formation_mode=FormationMode.STANDALONE,
                status=OrganizationStatus.FORMED,
                chain_id=chain.id,
                parent_id=committee.id,
                formed_on=date(2025, 1, 1),
            )
            session.add_all([enterprise, org])
            await session.flush()
            member = PartyMember(
                tenant_id=park.id,
                name=f"党员{i:03d}",
                status=MemberStatus.FULL,
                organization_id=org.id,
                enterprise_id=enterprise.id,
                id_card_last4="123X",
            )
            session.add_all(
                [
                    OrganizationEnterprise(tenant_id=park.id, organization_id=org.id, enterprise_id=enterprise.id),
                    member,
                    LiaisonAssignment(
                        tenant_id=park.id,
                        officer_user_id=officer.id,
                        enterprise_id=enterprise.id,
                        kind=AssignmentKind.LIAISON_OFFICER,
                        starts_on=date(2025, 1, 1),
                    ),
                ]
            )
            await session.flush()
            org.secretary_member_id = member.id
            session.add(
                MemberTransfer(
                    tenant_id=park.id,
                    member_id=member.id,
                    from_organization_id=committee.id,
                    to_organization_id=org.id,
                    transferred_on=date(2025, 2, 1),
                )
            )
    return admin.email


async def _statements(client: AsyncTestClient[Any], query: str, size: int, token: str) -> tuple[int, dict[str, Any]]:
    with counted_statements() as statements:
        body = await gql(client, query, {"first": size}, token=token)
    assert "errors" not in body, body
    return len(statements), body["data"]


@pytest.mark.parametrize(
    ("query", "field"), [(ENTERPRISES, "enterprises"), (ORGANIZATIONS, "partyOrganizations"), (MEMBERS, "members")]
)
async def test_ten_and_a_hundred_rows_cost_the_same_statements(
    client: AsyncTestClient[Any], db: Database, query: str, field: str
) -> None:
    counts = []
    for size in (10, 100):
        email = await _park_of(db, size)
        token = await login(client, email, park_id=None)
        count, data = await _statements(client, query, size, token)
        assert len(data[field]["nodes"]) == size, data[field]["totalCount"]
        counts.append(count)

    assert counts[0] == counts[1]
    assert 0 < counts[0] < 30  # a short read transaction per relation, not one per row
