"""Budget arithmetic from the append-only ledger. Nothing about a budget is stored but its size:
what is reserved, paid and left is always summed from the entries."""

from dataclasses import dataclass

from redchain.services.funds.models import LedgerKind


@dataclass(frozen=True)
class Budget:
    budget_fen: int
    reserved_total_fen: int = 0  # every RESERVE ever
    released_fen: int = 0
    paid_total_fen: int = 0  # every PAY ever
    clawed_back_fen: int = 0

    @classmethod
    def from_totals(cls, budget_fen: int, totals: dict[LedgerKind, int]) -> "Budget":
        return cls(
            budget_fen=budget_fen,
            reserved_total_fen=totals.get(LedgerKind.RESERVE, 0),
            released_fen=totals.get(LedgerKind.RELEASE, 0),
            paid_total_fen=totals.get(LedgerKind.PAY, 0),
            clawed_back_fen=totals.get(LedgerKind.CLAWBACK, 0),
        )

    @property
    def reserved_fen(self) -> int:
        """Set aside for approved applications not yet paid (or released)."""
        return self.reserved_total_fen - self.released_fen - self.paid_total_fen

    @property
    def paid_fen(self) -> int:
        """Paid out and not clawed back."""
        return self.paid_total_fen - self.clawed_back_fen

    @property
    def committed_fen(self) -> int:
        return self.reserved_fen + self.paid_fen

    @property
    def available_fen(self) -> int:
        return self.budget_fen - self.committed_fen
