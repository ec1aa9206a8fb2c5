"""Which folders become which installed packages: the one place that maps the two.

The repository keeps the layout its users chose (`sprintjournal/`, `ui/`, `resources/`), but a
wheel must not put generic names such as `ui` or `resources` into site-packages, so every folder
installs under a `sprintjournal` name:

    sprintjournal/  ->  sprintjournal             the Qt-free core
    ui/             ->  sprintjournal_ui          the PySide6 desktop app
    resources/      ->  sprintjournal_resources   templates, styles, icons, the demo journal

Packages are discovered, never listed: a new sub-package (or resource folder) cannot be missed.
The UI imports its own modules relatively, so the same files work under either name; nothing
outside `ui/` imports `ui`. Everything else (metadata, dependencies, tools) is in pyproject.toml.
"""

from setuptools import find_namespace_packages, find_packages, setup

INSTALLED_NAMES = {"sprintjournal_ui": "ui", "sprintjournal_resources": "resources"}


def discovered(name: str, folder: str) -> list[str]:
    """`name` and each sub-package below `folder` (a data folder counts), as its installed name."""
    subs = find_namespace_packages(folder, exclude=["*__pycache__*"])
    return [name] + [f"{name}.{sub}" for sub in subs]


packages = find_packages(include=["sprintjournal", "sprintjournal.*"])
for installed, folder in INSTALLED_NAMES.items():
    packages += discovered(installed, folder)

setup(
    packages=packages,
    package_dir=INSTALLED_NAMES,
    package_data={"sprintjournal_resources": ["**/*"]},
    include_package_data=True,
)
