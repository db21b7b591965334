"""Making a round's forms: one workbook per owner, ``round.csv``, and the round in ``rounds.yaml``.

Everything is written in one go (``writing.write_files``: all files or none),
under the catalogue's write lock, so the round recorded in ``rounds.yaml`` and
the forms on disk always belong together.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from ..catalogue import load_catalogue
from ..edits import write_lock
from ..errors import CatalogueInvalidError, UsageError, WriteRefusedError
from ..i18n import text
from ..layout import ROUNDS_FILE
from ..models import Round as RoundRecord
from ..models import RoundForm
from ..parallel import in_two
from ..render.text import csv_cell, visible
from ..rounds import check_rounds_text, rounds_yaml, with_forms
from ..writing import write_files
from .model import Form, Round, catalogue_revision, default_round_name, make_round
from .write_ods import form_ods
from .write_xlsx import form_xlsx

ROUND_CSV = "round.csv"


@dataclass
class MadeRound:
    round: Round
    files: list[Path]  # the forms, then round.csv
    added_to_existing: bool


def make_forms(
    root: Path,
    outdir: Path,
    *,
    name: str | None,
    as_of: date,
    due: date | None,
    owners: Sequence[str] = (),
    file_format: str = "xlsx",
    today: date | None = None,
) -> MadeRound:
    """Write every owner's form to ``outdir`` and record the round in ``rounds.yaml``."""
    today = today or date.today()
    round_name = name or default_round_name(as_of)
    if as_of > today:
        raise UsageError(f"--as-of {as_of} is in the future")
    _check_outdir(root, outdir)
    with write_lock(root):
        result = load_catalogue(root)
        errors = [f for f in result.findings if f.severity.value == "error"]
        if errors:
            raise CatalogueInvalidError(
                f"the catalogue has {len(errors)} error(s); forms made from it would miss "
                "actions or show them wrongly",
                hint="run `rrs validate` and fix them first",
            )
        catalogue = result.catalogue
        made = make_round(
            catalogue,
            name=round_name,
            made=today,
            as_of=as_of,
            due=due,
            revision=catalogue_revision(root),
            owners=owners,
        )
        if not made.forms:
            raise UsageError("no actions to make forms for", hint="check --owner")
        files = _form_files(made.forms, outdir, file_format)
        files.append((outdir / ROUND_CSV, round_csv(made.forms, file_format)))
        for path, _ in files:
            if path.exists() or path.is_symlink():
                raise WriteRefusedError(
                    f"'{visible(str(path))}' already exists; rrs does not overwrite forms",
                    hint="give an empty folder (returned forms are easily overwritten otherwise)",
                )
        record = RoundRecord(
            name=round_name,
            made=today,
            as_of=as_of,
            due=due,
            revision=made.revision,
            forms=[
                RoundForm(
                    owner=form.owner,
                    file=f"{form.stem}.{file_format}",
                    actions=form.action_ids,
                    digest=form.hidden.digest(),
                )
                for form in made.forms
            ],
        )
        existing = any(r.name == round_name for r in catalogue.rounds)
        rounds_path = root / ROUNDS_FILE
        if any(Path(f.file) == rounds_path for f in errors):
            raise CatalogueInvalidError(f"{ROUNDS_FILE} has errors; fix them first")
        new_rounds = rounds_yaml(with_forms(list(catalogue.rounds), record))
        check_rounds_text(root, new_rounds)
        outdir.mkdir(parents=True, exist_ok=True)
        write_files(
            [*files, (rounds_path, new_rounds)],
            unsynced=frozenset(path for path, _ in files),
        )
    return MadeRound(made, [path for path, _ in files], existing)


def _check_outdir(root: Path, outdir: Path) -> None:
    """Forms never go inside the catalogue (rrs would read them as stray files)."""
    try:
        inside = outdir.resolve().is_relative_to(root.resolve())
    except OSError:
        inside = False
    if inside:
        raise UsageError(
            f"'{visible(str(outdir))}' is inside the catalogue; write the forms elsewhere"
        )
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"'{visible(str(outdir))}' is not a folder")


def _form_files(
    forms: list[Form], outdir: Path, file_format: str
) -> list[tuple[Path, str | bytes]]:
    for form in forms:
        form.file_format = file_format
    contents = _workbooks(forms, file_format)
    return [
        (outdir / f"{form.stem}.{file_format}", data)
        for form, data in zip(forms, contents, strict=True)
    ]


# From this many forms on, a forked worker writes half of them (parallel.in_two):
# a workbook takes milliseconds, and a round of 2,000 owners is seconds of it.
PARALLEL_FROM = 200


def _workbooks(forms: list[Form], file_format: str) -> list[bytes]:
    return in_two(partial(_write_range, file_format=file_format), forms, least=PARALLEL_FROM)


def _write_range(forms: list[Form], file_format: str) -> list[bytes]:
    write = form_ods if file_format == "ods" else form_xlsx
    return [write(form) for form in forms]


def round_csv(forms: list[Form], file_format: str) -> str:
    """One line per form, for a mail merge: owner, file, number of actions, their ids."""
    if not forms:
        return ""
    lang = forms[0].lang
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            text(k, lang)
            for k in ("forms.csv.owner", "forms.csv.file", "forms.csv.actions", "forms.csv.ids")
        ]
    )
    for form in forms:
        writer.writerow(
            [
                csv_cell(form.title),
                f"{form.stem}.{file_format}",
                len(form.rows),
                " ".join(form.action_ids),
            ]
        )
    return buffer.getvalue()
