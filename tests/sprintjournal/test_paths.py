"""shipped_resources: the installed resources' folder, found without importlib.resources."""

from importlib import resources
from pathlib import Path

from sprintjournal.paths import ICON_SIZES, RESOURCES_PACKAGE, icon_file, shipped_resources


def test_the_resources_folder_is_the_one_importlib_resources_gives() -> None:
    assert shipped_resources() == Path(str(resources.files(RESOURCES_PACKAGE)))
    assert (shipped_resources() / "__init__.py").is_file()


def test_every_shipped_icon_size_is_found_there() -> None:
    assert all(icon_file(size).is_file() for size in ICON_SIZES)
