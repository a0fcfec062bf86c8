"""Search by Chinese substring and by credit code, served by the pg_trgm indexes."""

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from redchain.infra.db import Database
from redchain.infra.pagination import PageRequest
from redchain.services.registry import service as registry
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.models import Enterprise
from redchain.services.registry.repository import EnterpriseRepository
from redchain.services.registry.service import EnterpriseFilter, MemberFilter, OrganizationFilter
from tests.factories import build_cast, create_enterprise, create_organization, create_party_member
from tests.services.registry.helpers import run


async def _names(db, cast, who, where: EnterpriseFilter) -> list[str]:  # type: ignore[no-untyped-def]
    page = await run(db, cast.park, who, lambda s: registry.list_enterprises(s, who.actor, where, PageRequest(50)))
    return [e.name for e in page.rows]


async def test_two_chinese_characters_find_a_name_containing_them(db: Database) -> None:
    cast = await build_cast(db)
    await create_enterprise(db, cast.park, name="博翔新材料有限公司", chain_id=cast.chain.id)
    await create_enterprise(db, cast.park, name="湖南新能源科技", chain_id=cast.chain.id)

    assert await _names(db, cast, cast.admin, EnterpriseFilter(search="新材")) == ["博翔新材料有限公司"]
    assert await _names(db, cast, cast.admin, EnterpriseFilter(search="新")) == ["博翔新材料有限公司", "湖南新能源科技"]
    # Wildcards typed by a user are text, not patterns.
    assert await _names(db, cast, cast.admin, EnterpriseFilter(search="%")) == []


async def test_a_credit_code_fragment_finds_its_enterprise_within_the_scope(db: Database) -> None:
    cast = await build_cast(db)
    fragment = cast.other_enterprise.credit_code[6:14].lower()

    assert await _names(db, cast, cast.admin, EnterpriseFilter(search=fragment)) == [cast.other_enterprise.name]
    assert await _names(db, cast, cast.staff, EnterpriseFilter(search=fragment)) == []


async def test_organisations_and_members_are_searched_by_name(db: Database) -> None:
    cast = await build_cast(db)
    await create_organization(db, cast.park, name="博翔新材料党支部")
    await create_party_member(db, cast.park, name="欧阳新材")

    orgs = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.list_organizations(s, cast.admin.actor, OrganizationFilter(search="新材"), PageRequest(10)),
    )
    members = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.list_members(s, cast.admin.actor, MemberFilter(search="新材"), PageRequest(10)),
    )

    assert [o.name for o in orgs.rows] == ["博翔新材料党支部"]
    assert [m.name for m in members.rows] == ["欧阳新材"]


async def test_a_search_of_three_or_more_characters_uses_the_trigram_index(db: Database) -> None:
    cast = await build_cast(db)
    words = ["智能", "装备", "医药", "电子", "软件", "光电", "环保", "能源", "材料", "生物"]
    async with db.transaction(cast.park.id) as session:
        session.add_all(
            Enterprise(
                tenant_id=cast.park.id,
                credit_code=make_credit_code(900_000 + i),
                name=f"长沙{words[i % 10]}{words[i // 10 % 10]}{i}号",
            )
            for i in range(2000)
        )
        session.add(Enterprise(tenant_id=cast.park.id, credit_code=make_credit_code(899_999), name="博翔新材料"))
    async with db.owner_transaction() as session:
        # What autovacuum does in production: move new rows out of GIN's pending list, refresh statistics.
        await session.execute(sa.text("SELECT gin_clean_pending_list('ix_enterprises_name_trgm')"))
        await session.execute(sa.text("ANALYZE enterprises"))

    async with db.transaction(cast.park.id) as session:
        stmt = EnterpriseRepository(session).filtered_enterprises(cast.admin.actor, EnterpriseFilter(search="新材料"))
        sql = stmt.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
        plan = "\n".join(await session.scalars(sa.text(f"EXPLAIN {sql}")))
        found = (await session.scalars(stmt)).all()

    assert "ix_enterprises_name_trgm" in plan, plan
    assert [e.name for e in found] == ["博翔新材料"]
