"""File > Settings: what this workstation may set, and (for administrators) the site policy.

Workstation: the database URL (checked by connecting before it is saved to ``workstation.toml``;
used from the next start), the default printer and the font scale (applied at once, kept in
``workstation.ini``), and the UI language (``workstation.ini``, used from the next start). Site
policy lives in the site file IT deploys; administrators
(``settings.manage``) see it here read-only, with where the file is and how to change it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from transitions.config import SiteConfig, default_database_url
from transitions.db.engine import Database, mask_url
from transitions.services.permissions import allowed
from transitions.workstation import (
    WorkstationSettings,
    load_workstation_settings,
    save_workstation_settings,
    workstation_settings_path,
)
from ui import preferences as prefs
from ui.context import AppContext
from ui.dialogs.common import error_label, set_error
from ui.errors import user_message
from ui.i18n import LANGUAGES
from ui.tasks import bound_to
from ui.widgets.style import set_muted


def check_database(url: str) -> None:
    """Connect once (on the worker); raises DatabaseUnavailableError with a one-line reason."""
    Database.open(url).dispose()


class SettingsDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings if settings is not None else prefs.preferences()
        self.setWindowTitle(self.tr("Settings — Transitions"))
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        self._saved_scale = prefs.saved_font_scale(self.settings)
        self._stored_url = load_workstation_settings().database_url

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped notes fit
        layout.addWidget(self._workstation_box())
        actor = ctx.actor
        self.policy_box: QGroupBox | None = None
        if actor is not None and allowed(actor, "settings.manage"):
            self.policy_box = self._policy_box(ctx.site)
            layout.addWidget(self.policy_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.status_label = QLabel()
        set_muted(self.status_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 52)

    # -- building ---------------------------------------------------------------------------
    def _workstation_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This workstation"))
        form = QFormLayout(box)
        in_use = QLabel(self.ctx.db.display_url)
        in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Database in use:"), in_use)
        self.url_edit = QLineEdit(mask_url(self._stored_url) if self._stored_url else "")
        self.url_edit.setPlaceholderText(self._fallback_text())
        self.url_edit.setAccessibleName(self.tr("Database address for this workstation"))
        self.url_error = error_label()
        url_caption = QLabel(self.tr("&Database address:"))
        url_caption.setBuddy(self.url_edit)
        form.addRow(url_caption, self.url_edit)
        form.addRow("", self.url_error)
        hint = QLabel(
            self.tr(
                "Leave empty to use the site's database. The address is checked by connecting "
                "before it is saved, and is used from the next start."
            )
        )
        hint.setWordWrap(True)
        set_muted(hint)
        form.addRow("", hint)

        self.printer_combo = QComboBox()
        self.printer_combo.addItem(self.tr("System default printer"), "")
        for name in prefs.installed_printers():
            self.printer_combo.addItem(name, name)
        saved = str(self.settings.value(prefs.PRINTER_KEY, "") or "")
        if saved and self.printer_combo.findData(saved) < 0:
            self.printer_combo.addItem(self.tr("%1 (not installed)").replace("%1", saved), saved)
        self.printer_combo.setCurrentIndex(max(self.printer_combo.findData(saved), 0))
        printer_caption = QLabel(self.tr("Default &printer:"))
        printer_caption.setBuddy(self.printer_combo)
        form.addRow(printer_caption, self.printer_combo)

        self.scale_combo = QComboBox()
        for scale in prefs.FONT_SCALES:
            self.scale_combo.addItem(f"{round(scale * 100)} %", scale)
        self.scale_combo.setCurrentIndex(prefs.FONT_SCALES.index(self._saved_scale))
        self.scale_combo.currentIndexChanged.connect(self._preview_scale)
        scale_caption = QLabel(self.tr("&Text size:"))
        scale_caption.setBuddy(self.scale_combo)
        form.addRow(scale_caption, self.scale_combo)

        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():  # each in its own language
            self.language_combo.addItem(name, code)
        saved_language = prefs.saved_language(self.settings)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(saved_language), 0))
        self.language_combo.setToolTip(self.tr("Used from the next start."))
        language_caption = QLabel(self.tr("&Language:"))
        language_caption.setBuddy(self.language_combo)
        form.addRow(language_caption, self.language_combo)
        return box

    def _fallback_text(self) -> str:
        site_url = self.ctx.site.database_url
        if site_url:
            return self.tr("Site database: %1").replace("%1", mask_url(site_url))
        return self.tr("This computer's database: %1").replace(
            "%1", mask_url(default_database_url())
        )

    def _policy_box(self, site: SiteConfig) -> QGroupBox:
        box = QGroupBox(self.tr("Site policy (read-only)"))
        column = QVBoxLayout(box)
        form = QFormLayout()
        column.addLayout(form)
        builtin = site.source == "built-in defaults"
        rows = [
            (
                self.tr("Site file:"),
                self.tr("none (built-in defaults)") if builtin else site.source,
            ),
            (self.tr("Hospital:"), site.hospital_name),
            (self.tr("Call-back number:"), site.callback_phone),
            (self.tr("Time zone:"), site.timezone_name or self.tr("this computer's")),
            (self.tr("Holiday calendar:"), self._calendar_text(site)),
            (
                self.tr("Screen lock after:"),
                self.tr("%1 min idle").replace("%1", str(site.idle_lock_minutes)),
            ),
            (self.tr("Minimum password length:"), str(site.min_password_length)),
            (self.tr("Follow-up visit within:"), self._deadline_text(site)),
            (self.tr("Wards in the site file:"), self._units_text(site)),
            (
                self.tr("Site database:"),
                mask_url(site.database_url) if site.database_url else self.tr("not set"),
            ),
            (self.tr("Workstation files:"), str(workstation_settings_path().parent)),
        ]
        self.policy_values: dict[str, QLabel] = {}
        for caption, value in rows:
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.policy_values[caption] = label
            title = QLabel(caption)
            for part in (title, label):  # a short screen must not squeeze the rows into each other
                part.setMinimumHeight(part.sizeHint().height())
            form.addRow(title, label)
        note = QLabel(
            self.tr(
                "Site policy applies to every workstation and is set by IT in the site file "
                "(TOML), not here. To change it: edit the file, run "
                "<code>transitions config check</code>, then restart Transitions on each "
                "workstation."
            )
        )
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.RichText)
        set_muted(note)
        column.addWidget(note)
        return box

    def _deadline_text(self, site: SiteConfig) -> str:
        days = site.visit_deadline_days
        return (
            self.tr("%1 days (high risk), %2 (moderate), %3 (low)")
            .replace("%1", str(days.high))
            .replace("%2", str(days.moderate))
            .replace("%3", str(days.low))
        )

    def _units_text(self, site: SiteConfig) -> str:
        if not site.units:
            return self.tr("none listed")
        return ", ".join(
            u.code if u.active else self.tr("%1 (inactive)").replace("%1", u.code)
            for u in site.units
        )

    def _calendar_text(self, site: SiteConfig) -> str:
        if site.holiday_country.lower() == "none":
            return self.tr("none (weekends only)")
        return "-".join(part for part in (site.holiday_country, site.holiday_subdivision) if part)

    # -- behaviour --------------------------------------------------------------------------
    def _preview_scale(self) -> None:
        prefs.apply_font_scale(self._app, float(self.scale_combo.currentData()))

    def typed_url(self) -> str | None:
        """The URL to store: None for 'the site's'; the stored one when the masked text is kept."""
        text = self.url_edit.text().strip()
        if not text:
            return None
        if self._stored_url and text == mask_url(self._stored_url):
            return self._stored_url
        return text

    def save(self) -> None:
        url = self.typed_url()
        set_error(self.url_error, None)
        if url is None or url == self._stored_url:
            self._store(url)
            return
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Checking the database…"))
        self.ctx.runner.run(
            lambda: check_database(url),
            bound_to(self, lambda _none: self._store(url)),
            bound_to(self, self._check_failed),
        )

    def _check_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self.status_label.clear()
        set_error(self.url_error, user_message(exc, "checking the database"))
        self.url_edit.setFocus()

    def _store(self, url: str | None) -> None:
        if url != self._stored_url:
            save_workstation_settings(WorkstationSettings(database_url=url))
        self.settings.setValue(prefs.PRINTER_KEY, self.printer_combo.currentData() or "")
        self.settings.setValue(prefs.FONT_SCALE_KEY, float(self.scale_combo.currentData()))
        self.settings.setValue(prefs.LANGUAGE_KEY, self.language_combo.currentData() or "")
        self.settings.sync()
        self.accept()

    def reject(self) -> None:
        prefs.apply_font_scale(self._app, self._saved_scale)  # undo the preview
        super().reject()
