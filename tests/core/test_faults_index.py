"""FAULTS.md rows 26-35 under their fault names: the tests that prove them live with the module
they test (photos, report safety); this index runs each once more under `test_fault_NN_…`, so
the FAULTS table maps row by row onto passing tests (see tests/faults/test_faults_coverage.py).
"""

from test_photos import (
    test_decompression_bomb_is_refused as test_fault_26_decompression_bomb_is_refused,
)
from test_photos import (
    test_malformed_exif_imports_with_a_warning as test_fault_29_malformed_exif_imported,
)
from test_photos import (
    test_not_an_image_names_the_file as test_fault_28_not_an_image_names_the_file,
)
from test_photos import (
    test_oversized_file_is_refused_before_reading as test_fault_31_huge_file_refused_before_reading,
)
from test_photos import (
    test_supported_by_pillow_but_not_allowed_format_is_unsupported as test_fault_28_unsupported,
)
from test_photos import (
    test_truncated_photo_is_incomplete as test_fault_27_truncated_photo_is_incomplete,
)
from test_photos import (
    test_web_rendition_is_upright as test_fault_32_portrait_phone_photo_exported_upright,
)
from test_photos import (
    test_web_rendition_strips_gps_xmp_icc_and_comments as test_fault_30_no_gps_in_exported_photos,
)
from test_report_safety import (
    test_names_are_shown_literally_in_every_export as test_fault_34_names_shown_literally,
)
from test_report_safety import (
    test_no_xss_vector_reaches_html_output as test_fault_33_no_xss_vector_reaches_html,
)
from test_report_safety import (
    test_photo_file_names_land_inside_the_folder_unique_and_safe as test_fault_35_safe_file_names,
)

__all__ = [
    "test_fault_26_decompression_bomb_is_refused",
    "test_fault_27_truncated_photo_is_incomplete",
    "test_fault_28_not_an_image_names_the_file",
    "test_fault_28_unsupported",
    "test_fault_29_malformed_exif_imported",
    "test_fault_30_no_gps_in_exported_photos",
    "test_fault_31_huge_file_refused_before_reading",
    "test_fault_32_portrait_phone_photo_exported_upright",
    "test_fault_33_no_xss_vector_reaches_html",
    "test_fault_34_names_shown_literally",
    "test_fault_35_safe_file_names",
]
