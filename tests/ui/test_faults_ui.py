"""FAULTS.md rows 6-10 and the UI halves of rows 11, 13 and 37 under their fault names.

The tests that prove them live with the widgets they test (main window, notes panel, app,
workers); this index runs each once more under `test_fault_NN_…`, so the FAULTS table maps row
by row onto passing tests (see tests/faults/test_faults_coverage.py).
"""

from test_app import (
    test_sigterm_saves_the_pending_edit_and_closes as test_fault_08_sigterm_flushes_and_closes,
)
from test_main_window import (
    test_an_error_in_a_slot_is_shown_and_the_app_keeps_running as test_fault_09_slot_exception,
)
from test_main_window import (
    test_closing_with_a_pending_edit_saves_it as test_fault_06_window_closed_before_autosave,
)
from test_main_window import (
    test_read_only_journal_shows_a_banner as test_fault_13_read_only_banner,
)
from test_main_window import (
    test_switching_sprint_saves_the_pending_edit as test_fault_07_switching_sprint_loses_nothing,
)
from test_main_window import window
from test_notes_panel import (
    test_a_save_refused_by_the_core_keeps_the_text as test_fault_11_refused_save_keeps_the_edit,
)
from test_notes_panel import (
    test_a_ten_megabyte_paste_is_saved_whole_and_previewed_in_part as test_fault_37_10_mb_paste,
)
from test_notes_panel import (
    test_switching_day_right_after_typing_loses_nothing as test_fault_07_day_switch_loses_nothing,
)
from test_workers import (
    test_errors_are_handed_over_not_raised as test_fault_10_worker_exception_is_reported,
)

__all__ = [
    "test_fault_06_window_closed_before_autosave",
    "test_fault_07_day_switch_loses_nothing",
    "test_fault_07_switching_sprint_loses_nothing",
    "test_fault_08_sigterm_flushes_and_closes",
    "test_fault_09_slot_exception",
    "test_fault_10_worker_exception_is_reported",
    "test_fault_11_refused_save_keeps_the_edit",
    "test_fault_13_read_only_banner",
    "test_fault_37_10_mb_paste",
    "window",
]
