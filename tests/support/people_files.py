"""Generated people.txt files in PyPy's own table layout, of any size (FAULTS 58).

A module of its own so the memory probe, which runs in a child process, can import it too.
"""

BORDER = "==================== ============ ======="
HEADER = f"{BORDER}\nName                 Arrive       Food\n{BORDER}\n"


def people_txt(rows: list[str], title: str = "Gothenburg sprint Nov 2nd - 9th, 2011") -> str:
    heading = f"People coming to the {title}"
    return f"{heading}\n{'=' * len(heading)}\n\n{HEADER}" + "\n".join(rows) + f"\n{BORDER}\n"


def person(i: int) -> str:
    return f"Pérson {i:06d}        {2 + i % 3}/11-8/11     vegan"
