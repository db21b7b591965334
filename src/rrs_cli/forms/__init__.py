"""Progress rounds: a form per owner out, filled forms in, and the round's status.

``rrs progress forms`` makes the forms (``model``, ``write_xlsx``,
``write_ods``) and records the round in ``rounds.yaml`` (``..rounds``);
``rrs progress import`` reads returned forms safely (``container``, ``read``), checks every
row with the rules of ``rrs update`` (``check``) and records them all in one
go through the same write path (``record``); ``status`` tells how far a
round has got.
"""

from __future__ import annotations

from .status import RoundStatus, round_status

__all__ = ["RoundStatus", "round_status"]
