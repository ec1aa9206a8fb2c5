"""View ▸ Theme: light, dark or the system's scheme, applied at once and remembered."""

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from . import theme
from .settings import remember_theme, theme_choice

CHOICES = (("system", "&System"), ("light", "&Light"), ("dark", "&Dark"))


class ThemeMenu(QMenu):
    def __init__(self, parent: QWidget) -> None:
        super().__init__("&Theme", parent)
        self.setObjectName("theme_menu")
        group = QActionGroup(self)
        current = theme_choice()
        self.choices: dict[str, QAction] = {}
        for key, text in CHOICES:
            action = self.addAction(text)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.setObjectName(f"theme_{key}")
            action.triggered.connect(lambda _checked=False, k=key: choose(k))
            group.addAction(action)
            self.choices[key] = action


def choose(key: str) -> None:
    """Apply `key` to the whole application and keep it for the next start."""
    remember_theme(key)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme.apply_choice(app, key)
