"""The blank spreadsheet an import starts from: the columns the reader matches, required ones marked `*`
(the reader ignores the mark), so a template can never drift from what an import accepts."""

from redchain.infra.spreadsheet import SheetFile, SheetFormat, sheet_file
from redchain.services.actor import Actor
from redchain.services.registry.imports.rows import ENTERPRISE_COLUMNS, MEMBER_COLUMNS
from redchain.services.registry.imports.service import require_import
from redchain.services.registry.models import ImportKind

TEMPLATES = {
    ImportKind.ENTERPRISES: ("enterprise-import-template", "企业导入模板", ENTERPRISE_COLUMNS),
    ImportKind.MEMBERS: ("member-import-template", "党员导入模板", MEMBER_COLUMNS),
}


def import_template(actor: Actor, kind: ImportKind, fmt: SheetFormat) -> SheetFile:
    require_import(actor)
    stem, title, columns = TEMPLATES[kind]
    # The first alias of a column is its Chinese header; the English one follows for integrators.
    header = [f"{c.aliases[0]}{'*' if c.required else ''}" for c in columns]
    return sheet_file(fmt, stem, title, [header])
