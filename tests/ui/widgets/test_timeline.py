"""The attendance timeline as drawn: a bar per attendee over the days present (hosts in their
accent colour, a dashed orange outline for a row to review, a green "new" badge), the selected
day's column shaded, and a click on a column asking for that day."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from factories import END, START
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sprintjournal_ui.models.attendees_model import NEWCOMER_COLOUR
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.timeline import HOST_COLOUR, TimelineChart, newcomer_badge

from sprintjournal.journal import Journal
from sprintjournal.records import AttendeeRec

DAYS = [START + timedelta(days=n) for n in range((END - START).days + 1)]
HEADER, ROW = 36, 22  # the chart's header and row heights
ATTENDEE_BLUE = QColor("#5b8fb9")
REVIEW_ORANGE = QColor("#e69500")


@pytest.fixture
def people(store: JournalStore, journal: Journal, panel_sprint: int) -> list[AttendeeRec]:
    """The panel sprint's attendees; Armin (to review) given dates so his bar is drawn. In a
    journal of one sprint everyone is there for the first time: all but Mark are made regulars,
    as they would be with an earlier sprint in the journal."""
    armin = next(a for a in journal.list_attendees(panel_sprint) if a.person.name == "Armin Rigo")
    journal.update_attendee(armin.id, arrive=date(2011, 11, 5), depart=date(2011, 11, 7))
    return [replace(a, newcomer=a.person.name == "Mark Pearse")
            for a in store.list_attendees(panel_sprint)]


def chart_of(qtbot: QtBot, people: list[AttendeeRec], day: date | None = None) -> TimelineChart:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_data(people, DAYS)
    chart.set_day(day)
    chart.resize(760, chart.sizeHint().height())
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def colours_in_row(image: QImage, row: int, x_from: int = 0) -> set[str]:
    y = HEADER + row * ROW + ROW // 2
    return {image.pixelColor(x, y).name() for x in range(x_from, image.width())}


def column_centre(chart: TimelineChart, day: date) -> int:
    """The x of a day's column centre, found by asking the chart (no layout copied here)."""
    for x in range(chart.width()):
        if chart.day_at(QPoint(x, 5)) == day:
            start = x
            while chart.day_at(QPoint(x, 5)) == day:
                x += 1
            return (start + x) // 2
    raise AssertionError(f"no column for {day}")


def test_bars_are_drawn_in_each_kind_of_attendees_colour(
        qtbot: QtBot, people: list[AttendeeRec]) -> None:
    chart = chart_of(qtbot, people)
    image = chart.grab().toImage()
    rows = {a.person.name: n for n, a in enumerate(people)}
    laura = colours_in_row(image, rows["Laura Creighton"])
    assert HOST_COLOUR.name() in laura and ATTENDEE_BLUE.name() not in laura
    antonio = colours_in_row(image, rows["Antonio Cuni"])
    assert ATTENDEE_BLUE.name() in antonio and HOST_COLOUR.name() not in antonio
    mark = colours_in_row(image, rows["Mark Pearse"])
    assert NEWCOMER_COLOUR.name() in mark  # the "new" badge
    assert NEWCOMER_COLOUR.name() not in antonio
    # the row to review: a dashed orange outline around a paler bar
    y_top = HEADER + rows["Armin Rigo"] * ROW + 5
    outline = {image.pixelColor(x, y_top).name() for x in range(image.width())}
    assert REVIEW_ORANGE.name() in outline
    assert REVIEW_ORANGE.name() not in {image.pixelColor(x, HEADER + rows["Antonio Cuni"] * ROW
                                                         + 5).name()
                                        for x in range(image.width())}


def test_a_bar_spans_exactly_the_days_present(qtbot: QtBot, people: list[AttendeeRec]) -> None:
    chart = chart_of(qtbot, people)
    image = chart.grab().toImage()
    row = next(n for n, a in enumerate(people) if a.person.name == "Antonio Cuni")
    y = HEADER + row * ROW + ROW // 2
    blue = ATTENDEE_BLUE.name()
    for day in DAYS:  # Antonio: 4 to 9 November
        inside = image.pixelColor(column_centre(chart, day), y).name() == blue
        assert inside == (date(2011, 11, 4) <= day <= date(2011, 11, 9)), day


def test_the_selected_day_is_shaded_and_a_weekend_greyed(
        qtbot: QtBot, people: list[AttendeeRec]) -> None:
    thursday, friday, saturday = date(2011, 11, 3), date(2011, 11, 4), date(2011, 11, 5)
    chart = chart_of(qtbot, people, thursday)
    image = chart.grab().toImage()
    y = HEADER - 3  # under the day labels, above the rows
    base = image.pixelColor(column_centre(chart, friday), y)
    assert image.pixelColor(column_centre(chart, thursday), y) != base
    assert image.pixelColor(column_centre(chart, saturday), y) != base
    chart.set_day(None)
    image = chart.grab().toImage()
    assert image.pixelColor(column_centre(chart, thursday), y) == base


def test_a_click_on_a_column_asks_for_its_day(qtbot: QtBot, people: list[AttendeeRec]) -> None:
    chart = chart_of(qtbot, people)
    monday = date(2011, 11, 7)
    with qtbot.waitSignal(chart.day_clicked) as clicked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                         pos=QPoint(column_centre(chart, monday), HEADER + 2 * ROW))
    assert clicked.args == [monday]
    with qtbot.assertNotEmitted(chart.day_clicked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(10, HEADER + ROW))
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,  # below the rows: the legend
                         pos=QPoint(column_centre(chart, monday), chart.height() - 4))


def test_the_height_follows_the_attendees(qtbot: QtBot, people: list[AttendeeRec]) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_data(people, DAYS)
    full = chart.sizeHint().height()
    chart.set_data(people[:2], DAYS)
    assert full - chart.sizeHint().height() == (len(people) - 2) * ROW
    assert chart.minimumSizeHint().height() == chart.sizeHint().height()


@pytest.mark.parametrize(("days", "people_too"), [([], True), (DAYS, False)])
def test_an_empty_chart_draws_no_bars(
        qtbot: QtBot, people: list[AttendeeRec], days: list[date], people_too: bool) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_data(people if people_too else [], days)
    chart.resize(600, 200)
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 3) for y in range(0, 200, 3)}
    assert not colours & {HOST_COLOUR.name(), ATTENDEE_BLUE.name(), NEWCOMER_COLOUR.name()}
    if not days:
        assert chart.day_at(QPoint(300, 20)) is None


def test_a_guessed_newcomer_is_badged_with_a_question_mark(people: list[AttendeeRec]) -> None:
    mark = next(a for a in people if a.person.name == "Mark Pearse")
    assert newcomer_badge(replace(mark, newcomer=True, newcomer_override=True)) == "new"
    assert newcomer_badge(replace(mark, newcomer=True, newcomer_override=None)) == "new?"
    assert newcomer_badge(replace(mark, newcomer=False, newcomer_override=False)) is None
